import { assertProperty } from "@klynge/test-support/property";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultK, minimumK, suppressCells } from "../../anonymity/suppressCells.js";

const w = "small_cell";

/** What a reader knows of a linked group: the shown counts, the total, and which are withheld. */
function pinnedCells(
  counts: readonly (number | null)[],
  reasons: readonly (string | null)[],
): number[] {
  const withheld = counts.flatMap((c, i) => (reasons[i] !== null && c !== null ? [i] : []));
  const sum = withheld.reduce((s, i) => s + (counts[i] as number), 0);
  // A withheld count can be pinned when the withheld sum leaves it one possible value: with
  // zeros shown, every withheld count is ≥ 1 unless a zero is withheld as well.
  const zeroWithheld = withheld.some((i) => counts[i] === 0);
  const lower = zeroWithheld ? 0 : 1;
  if (withheld.length === 1) return withheld;
  return sum - (withheld.length - 1) * lower === lower ? withheld : [];
}

describe("suppressCells", () => {
  it("has a default k of 5 and a minimum of 3", () => {
    expect([defaultK, minimumK]).toEqual([5, 3]);
  });

  it("withholds counts from 1 to k−1 and nothing else when the group is not linked", () => {
    expect(suppressCells([0, 1, 4, 5, 12], 5, false)).toEqual([null, w, w, null, null]);
    expect(suppressCells([2, 3, 7], 3, false)).toEqual([w, null, null]);
    expect(suppressCells([9, 2, 7, 5], 5, false)).toEqual([null, w, null, null]);
  });

  it("withholds nothing when no count is small, linked or not", () => {
    expect(suppressCells([0, 5, 9, 0], 5, true)).toEqual([null, null, null, null]);
    expect(suppressCells([], 5, true)).toEqual([]);
    expect(suppressCells([0, 0], 5, true)).toEqual([null, null]);
  });

  it("with one small count in a linked group, also withholds the smallest other non-zero count", () => {
    expect(suppressCells([9, 2, 7, 5], 5, true)).toEqual([null, w, null, w]);
    expect(suppressCells([1, 12, 30], 5, true)).toEqual([w, w, null]);
    expect(suppressCells([0, 1, 0, 5], 5, true)).toEqual([null, w, null, w]);
  });

  it("takes the first of equally small counts", () => {
    expect(suppressCells([6, 2, 6, 8], 5, true)).toEqual([w, w, null, null]);
    expect(suppressCells([8, 3, 6, 6], 5, true)).toEqual([null, w, w, null]);
  });

  it("keeps withholding until the withheld sum is at least k", () => {
    // 1 + 2 = 3 < 5: a reader would know both are small; 1 + 2 + 6 = 9 is not telling.
    expect(suppressCells([1, 2, 9, 6], 5, true)).toEqual([w, w, null, w]);
    expect(suppressCells([4, 9, 3, 3], 5, true)).toEqual([w, null, w, w]);
  });

  it("keeps withholding while every withheld count would have to be 1", () => {
    // Four ones and a sum of 4 < 5; adding the 7 gives 11 over five cells.
    expect(suppressCells([1, 1, 1, 1, 7], 5, true)).toEqual([w, w, w, w, w]);
  });

  it("withholds the zeros too when the non-zero counts run out", () => {
    // 1+1+1+1+1 = 5 over five cells would pin each at 1; a withheld zero breaks the bound.
    expect(suppressCells([1, 1, 1, 1, 1, 0], 5, true)).toEqual([w, w, w, w, w, w]);
    expect(suppressCells([0, 3, 0], 5, true)).toEqual([w, w, w]);
  });

  it("leaves cells that do not exist (null) alone, and never picks one", () => {
    expect(suppressCells([null, 2, 6, null, 8], 5, true)).toEqual([null, w, w, null, null]);
    expect(suppressCells([null, null], 5, true)).toEqual([null, null]);
  });

  it("never leaves a withheld count that the total and the shown counts pin down", () => {
    const arbGroup = fc.record({
      k: fc.integer({ min: 3, max: 8 }),
      counts: fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constant(null)), {
        minLength: 1,
        maxLength: 8,
      }),
    });
    assertProperty(
      fc.property(arbGroup, ({ k, counts }) => {
        const total = counts.reduce<number>((s, c) => s + (c ?? 0), 0);
        // A question's counts are shown only when at least k answered.
        fc.pre(total >= k);
        const reasons = suppressCells(counts, k, true);
        counts.forEach((c, i) => {
          if (c !== null && c > 0 && c < k) expect(reasons[i]).toBe(w);
          if (c === null) expect(reasons[i]).toBeNull();
        });
        const distinctValues = new Set(counts.filter((c) => c !== null && c > 0));
        // Degenerate: k or more options each chosen exactly once and no zero left to hide behind.
        const degenerate =
          distinctValues.size === 1 && distinctValues.has(1) && !counts.includes(0);
        if (!degenerate) expect(pinnedCells(counts, reasons)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
