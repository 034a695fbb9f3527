import { assertProperty } from "@klynge/test-support/property";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../versions/canonicalJson.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The same JSON value with the keys of every object, at every depth, in a random order. */
function arbShuffledKeys(value: Json): fc.Arbitrary<Json> {
  if (Array.isArray(value)) {
    return value.length === 0 ? fc.constant([]) : fc.tuple(...value.map(arbShuffledKeys));
  }
  if (value === null || typeof value !== "object") return fc.constant(value);
  const entries = Object.entries(value);
  if (entries.length === 0) return fc.constant({});
  return fc
    .shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length })
    .chain((shuffled) =>
      fc
        .tuple(...shuffled.map(([, child]) => arbShuffledKeys(child)))
        // fromEntries defines keys, so a "__proto__" key stays a key instead of a prototype.
        .map((children) =>
          Object.fromEntries(shuffled.map(([key], i) => [key, children[i] as Json])),
        ),
    );
}

/** A deep copy whose keys, at every depth, were inserted in UTF-16 code-unit order. */
function sortKeysDeep(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeysDeep(value[key] as Json)]),
  );
}

// JS objects list integer-like keys ("7", "10") first whatever the insertion order, so only for
// other keys does JSON.stringify keep the sorted insertion order.
const arbNonIndexKey = fc.string({ maxLength: 6 }).filter((key) => !/^(0|[1-9][0-9]*)$/.test(key));
const { json: arbJsonWithoutIndexKeys } = fc.letrec<{ json: Json }>((tie) => ({
  json: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ unit: "grapheme", maxLength: 8 }),
    fc.array(tie("json"), { maxLength: 4 }),
    fc.dictionary(arbNonIndexKey, tie("json"), { maxKeys: 4 }),
  ),
}));

describe("canonicalJson", () => {
  it("sorts keys by UTF-16 code units (RFC 8785 §3.2.3 example)", () => {
    const input = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis",' +
        '"€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it("serialises numbers, strings and literals as RFC 8785 §3.2.2 does", () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
        '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it("writes -0 as 0 and keeps integers exact", () => {
    expect(canonicalJson([-0, 0, 9007199254740991, -100, 1e21])).toBe(
      "[0,0,9007199254740991,-100,1e+21]",
    );
  });

  it("sorts nested objects inside arrays inside objects, without whitespace", () => {
    const input = { b: [{ z: 1, a: [true, { y: null, x: "å" }] }, []], a: {} };
    expect(canonicalJson(input)).toBe('{"a":{},"b":[{"a":[true,{"x":"å","y":null}],"z":1},[]]}');
  });

  it("gives the same string whatever the key order of the input", () => {
    expect(canonicalJson({ id: "q", text: { en: "E", da: "D" } })).toBe(
      canonicalJson({ text: { da: "D", en: "E" }, id: "q" }),
    );
  });

  it("leaves out undefined members, and writes undefined array items as null like JSON.stringify", () => {
    expect(canonicalJson({ b: undefined, a: 1, c: { d: undefined } })).toBe('{"a":1,"c":{}}');
    expect(canonicalJson([undefined, 1])).toBe("[null,1]");
    expect(canonicalJson([undefined, 1])).toBe(JSON.stringify([undefined, 1]));
  });

  it("writes the holes of a sparse array as null, so the output stays JSON", () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is what is tested
    const sparse = [1, , 3];
    expect(canonicalJson(sparse)).toBe("[1,null,3]");
    expect(canonicalJson(new Array(2))).toBe("[null,null]");
  });

  it("keeps a __proto__ key that came from JSON.parse", () => {
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":{"x":2}}'))).toBe(
      '{"__proto__":{"x":2},"b":1}',
    );
  });

  it.each([
    [
      "NaN",
      { a: [1, Number.NaN] },
      /cannot encode the number NaN at \$\.a\[1\]; JSON has no NaN or Infinity/,
    ],
    ["Infinity", Number.POSITIVE_INFINITY, /cannot encode the number Infinity at \$;/],
    [
      "-Infinity",
      { x: { y: Number.NEGATIVE_INFINITY } },
      /cannot encode the number -Infinity at \$\.x\.y;/,
    ],
    [
      "a function member",
      { questions: [{ id: "q", check: () => true }] },
      /a value of type function at \$\.questions\[0\]\.check;/,
    ],
    [
      "a function in an array",
      [() => 1],
      /a value of type function at \$\[0\]; convert it to a string, number or boolean/,
    ],
    ["a bigint", { n: 10n }, /cannot encode a value of type bigint at \$\.n;/],
    ["a symbol", [Symbol("s")], /cannot encode a value of type symbol at \$\[0\];/],
    ["undefined at the top", undefined, /cannot encode a value of type undefined at \$;/],
  ])("throws a TypeError that says where for %s", (_name, value, message) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
    expect(() => canonicalJson(value)).toThrow(message);
  });

  it("throws a TypeError for a circular structure instead of overflowing the stack", () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = { back: loop };
    expect(() => canonicalJson(loop)).toThrow(TypeError);
    expect(() => canonicalJson(loop)).toThrow(/circular reference at \$\.self\.back/);
  });

  it("accepts the same object twice when it is not its own ancestor", () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared, shared] })).toBe(
      '{"a":{"x":1},"b":[{"x":1},{"x":1}]}',
    );
  });

  it("gives the same string for every key order of a JSON value (property)", () => {
    assertProperty(
      fc.property(
        fc
          .jsonValue()
          .chain((value) => fc.tuple(fc.constant(value as Json), arbShuffledKeys(value as Json))),
        ([value, shuffled]) => {
          expect(canonicalJson(shuffled)).toBe(canonicalJson(value));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("equals JSON.stringify for input whose keys are already sorted (property)", () => {
    assertProperty(
      fc.property(arbJsonWithoutIndexKeys, (value) => {
        expect(canonicalJson(value)).toBe(JSON.stringify(sortKeysDeep(value)));
      }),
      { numRuns: 200 },
    );
  });

  it("parses back to the same value (property)", () => {
    assertProperty(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 200 },
    );
  });
});
