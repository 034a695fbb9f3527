import { describe, expect, it } from "vitest";
import { chunk } from "../deck/chunk.js";
import { mergeTexts } from "../deck/mergeTexts.js";

const limits = { items: 8, chars: 900 };
const texts = (n: number, length = 10) =>
  Array.from({ length: n }, (_, i) => `${i}`.padEnd(length, "x"));

describe("chunk", () => {
  it("keeps every item in order and never leaves one alone on a slide when it could share", () => {
    for (let n = 2; n <= 40; n++) {
      for (const length of [10, 100, 200]) {
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

  it("leaves an answer too long to share on a slide of its own", () => {
    const items = texts(3, 950);
    expect(chunk(items, limits)).toEqual(items.map((item) => [item]));
  });

  it("uses as few slides as the limits allow, filled evenly", () => {
    expect(chunk(texts(9), limits).map((p) => p.length)).toEqual([5, 4]);
    expect(chunk(texts(16), limits).map((p) => p.length)).toEqual([8, 8]);
    expect(chunk(texts(22), { items: 10, chars: 1000 }).map((p) => p.length)).toEqual([8, 8, 6]);
    // Long items: the characters decide; a lone one is taken in only within a little slack.
    expect(chunk(texts(5, 300), limits).map((p) => p.length)).toEqual([3, 2]);
    expect(chunk(texts(5, 400), limits).map((p) => p.length)).toEqual([2, 2, 1]);
  });

  it("leaves a single item on its one slide", () => {
    expect(chunk(["only"], limits)).toEqual([["only"]]);
  });
});

describe("mergeTexts", () => {
  it("merges identical answers, ignoring case and spaces, most frequent first; counts only from k", () => {
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
      { text: "Lang transport", repeated: true },
      { text: "Andet svar" },
    ]);
  });

  it("never shows a count below k", () => {
    const items = ["a", "a", "a", "a", "b", "b", "b", "b", "b", "b"];
    for (const k of [3, 5, 7]) {
      for (const line of mergeTexts(items, k))
        if (line.count !== undefined) expect(line.count).toBeGreaterThanOrEqual(k);
      // One line per distinct answer, whatever k: four "a" are never four lines.
      expect(mergeTexts(items, k).map((line) => line.text)).toEqual(["b", "a"]);
    }
  });
});
