import { formatIssue } from "@klynge/engine";
import { parseWithSchema } from "@klynge/engine/contract";
import type * as z from "zod/mini";
import type { StoredIssue } from "./records.js";

export type CheckedRecord<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly issues: readonly StoredIssue[] };

/**
 * Validates a record read from (or about to go into) IndexedDB; never throws on data. Hands on
 * the record itself, not zod's copy: the record schemas only check (no transforms or defaults),
 * and zod's copy of a record with a key such as "__proto__" would lose that answer. What was
 * wrong is kept as the engine's issues, in its Danish words (the engine's catalogue, which the
 * page carries anyway; zod's own English messages would cost zod's locale, about 1 KB gzip).
 */
export function checkRecord<T>(schema: z.ZodMiniType<T>, raw: unknown): CheckedRecord<T> {
  const checked = parseWithSchema(schema, raw);
  if (checked.success) return { success: true, data: raw as T };
  return {
    success: false,
    issues: checked.issues.map((issue) => ({
      code: issue.code,
      path: [...issue.path],
      message: formatIssue(issue, "da"),
    })),
  };
}
