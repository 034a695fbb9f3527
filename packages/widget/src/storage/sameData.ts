/**
 * Whether two structured-clonable values hold the same data (plain objects, arrays and
 * primitives, as records are stored): a record read back from IndexedDB is never `===` the one
 * written, so the draft store compares them by content.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const prototype = Object.getPrototypeOf(a);
  if (prototype !== Object.getPrototypeOf(b)) return false;
  // Anything else (a Date, a Map) is not what a record holds: unequal, to be safe.
  if (prototype !== Object.prototype && prototype !== Array.prototype && prototype !== null)
    return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key)) return false;
    if (!sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
      return false;
  }
  return true;
}
