import { en } from "zod/locales";
import type * as z from "zod/mini";
import type { StoredIssue } from "./records.js";

export type CheckedRecord<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly issues: readonly StoredIssue[] };

/**
 * zod/mini loads no locale (part of what keeps the bundle small), so every message would read
 * "Invalid input"; stored issues keep zod's English messages, as classic zod gave them, for
 * about 1 KB gzip.
 */
const english = { error: en().localeError };

/**
 * Validates a record read from (or about to go into) IndexedDB; never throws on data. Hands on
 * the record itself, not zod's copy: the record schemas only check (no transforms or defaults),
 * and zod's copy of a record with a key such as "__proto__" would lose that answer.
 */
export function checkRecord<T>(schema: z.ZodMiniType<T>, raw: unknown): CheckedRecord<T> {
  const parsed = schema.safeParse(raw, english);
  if (parsed.success) return { success: true, data: raw as T };
  return {
    success: false,
    issues: parsed.error.issues.map((issue) => ({
      code: issue.code,
      path: issue.path.filter((p): p is string | number => typeof p !== "symbol"),
      message: issue.message,
    })),
  };
}
