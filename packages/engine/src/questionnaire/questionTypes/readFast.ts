import { isPlainRecord } from "../../internal/describeValue.js";
import { codePattern, limits } from "../primitives.js";

// Structural checks for answers that are exactly right, so validation skips zod's copying for
// the common case. Each returns false on anything unusual; zod then decides and explains.

export { isPlainRecord };

export function isCode(value: unknown): value is string {
  return typeof value === "string" && value.length <= limits.codeLength && codePattern.test(value);
}

/** Text zod would pass unchanged: `trim()` changes nothing, length within 1..max. */
export function isCleanText(value: unknown, max: number): value is string {
  return (
    typeof value === "string" && value.length >= 1 && value.length <= max && value.trim() === value
  );
}

/** The record has no keys but `allowed`, and each of `required`. */
export function hasOnlyKeys(
  record: Record<string, unknown>,
  required: readonly string[],
  optional: readonly string[] = [],
): boolean {
  let count = 0;
  for (const key in record) {
    if (!required.includes(key) && !optional.includes(key)) return false;
    count++;
  }
  return required.every((key) => key in record) && count <= required.length + optional.length;
}

/** `otherText` absent, or clean text. */
export function otherTextOk(record: Record<string, unknown>): boolean {
  return !("otherText" in record) || isCleanText(record.otherText, limits.otherText);
}
