// The fast paths skip zod only for input that zod would pass unchanged. This checks that promise
// directly, so it reaches into internal modules instead of the package entry.

import { assertProperty } from "@klynge/test-support/property";
import { makeQuestionnaire } from "@klynge/test-support/questionnaires";
import { arbAnswerFor, arbResponseFor, versionOf } from "@klynge/test-support/responses";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { questionTypeOf } from "../../questionnaire/questionTypes/registry.js";
import { readEnvelopeFast, responseEnvelopeSchema } from "../../responses/response.js";
import { arbJunk, arbLookalike } from "../fixtures/junk.js";

const version = versionOf(makeQuestionnaire());
const questions = version.questionnaire.questions;

/** Small changes that a fast path might wrongly let through. */
function arbNearMiss<T>(base: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return base.chain((value) => {
    const json = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
    const keys = Object.keys(json);
    return fc.oneof(
      fc.constant(json),
      fc
        .record({
          key: fc.constantFrom(...keys, "extra"),
          replacement: fc.oneof(arbJunk, fc.string(), fc.constant(" x "), fc.constant(undefined)),
        })
        .map(({ key, replacement }) => ({ ...json, [key]: replacement })),
      fc.constantFrom(...keys).map((key) => {
        const { [key]: _gone, ...rest } = json;
        return rest;
      }),
      fc.constant(Object.assign(Object.create({ inherited: true }), json)),
    );
  });
}

describe("fast paths agree with the schemas", () => {
  it("never accept an envelope zod refuses, and read the same fields", () => {
    const arb = fc.oneof(arbNearMiss(arbResponseFor(version)), arbJunk, arbLookalike);
    assertProperty(
      fc.property(arb, (input) => {
        const fast = readEnvelopeFast(input);
        if (fast === undefined) return;
        const parsed = responseEnvelopeSchema.safeParse(input);
        expect(parsed.success).toBe(true);
        if (parsed.success) expect(fast).toEqual(parsed.data);
      }),
      { numRuns: 300 },
    );
  });

  it("never accept an answer zod refuses, and return what zod returns", () => {
    for (const question of questions) {
      const type = questionTypeOf(question.type);
      const arb = fc.oneof(arbNearMiss(arbAnswerFor(question)), arbJunk, arbLookalike);
      assertProperty(
        fc.property(arb, (raw) => {
          const fast = type.readAnswerFast(raw);
          if (fast === undefined) return;
          const parsed = type.answerSchema.safeParse(raw);
          expect(parsed.success, `${question.type}: ${JSON.stringify(raw)}`).toBe(true);
          if (parsed.success) expect(fast).toEqual(parsed.data);
        }),
        { numRuns: 200 },
      );
    }
  });

  it("take the common valid case (so the fast path is really used)", () => {
    assertProperty(
      fc.property(arbResponseFor(version), (response) => {
        expect(readEnvelopeFast(JSON.parse(JSON.stringify(response)))).toBeDefined();
        for (const question of questions) {
          const answer = (response.answers as Record<string, unknown>)[question.id];
          if (answer !== undefined)
            expect(questionTypeOf(question.type).readAnswerFast(answer)).toBeDefined();
        }
      }),
      { numRuns: 100 },
    );
  });
});
