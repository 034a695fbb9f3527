import { createVersion, formatIssue, formatPath, type QuestionnaireVersion } from "@klynge/engine";
import { getTemplate, templateIds } from "./bank.js";
import type { TemplateId } from "./template.js";

const versions = new Map<TemplateId, QuestionnaireVersion>();

/**
 * The template sealed as an engine version (content hash, lineage pointing at the template),
 * made once per id. Throws for an id that is not in the bank: check with `getTemplate` first
 * when the id comes from outside.
 */
export function templateVersion(id: TemplateId): QuestionnaireVersion {
  const cached = versions.get(id);
  if (cached !== undefined) return cached;
  const template = getTemplate(id);
  if (template === undefined) {
    throw new Error(
      `templateVersion: unknown template id ${JSON.stringify(id)}; the bank has ${templateIds.join(", ")}. Use getTemplate(id) for ids that may not exist.`,
    );
  }
  const result = createVersion(template.questionnaire, {
    label: `KiAP skabelon: ${template.title.da} ${template.semver}`,
    lineage: { base: null, edits: [], template: { id: template.id, semver: template.semver } },
  });
  if (!result.success) {
    const issues = result.issues
      .map((i) => `${formatPath(i.path, "en")}: ${formatIssue(i, "en")}`)
      .join("; ");
    throw new Error(
      `templateVersion: the bank template "${id}" is not a valid questionnaire: ${issues}`,
    );
  }
  versions.set(template.id, result.data);
  return result.data;
}
