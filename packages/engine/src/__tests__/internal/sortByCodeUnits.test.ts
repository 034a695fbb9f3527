import { assertProperty } from "@klynge/test-support/property";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortByCodeUnits } from "../../internal/sortByCodeUnits.js";

/** Strings over a few code units, so that prefixes, duplicates and long shared runs are common. */
const arbNarrowString = fc.string({
  unit: fc.constantFrom("a", "b", "æ", "\u{1F600}", "\uD800", "\uFFFF", " "),
  maxLength: 24,
});
const arbAnyString = fc.string({ unit: "binary", maxLength: 40 });

describe("sortByCodeUnits", () => {
  it("orders as the built-in sort: by UTF-16 code unit, a prefix first, duplicates kept", () => {
    const items = ["ventetid", "Ventetid", "vente", "", "øvrigt", "æble", "ventetid", "\u{1F600}"];
    expect(sortByCodeUnits(items)).toEqual([
      "",
      "Ventetid",
      "vente",
      "ventetid",
      "ventetid",
      "æble",
      "øvrigt",
      "\u{1F600}",
    ]);
  });

  it("returns a copy and leaves its input as it was", () => {
    const items = ["b", "a", "c"];
    const sorted = sortByCodeUnits(items);
    expect(items).toEqual(["b", "a", "c"]);
    expect(sorted).not.toBe(items);
  });

  it("gives the built-in sort's order for any strings and any budget", () => {
    assertProperty(
      fc.property(
        fc.array(fc.oneof(arbNarrowString, arbAnyString), { maxLength: 300, size: "max" }),
        fc.integer({ min: 0, max: 40 }),
        (items, budget) => {
          expect(sortByCodeUnits(items, budget)).toEqual([...items].sort());
          expect(sortByCodeUnits(items)).toEqual([...items].sort());
        },
      ),
    );
  });

  it("sorts long runs of one text and texts that share long prefixes (explicit stack)", () => {
    const prefix = "a".repeat(5000);
    const items = Array.from({ length: 200 }, (_, i) => `${prefix}${(i * 7919) % 200}`);
    items.push(prefix, ...Array.from({ length: 100 }, () => "same"));
    expect(sortByCodeUnits(items)).toEqual([...items].sort());
  });

  it("finishes with the built-in sort when the budget runs out, still in order", () => {
    // Every string differs in its first code unit only: many uneven partitions at one depth.
    const items = Array.from({ length: 500 }, (_, i) =>
      String.fromCharCode(0x4000 + ((i * 37) % 500)),
    );
    expect(sortByCodeUnits(items, 0)).toEqual([...items].sort());
    expect(sortByCodeUnits(items, 1)).toEqual([...items].sort());
  });
});
