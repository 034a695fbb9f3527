export { getTemplate, listTemplates, templateIds } from "./bank.js";
export type { Template, TemplateId, TemplateSource } from "./template.js";
export { templateVersion } from "./templateVersion.js";
