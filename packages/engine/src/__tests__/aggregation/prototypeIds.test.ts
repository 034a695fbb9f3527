import { unwrap } from "@klynge/test-support/unwrap";
import { describe, expect, it } from "vitest";
import { aggregate } from "../../aggregation/aggregate.js";
import { createVersion } from "../../versions/questionnaireVersion.js";
import { reportOf, respondMany, resultOf, roundOf } from "../fixtures/aggregation.js";

// Found by the conditional questions' property test: a question id that names a member of
// Object.prototype, left unanswered, found that member in the response's answers and the count
// threw ("a.choices is not iterable").
const options = [
  { code: "ja", label: { da: "Ja" } },
  { code: "nej", label: { da: "Nej" } },
];
const version = unwrap(
  createVersion(
    {
      schemaVersion: 1,
      id: "proto",
      title: { da: "Prototype" },
      questions: [
        { id: "a", type: "multi", text: { da: "A" }, options },
        { id: "constructor", type: "multi", text: { da: "B" }, options },
        { id: "tostring", type: "single", text: { da: "C" }, options },
      ],
    },
    { label: "x" },
  ),
);
const round = roundOf("klynge.proto", version);

describe("question ids that name Object.prototype's members", () => {
  it("counts an unanswered «constructor» as unanswered", () => {
    const responses = respondMany(6, version, round.id, { a: { choices: ["ja"] } });
    const report = reportOf(aggregate({ rounds: [round], versions: [version], responses }));
    const result = resultOf(report, "constructor", round.id, "multi");
    expect(result.asked).toEqual({ status: "shown", value: 6 });
    expect(result.answered).toEqual({ status: "shown", value: 0 });
  });
});
