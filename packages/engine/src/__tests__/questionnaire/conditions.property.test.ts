import { assertProperty } from "@klynge/test-support/property";
import { arbConditionalQuestionnaire } from "@klynge/test-support/questionnaires";
import { arbAnswersFor, keepShown, makeResponse } from "@klynge/test-support/responses";
import { unwrap } from "@klynge/test-support/unwrap";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accumulate } from "../../aggregation/aggregate.js";
import { buildReport } from "../../aggregation/buildReport.js";
import { isShown } from "../../questionnaire/conditions.js";
import type { Answer } from "../../questionnaire/model.js";
import { validateResponse } from "../../responses/validateResponse.js";
import {
  createVersion,
  parseQuestionnaireVersion,
  type QuestionnaireVersion,
} from "../../versions/questionnaireVersion.js";
import { uuidOf } from "../fixtures/aggregation.js";
import { arbJunk } from "../fixtures/junk.js";

const roundId = "klynge-syd.2026";
const arbVersion = arbConditionalQuestionnaire.map((q) =>
  unwrap(createVersion(q, { label: "Betinget" })),
);
/** A version and 1–12 respondents' answers, each set as a respondent could give it. */
const arbAnswered = arbVersion.chain((version) =>
  fc.tuple(
    fc.constant(version),
    fc.array(
      arbAnswersFor(version.questionnaire.questions).map((a) =>
        keepShown(version.questionnaire.questions, a),
      ),
      { minLength: 1, maxLength: 12 },
    ),
  ),
);
const responsesOf = (version: QuestionnaireVersion, answerSets: Record<string, Answer>[]) =>
  answerSets.map((answers, i) => makeResponse(version, answers, { id: uuidOf(i + 1), roundId }));
const roundOf = (version: QuestionnaireVersion) => ({
  id: roundId,
  label: "R",
  cluster: "K",
  versionHash: version.hash,
});
const stateOf = (version: QuestionnaireVersion, responses: readonly unknown[]) =>
  accumulate({ rounds: [roundOf(version)], versions: [version], responses }).state;

// Generous timeout: each property runs up to 100 cases and must not flake on a loaded CI runner.
describe("conditional questions, for any questionnaire", { timeout: 60_000 }, () => {
  it("read back after JSON with the same hash and the same conditions", () => {
    assertProperty(
      fc.property(arbVersion, (version) => {
        const read = unwrap(parseQuestionnaireVersion(JSON.parse(JSON.stringify(version))));
        expect(read).toEqual(version);
        expect(read.hash).toBe(version.hash);
      }),
      { numRuns: 100 },
    );
  });

  it("validation never throws, whatever the answers, and accepts what a respondent could give", () => {
    assertProperty(
      fc.property(
        arbAnswered,
        fc.dictionary(fc.string(), arbJunk, { maxKeys: 4 }),
        ([version, answerSets], junk) => {
          for (const response of responsesOf(version, answerSets)) {
            expect(validateResponse(version, response).success).toBe(true);
          }
          const ids = version.questionnaire.questions.map((q) => q.id);
          const hostile = Object.fromEntries(
            Object.values(junk).map((value, i) => [ids[i % ids.length] as string, value]),
          );
          expect(() => validateResponse(version, makeResponse(version, hostile))).not.toThrow();
        },
      ),
      { numRuns: 100 },
    );
  });

  it("counts a question as asked only of those it was shown to, in any order of the responses", () => {
    assertProperty(
      fc.property(
        arbAnswered.chain(([version, answerSets]) =>
          fc.tuple(
            fc.constant(version),
            fc.constant(answerSets),
            fc.shuffledSubarray(answerSets, {
              minLength: answerSets.length,
              maxLength: answerSets.length,
            }),
          ),
        ),
        ([version, answerSets, shuffled]) => {
          const state = stateOf(version, responsesOf(version, answerSets));
          const round = state.rounds[roundId];
          expect(state.rejected).toEqual([]);
          const respondents = answerSets.filter((a) => Object.keys(a).length > 0);
          for (const question of version.questionnaire.questions) {
            const shownTo = respondents.filter((a) => isShown(question, a)).length;
            expect(round?.questions[question.id]?.asked ?? 0).toBe(shownTo);
          }
          // The report must not depend on the order (texts are kept as they come, and sorted
          // for the report).
          const again = stateOf(version, responsesOf(version, shuffled));
          const options = { rounds: [roundOf(version)], versions: [version] };
          expect(buildReport(again, options)).toEqual(buildReport(state, options));
        },
      ),
      { numRuns: 40 },
    );
  });
});
