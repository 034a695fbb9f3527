import type { SuppressionReason } from "../aggregation/report.js";

/** The smallest k a caller may ask for; below it a group of two could be told apart. */
export const minimumK = 3;
export const defaultK = 5;

/**
 * Decides which counts of one group to withhold; every withheld count gets the same reason, so
 * a reader cannot tell the small count from the ones withheld to protect it.
 *
 * Primary: counts from 1 to k−1. Secondary, when the counts sum to a shown total (`linked`): a
 * reader knows the withheld sum S (total minus the shown counts) and that shown zeros are zero,
 * so each withheld count is at least 1. More counts are withheld, smallest non-zero first (first
 * on a tie), until S ≥ k and S > the number withheld: then no withheld count can be pinned down.
 * If the non-zero counts run out first, the zeros are withheld too, so none is known to be ≥ 1.
 * `null` entries are cells that do not exist here (an option not offered); they are left alone.
 */
export function suppressCells(
  counts: readonly (number | null)[],
  k: number,
  linked: boolean,
): (SuppressionReason | null)[] {
  const withheld = counts.map((c) => c !== null && c > 0 && c < k);
  if (!linked || !withheld.includes(true)) return reasonsOf(withheld);
  for (;;) {
    let sum = 0;
    let size = 0;
    counts.forEach((c, i) => {
      if (withheld[i]) {
        sum += c as number;
        size++;
      }
    });
    if (size >= 2 && sum >= k && sum > size) break;
    const next = smallestShown(counts, withheld);
    if (next < 0) {
      counts.forEach((c, i) => {
        if (c === 0) withheld[i] = true;
      });
      break;
    }
    withheld[next] = true;
  }
  return reasonsOf(withheld);
}

function smallestShown(counts: readonly (number | null)[], withheld: readonly boolean[]): number {
  let pick = -1;
  counts.forEach((c, i) => {
    if (c === null || c === 0 || withheld[i]) return;
    if (pick < 0 || c < (counts[pick] as number)) pick = i;
  });
  return pick;
}

function reasonsOf(withheld: readonly boolean[]): (SuppressionReason | null)[] {
  return withheld.map((w) => (w ? "small_cell" : null));
}
