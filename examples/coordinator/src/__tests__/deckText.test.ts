import { describe, expect, it } from "vitest";
import { chunk } from "../deck/chunk.js";
import { mergeTexts } from "../deck/mergeTexts.js";

const limits = { items: 8, chars: 900 };
const texts = (n: number, length = 10) =>
  Array.from({ length: n }, (_, i) => `${i}`.padEnd(length, "x"));

describe("chunk", () => {
  it("keeps every item in order and never leaves one alone on a slide", () => {
    for (let n = 2; n <= 40; n++) {
      for (const length of [10, 200, 950]) {
        const items = texts(n, length);
        const pages = chunk(items, limits);
        expect(pages.flat()).toEqual(items);
        expect({ n, length, lone: pages.filter((p) => p.length === 1).length }).toEqual({
          n,
          length,
          lone: 0,
        });
      }
    }
  });

  it("uses as few slides as the limits allow, filled evenly", () => {
    expect(chunk(texts(9), limits).map((p) => p.length)).toEqual([5, 4]);
    expect(chunk(texts(16), limits).map((p) => p.length)).toEqual([8, 8]);
    expect(chunk(texts(22), { items: 10, chars: 1000 }).map((p) => p.length)).toEqual([8, 8, 6]);
    // Long items: the characters decide, and a lone one at the end is taken in or lent one.
    expect(chunk(texts(5, 400), limits).map((p) => p.length)).toEqual([2, 3]);
  });

  it("leaves a single item on its one slide", () => {
    expect(chunk(["only"], limits)).toEqual([["only"]]);
  });
});

describe("mergeTexts", () => {
  it("merges an answer written k times or more, ignoring case and spaces, most frequent first", () => {
    const items = [
      "Ventetid",
      " ventetid ",
      "VENTETID",
      "ventetid",
      "ventetid",
      "Lang  transport",
      "lang transport",
      "Andet svar",
    ];
    expect(mergeTexts(items, 5)).toEqual([
      { text: "Ventetid", count: 5 },
      { text: "Lang transport" },
      { text: "lang transport" },
      { text: "Andet svar" },
    ]);
  });

  it("never shows a count below k", () => {
    const items = ["a", "a", "a", "a", "b", "b", "b", "b", "b", "b"];
    for (const k of [3, 5, 7]) {
      for (const line of mergeTexts(items, k))
        if (line.count !== undefined) expect(line.count).toBeGreaterThanOrEqual(k);
      expect(mergeTexts(items, k).length).toBe((4 >= k ? 1 : 4) + (6 >= k ? 1 : 6));
    }
  });
});
