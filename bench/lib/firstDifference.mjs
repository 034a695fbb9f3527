/**
 * Whether two tallies hold the same figures, whatever their key order or prototypes: the
 * check that (a), (b) and (d) counted the same thing. Returns the first difference, or null.
 * @param {unknown} a
 * @param {unknown} b
 * @param {string} path
 * @returns {string | null}
 */
export function firstDifference(a, b, path = "") {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) {
    return Object.is(a, b) ? null : `${path}: ${String(a)} ≠ ${String(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  if (ka.join("\u0000") !== kb.join("\u0000")) return `${path}: keys [${ka}] ≠ [${kb}]`;
  for (const key of ka) {
    const difference = firstDifference(
      /** @type {Record<string, unknown>} */ (a)[key],
      /** @type {Record<string, unknown>} */ (b)[key],
      `${path}/${key}`,
    );
    if (difference !== null) return difference;
  }
  return null;
}
