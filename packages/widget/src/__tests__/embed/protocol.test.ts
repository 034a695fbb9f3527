import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { widgetMessageSchema } from "../../embed/protocol.js";
import { readWidgetMessage } from "../../embed/readWidgetMessage.js";

// The host script checks widget messages by hand (zod would be most of its size); these tests
// hold it to the zod schema the widget's side uses.

const id = fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/);
const near = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer({ min: -2, max: 1_000_002 }),
  fc.double(),
  fc.string(),
  fc.boolean(),
  fc.constantFrom("x", "klynge", 1, 2, "ready", Number.NaN, Number.POSITIVE_INFINITY),
  id,
  fc.dictionary(fc.string(), fc.anything()),
);
const payloads = fc.oneof(
  fc.constant({}),
  fc.record({ index: near, count: near }, { requiredKeys: [] }),
  fc.record({ height: fc.oneof(near, fc.double({ min: 0, max: 200_000 })) }, { requiredKeys: [] }),
  fc.record(
    { responseId: fc.oneof(id, near), queued: fc.oneof(fc.boolean(), near), answers: near },
    { requiredKeys: [] },
  ),
  fc.record({ pending: near }, { requiredKeys: [] }),
  fc.record(
    {
      code: fc.oneof(fc.stringMatching(/^[a-z][a-z_]{0,70}$/), near),
      message: fc.string({ maxLength: 600 }),
    },
    { requiredKeys: [] },
  ),
  fc.dictionary(fc.string(), near),
);
const messages = fc.record(
  {
    source: fc.oneof(fc.constant("klynge"), near),
    v: fc.oneof(fc.constant(1), near),
    type: fc.oneof(
      fc.constantFrom("ready", "page", "resize", "complete", "sync", "error", "init"),
      near,
    ),
    embedId: fc.oneof(id, near),
    payload: fc.oneof(payloads, near),
    extra: near,
  },
  { requiredKeys: ["source", "v", "type", "embedId", "payload"] },
);

const valid = fc
  .record({
    source: fc.constant("klynge"),
    v: fc.constant(1),
    embedId: id,
    type_payload: fc.oneof(
      fc.tuple(fc.constant("ready"), fc.constant({})),
      fc.tuple(fc.constant("page"), fc.record({ index: fc.nat(1000), count: fc.nat(1001) })),
      fc.tuple(fc.constant("resize"), fc.record({ height: fc.double({ min: -1, max: 100_001 }) })),
      fc.tuple(
        fc.constant("sync"),
        fc.record({ pending: fc.integer({ min: -1, max: 1_000_001 }) }),
      ),
      fc.tuple(
        fc.constant("complete"),
        fc.record(
          {
            responseId: id,
            queued: fc.boolean(),
            answers: fc.dictionary(fc.string(), fc.jsonValue()),
          },
          { requiredKeys: ["responseId", "queued"] },
        ),
      ),
      fc.tuple(
        fc.constant("error"),
        fc.record({
          code: fc.stringMatching(/^[a-z][a-z_]{0,64}$/),
          message: fc.string({ maxLength: 520 }),
        }),
      ),
    ),
  })
  .map((m) => ({
    source: m.source,
    v: m.v,
    embedId: m.embedId,
    type: m.type_payload[0] as string,
    payload: m.type_payload[1] as unknown,
  }));

describe("readWidgetMessage", () => {
  it("gives the same verdict as widgetMessageSchema on near-valid and arbitrary messages", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(valid, messages, fc.anything()), (data) => {
        const byHand = readWidgetMessage(data) !== undefined;
        const byZod = widgetMessageSchema.safeParse(data).success;
        if (byZod) accepted += 1;
        expect(byHand).toBe(byZod);
      }),
      { numRuns: 5000 },
    );
    // The generator reaches valid messages, so agreement is not just "both refuse".
    expect(accepted).toBeGreaterThan(50);
  });

  it("accepts each kind of valid message and refuses extra keys", () => {
    const base = { source: "klynge", v: 1, embedId: "0b5f8a3e-4c1d" };
    for (const [type, payload] of [
      ["ready", {}],
      ["page", { index: 1, count: 3 }],
      ["resize", { height: 812.5 }],
      ["complete", { responseId: "0b5f8a3e-4c1d-4e2a", queued: false }],
      ["sync", { pending: 2 }],
      ["error", { code: "round_not_found", message: "Spørgeskemaet findes ikke." }],
    ] as const) {
      expect(readWidgetMessage({ ...base, type, payload })).toBeDefined();
      expect(readWidgetMessage({ ...base, type, payload, more: 1 })).toBeUndefined();
    }
  });
});
