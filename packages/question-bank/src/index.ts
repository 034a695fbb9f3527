export { getTemplate, listTemplates } from "./bank.js";
export { getPackage, listPackages } from "./packages.js";
export type { Template, TemplateId } from "./template.js";
export { templateVersion } from "./templateVersion.js";
