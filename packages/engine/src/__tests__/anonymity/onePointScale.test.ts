import { unwrap } from "@klynge/test-support/unwrap";
import { describe, expect, it } from "vitest";
import { aggregate } from "../../aggregation/aggregate.js";
import type { QuestionInput } from "../../questionnaire/model.js";
import { createVersion } from "../../versions/questionnaireVersion.js";
import { reportOf, respondMany, roundOf } from "../fixtures/aggregation.js";

// Found by the conditional questions' property test: a scale with one point beside «Ved ikke»
// has a mean known before anyone answers; the audit called it "pinned" and no withholding could
// hide it, so buildReport threw ("no safe report after 10000 moves").
const scale = [
  { code: "ved-ikke", label: { da: "Ved ikke" }, kind: "dontKnow" },
  { code: "ja", label: { da: "Ja" }, ordinal: 1 },
] as const;
const questions: QuestionInput[] = [
  {
    id: "q.matrix",
    type: "matrix",
    text: { da: "Matrix" },
    rows: [{ code: "a", label: { da: "A" } }],
    columns: [...scale],
  },
  { id: "q.rating", type: "rating", text: { da: "Skala" }, options: [...scale] },
];
const version = unwrap(
  createVersion(
    { schemaVersion: 1, id: "en", title: { da: "Et punkt" }, questions },
    { label: "x" },
  ),
);
const round = roundOf("klynge.en", version);

describe("a scale of one point and «Ved ikke»", () => {
  it.each([1, 2, 7])("reports %i respondent(s) who answered «Ved ikke», without throwing", (n) => {
    const responses = respondMany(n, version, round.id, {
      "q.matrix": { rows: { a: "ved-ikke" } },
      "q.rating": { choice: "ved-ikke" },
    });
    const report = reportOf(aggregate({ rounds: [round], versions: [version], responses }));
    expect(report.rounds[0]?.respondents.status).toBe(n >= 5 ? "shown" : "suppressed");
  });
});
