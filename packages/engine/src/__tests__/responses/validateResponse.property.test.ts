import { assertProperty } from "@klynge/test-support/property";
import { arbQuestionnaire, validQuestionnaire } from "@klynge/test-support/questionnaires";
import {
  arbResponseFor,
  makeResponse,
  validAnswers,
  versionOf,
} from "@klynge/test-support/responses";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateResponse } from "../../responses/validateResponse.js";
import type { QuestionnaireVersion } from "../../versions/questionnaireVersion.js";
import { isWellFormed } from "../fixtures/issues.js";
import { arbJunk, arbLookalike } from "../fixtures/junk.js";

const sample = versionOf(validQuestionnaire);

/** A generated version with a valid response to it. */
const arbVersionAndResponse: fc.Arbitrary<[QuestionnaireVersion, Record<string, unknown>]> =
  arbQuestionnaire
    .map((questionnaire) => versionOf(questionnaire))
    .chain((version) => fc.tuple(fc.constant(version), arbResponseFor(version)));

function expectWellFormedFailure(result: ReturnType<typeof validateResponse>): void {
  if (result.success) return;
  expect(result.issues.length).toBeGreaterThan(0);
  expect(result.issues.filter((issue) => !isWellFormed(issue))).toEqual([]);
}

describe("validateResponse properties", () => {
  it("generated valid responses validate and come back unchanged", () => {
    assertProperty(
      fc.property(arbVersionAndResponse, ([version, response]) => {
        const input = JSON.parse(JSON.stringify(response));
        expect(validateResponse(version, input)).toEqual({ success: true, data: response });
      }),
    );
  });

  it("in mode 'draft' any subset of valid answers validates", () => {
    assertProperty(
      fc.property(arbVersionAndResponse, fc.func(fc.boolean()), ([version, response], keep) => {
        const answers = Object.fromEntries(
          Object.entries(response.answers as Record<string, unknown>).filter(([id]) => keep(id)),
        );
        const result = validateResponse(version, { ...response, answers }, { mode: "draft" });
        expect(result.success).toBe(true);
      }),
    );
  });

  it("leaving out one required answer gives exactly required_missing for it", () => {
    const arbWithRequired = arbVersionAndResponse.filter(([version]) =>
      version.questionnaire.questions.some((q) => q.required),
    );
    assertProperty(
      fc.property(arbWithRequired, fc.nat(), ([version, response], pick) => {
        const required = version.questionnaire.questions.filter((q) => q.required).map((q) => q.id);
        const id = required[pick % required.length] as string;
        const { [id]: _left, ...answers } = response.answers as Record<string, unknown>;
        const input = { ...response, answers };
        expect(validateResponse(version, input)).toMatchObject({
          success: false,
          issues: [{ code: "required_missing", path: ["answers", id] }],
        });
        expect(validateResponse(version, input, { mode: "draft" }).success).toBe(true);
      }),
    );
  });

  it("never throws on anything as the whole response", () => {
    assertProperty(
      fc.property(fc.oneof(arbJunk, arbLookalike), (input) => {
        expectWellFormedFailure(validateResponse(sample, input));
      }),
      { numRuns: 300 },
    );
  });

  it("anything in place of an answer: no throw, and issues only about that answer", () => {
    const ids = Object.keys(validAnswers);
    assertProperty(
      fc.property(fc.constantFrom(...ids), fc.oneof(arbJunk, arbLookalike), (id, answer) => {
        const input = makeResponse(sample, { ...validAnswers, [id]: answer });
        const result = validateResponse(sample, input);
        expectWellFormedFailure(result);
        if (!result.success) {
          for (const issue of result.issues)
            expect(issue.path.slice(0, 2)).toEqual(["answers", id]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("anything in place of a generated answer never throws", () => {
    assertProperty(
      fc.property(arbVersionAndResponse, fc.nat(), arbJunk, ([version, response], pick, junk) => {
        const ids = version.questionnaire.questions.map((q) => q.id);
        const id = ids[pick % ids.length] as string;
        const answers = { ...(response.answers as Record<string, unknown>), [id]: junk };
        expectWellFormedFailure(validateResponse(version, { ...response, answers }));
      }),
    );
  });

  it("anything in place of an envelope field: issues only at that field", () => {
    const fields = Object.keys(makeResponse(sample, {})).filter((key) => key !== "answers");
    assertProperty(
      fc.property(fc.constantFrom(...fields), arbJunk, (field, junk) => {
        const result = validateResponse(
          sample,
          makeResponse(sample, validAnswers, { [field]: junk }),
        );
        expectWellFormedFailure(result);
        if (!result.success) {
          for (const issue of result.issues) expect(issue.path[0]).toBe(field);
        }
      }),
      { numRuns: 300 },
    );
  });
});
