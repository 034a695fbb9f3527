import { createHash } from "node:crypto";
import { assertProperty } from "@klynge/test-support/property";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256Hex, utf8Encode } from "../../internal/sha256.js";

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const nodeSha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("sha256Hex", () => {
  // FIPS 180-4 examples (NIST CSRC "SHA256.pdf" and "SHA2_Additional.pdf").
  it.each([
    ["the empty message", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    [
      "the 448-bit message",
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ],
    [
      "the 896-bit message",
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
    ],
  ])("hashes %s as in FIPS 180-4", (_name, message, expected) => {
    expect(sha256Hex(ascii(message))).toBe(expected);
  });

  it("hashes one million 'a' as in FIPS 180-4", () => {
    expect(sha256Hex(new Uint8Array(1_000_000).fill(0x61))).toBe(
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
    );
  });

  // 55 bytes is the longest message that pads into one block, 56 the shortest that needs two.
  it.each([55, 56, 63, 64, 65, 119, 120, 128])(
    "agrees with node:crypto at the padding edge of %i bytes",
    (length) => {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) & 0xff);
      expect(sha256Hex(bytes)).toBe(nodeSha256(bytes));
    },
  );

  it("does not modify its input", () => {
    const bytes = ascii("abc");
    sha256Hex(bytes);
    expect(Array.from(bytes)).toEqual([0x61, 0x62, 0x63]);
  });

  it("agrees with node:crypto on arbitrary bytes", () => {
    assertProperty(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(sha256Hex(bytes)).toBe(nodeSha256(bytes));
      }),
      { numRuns: 200 },
    );
  });
});

describe("utf8Encode", () => {
  it.each([
    ["ASCII", "abc", [0x61, 0x62, 0x63]],
    ["Danish letters (2 bytes each)", "æøå", [0xc3, 0xa6, 0xc3, 0xb8, 0xc3, 0xa5]],
    ["the euro sign (3 bytes)", "€", [0xe2, 0x82, 0xac]],
    ["an emoji from a surrogate pair (4 bytes)", "😀", [0xf0, 0x9f, 0x98, 0x80]],
    ["a lone high surrogate as U+FFFD", "a\ud800b", [0x61, 0xef, 0xbf, 0xbd, 0x62]],
    ["a lone low surrogate as U+FFFD", "\udc00", [0xef, 0xbf, 0xbd]],
    ["a high surrogate at the end as U+FFFD", "\ud83d", [0xef, 0xbf, 0xbd]],
    [
      "two high surrogates then a low one",
      "\ud83d\ud83d\ude00",
      [0xef, 0xbf, 0xbd, 0xf0, 0x9f, 0x98, 0x80],
    ],
    [
      "U+007F, U+0080, U+07FF, U+0800, U+FFFF",
      "\u007f\u0080\u07ff\u0800\uffff",
      [0x7f, 0xc2, 0x80, 0xdf, 0xbf, 0xe0, 0xa0, 0x80, 0xef, 0xbf, 0xbf],
    ],
    ["U+10FFFF", "\u{10ffff}", [0xf4, 0x8f, 0xbf, 0xbf]],
  ])("encodes %s", (_name, text, bytes) => {
    expect(Array.from(utf8Encode(text))).toEqual(bytes);
  });
});

/** Code units that make up awkward strings: lone surrogates, emoji, Danish letters, any code point. */
const awkwardUnit = fc.oneof(
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
  fc.constantFrom("😀", "👩‍⚕️", "🇩🇰", "æ", "Ø", "å", "\u0000", "\u2028", "\ufeff", "\ufffd"),
  fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }),
);
const awkwardString = fc.string({ unit: awkwardUnit, maxLength: 40 });

describe("utf8Encode and sha256Hex on any string", () => {
  it("encode byte for byte as TextEncoder does", () => {
    assertProperty(
      fc.property(awkwardString, (text) => {
        expect(Array.from(utf8Encode(text))).toEqual(Array.from(new TextEncoder().encode(text)));
      }),
      { numRuns: 200 },
    );
  });

  it("hash as node:crypto does over TextEncoder's bytes", () => {
    assertProperty(
      fc.property(awkwardString, (text) => {
        const expected = createHash("sha256")
          .update(Buffer.from(new TextEncoder().encode(text)))
          .digest("hex");
        expect(sha256Hex(utf8Encode(text))).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});
