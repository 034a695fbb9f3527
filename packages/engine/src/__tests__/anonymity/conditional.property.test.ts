import { assertProperty } from "@klynge/test-support/property";
import { arbConditionalQuestionnaire } from "@klynge/test-support/questionnaires";
import { arbAnswersFor, keepShown, makeResponse } from "@klynge/test-support/responses";
import { unwrap } from "@klynge/test-support/unwrap";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregate } from "../../aggregation/aggregate.js";
import { auditReport } from "../../anonymity/auditReport.js";
import { createVersion } from "../../versions/questionnaireVersion.js";
import { uuidOf } from "../fixtures/aggregation.js";

const roundId = "klynge-syd.2027";

/**
 * A conditional questionnaire and 3–30 respondents, each giving one of a few answer sets (so counts
 * gather on some options, as in a cluster, and both small and large counts occur), and k.
 */
const arbCase = arbConditionalQuestionnaire
  .map((q) => unwrap(createVersion(q, { label: "Betinget" })))
  .chain((version) =>
    fc.record({
      version: fc.constant(version),
      k: fc.integer({ min: 3, max: 6 }),
      pool: fc.array(
        arbAnswersFor(version.questionnaire.questions).map((a) =>
          keepShown(version.questionnaire.questions, a),
        ),
        { minLength: 1, maxLength: 4 },
      ),
      picks: fc.array(fc.nat(), { minLength: 3, maxLength: 30 }),
    }),
  );

describe("conditional questions and the anonymity audit, for any questionnaire", () => {
  it("the engine's report of random conditional questionnaires has nothing derivable", () => {
    assertProperty(
      fc.property(arbCase, ({ version, k, pool, picks }) => {
        const result = aggregate({
          rounds: [{ id: roundId, label: "R", cluster: "K", versionHash: version.hash }],
          versions: [version],
          responses: picks.map((p, i) =>
            makeResponse(version, pool[p % pool.length] as Record<string, unknown>, {
              id: uuidOf(i + 1),
              roundId,
            }),
          ),
          k,
        });
        const report = unwrap(result);
        expect(report.rounds[0]?.rejected).toEqual([]);
        expect(auditReport(report, { versions: [version] })).toEqual({ success: true, data: [] });
      }),
      { numRuns: 150 },
    );
  }, 180_000);
});
