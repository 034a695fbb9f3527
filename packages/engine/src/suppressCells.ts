import type { SuppressionReason } from "./report.js";

/** The smallest k a caller may ask for; below it a group of two could be told apart. */
export const minimumK = 3;
export const defaultK = 5;

/**
 * Decides which counts of one group to withhold. Primary: counts from 1 to k−1. Secondary: when
 * the counts sum to a total that is shown (`linked`), one withheld count could be worked out as
 * total minus the rest, so the smallest other non-zero count (first on a tie) is withheld with it;
 * a zero only when no other count is above zero.
 * `null` entries are cells that do not exist here (an option not offered) and are left alone.
 */
export function suppressCells(
  counts: readonly (number | null)[],
  k: number,
  linked: boolean,
): (SuppressionReason | null)[] {
  const reasons = counts.map((c): SuppressionReason | null => (c !== null && c > 0 && c < k ? "small_cell" : null));
  const withheld = reasons.filter((r) => r !== null).length;
  if (linked && withheld === 1) {
    // A withheld zero beside a shown zero is known to be zero, and the small count is then the rest.
    const smallest = (positive: boolean) => {
      let pick = -1;
      counts.forEach((c, i) => {
        if (c === null || reasons[i] !== null || (positive && c === 0)) return;
        if (pick < 0 || c < (counts[pick] as number)) pick = i;
      });
      return pick;
    };
    const positive = smallest(true);
    const pick = positive >= 0 ? positive : smallest(false);
    if (pick >= 0) reasons[pick] = "complementary";
  }
  return reasons;
}
