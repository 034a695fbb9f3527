import { deepFreeze } from "./deepFreeze.js";
import type { Template, TemplateId } from "./template.js";
import { akut } from "./templates/akut.js";
import { rehab } from "./templates/rehab.js";

// Frozen because every caller shares these objects: a stray edit would change a template,
// and its hash, for everyone.
const templates: readonly Template[] = deepFreeze([rehab, akut]);

export const templateIds: readonly TemplateId[] = Object.freeze(templates.map((t) => t.id));

/** The bank's templates in the order KiAP lists its packages (rehab, then akut). */
export function listTemplates(): readonly Template[] {
  return templates;
}

/** Looks up an id that may come from outside (a URL, stored data); `undefined` when unknown. */
export function getTemplate(id: string): Template | undefined {
  return templates.find((t) => t.id === id);
}
