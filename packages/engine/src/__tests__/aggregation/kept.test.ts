import { describe, expect, it } from "vitest";
import { accumulate, aggregate } from "../../aggregation/aggregate.js";
import { buildReport } from "../../aggregation/buildReport.js";
import type { Report } from "../../aggregation/report.js";
import type { Round } from "../../responses/round.js";
import {
  cell,
  cellsOf,
  reportOf,
  respond,
  respondMany,
  resultOf,
  roundOf,
  shown,
  v1,
  v2,
  v3,
  withheld,
} from "../fixtures/aggregation.js";
import { expectSingleIssue } from "../fixtures/issues.js";

const versions = [v1, v2, v3];
const feedback = (choice: string) => ({ "akut.tilbagemelding": { choice } });

// Baseline on version 1, follow-up on version 3, which lists "Nej" first and adds "Ja, altid".
const baseline = roundOf("baseline", v1, { invited: 20 });
const followUp = roundOf("opfoelgning", v3, { invited: 20 });
const baselineResponses = [
  // 3 + 6 + 6: the 3 is withheld, and the first 6 in version 1's order with it.
  ...respondMany(3, v1, baseline.id, feedback("ja-ofte")),
  ...respondMany(6, v1, baseline.id, {
    ...feedback("ja-nogle"),
    "akut.ideer": { text: "Mere tid" },
  }),
  ...respondMany(6, v1, baseline.id, { ...feedback("nej"), "akut.kendskab": { choice: "hoej" } }),
  respond(v1, baseline.id, { "akut.kendskab": { choice: "meget" } }),
];
const followUpResponses = [
  ...respondMany(5, v3, followUp.id, feedback("ja-altid")),
  ...respondMany(4, v3, followUp.id, feedback("nej")),
  ...respondMany(2, v3, followUp.id, { "akut.behov": { rows: { psykisk: "godt" } } }),
];

/** The single-round report the collector keeps when it deletes the baseline's responses. */
function keptBaseline(k = 5): Report {
  return reportOf(aggregate({ rounds: [baseline], versions, responses: baselineResponses, k }));
}

const kept = keptBaseline();
const rounds = [baseline, followUp];

describe("aggregate with a kept report: baseline and follow-up", () => {
  const whole = reportOf(
    aggregate({ rounds, versions, responses: [...baselineResponses, ...followUpResponses] }),
  );
  const fromKept = reportOf(
    aggregate({ rounds, versions, responses: followUpResponses, kept: [kept] }),
  );

  it("gives the report the deleted responses would have given", () => {
    expect(fromKept).toEqual(whole);
  });

  it("takes the baseline's figures from the kept report, laid out on the newest question", () => {
    expect(
      fromKept.questions.find((q) => q.id === "akut.tilbagemelding")?.options?.map((o) => o.code),
    ).toEqual(["nej", "ja-altid", "ja-ofte", "ja-nogle", "andet", "ved-ikke"]);
    const result = resultOf(fromKept, "akut.tilbagemelding", baseline.id, "single");
    expect(result.answered).toEqual(shown(15));
    expect(cellsOf(result.options)).toEqual({
      nej: cell(6, 15),
      "ja-altid": { status: "not_offered" },
      "ja-ofte": withheld("small_cell"),
      "ja-nogle": withheld("small_cell"),
      andet: { status: "shown", count: 0, share: 0 },
      "ved-ikke": { status: "shown", count: 0, share: 0 },
    });
    expect(fromKept.rounds[0]).toEqual(kept.rounds[0]);
    expect(fromKept.rounds[0]?.rejected).toEqual([
      { responseId: expect.any(String), codes: ["unknown_option"] },
    ]);
  });

  it("compares the kept baseline with the follow-up", () => {
    const compared = fromKept.comparisons[0]?.questions.find((q) => q.id === "akut.tilbagemelding");
    expect(compared?.options.find((o) => o.code === "nej")?.share).toEqual({
      status: "suppressed",
      reason: "derived",
    });
    expect(fromKept.comparisons[0]?.removed).toEqual(["akut.ideer"]);
  });

  it("takes the round's label and invited as given now", () => {
    const relabelled = { ...baseline, label: "Baseline, marts 2027", invited: 32 };
    const report = reportOf(
      aggregate({
        rounds: [relabelled, followUp],
        versions,
        responses: followUpResponses,
        kept: [kept],
      }),
    );
    expect(report.rounds[0]).toMatchObject({
      label: "Baseline, marts 2027",
      invited: 32,
      respondents: shown(15),
      responseRate: { status: "shown", value: 15 / 32 },
    });
  });

  it("reads a kept report stored as JSON, and serves buildReport as well", () => {
    const stored = JSON.parse(JSON.stringify(kept)) as Report;
    const counted = accumulate({ rounds, versions, responses: followUpResponses });
    expect(buildReport(counted.state, { rounds, versions, kept: [stored] })).toEqual({
      success: true,
      data: whole,
    });
  });

  it("builds a report of kept rounds only", () => {
    const keptFollowUp = reportOf(
      aggregate({ rounds: [followUp], versions, responses: followUpResponses }),
    );
    expect(
      reportOf(aggregate({ rounds, versions, responses: [], kept: [keptFollowUp, kept] })),
    ).toEqual(whole);
  });
});

describe("aggregate: kept reports that cannot stand in for their round", () => {
  const withKept = (given: unknown[], responses: unknown[] = followUpResponses, over = rounds) =>
    aggregate({ rounds: over, versions, responses, kept: given as Report[] });

  it("refuses a report made with another k", () => {
    expectSingleIssue(withKept([keptBaseline(7)]), {
      code: "invalid_value",
      path: ["kept", 0, "k"],
      expected: "5",
      received: "7",
    });
  });

  it("refuses a report of two rounds, or of none", () => {
    const two = reportOf(
      aggregate({ rounds, versions, responses: [...baselineResponses, ...followUpResponses] }),
    );
    expectSingleIssue(withKept([two], []), {
      code: "too_big",
      path: ["kept", 0, "rounds"],
      limit: 1,
    });
    expectSingleIssue(withKept([{ ...kept, rounds: [] }]), {
      code: "too_small",
      path: ["kept", 0, "rounds"],
      limit: 1,
    });
  });

  it("refuses a kept round that responses in the call name too, counted or rejected", () => {
    expectSingleIssue(withKept([kept], [...followUpResponses, ...baselineResponses.slice(0, 1)]), {
      code: "duplicate_round",
      path: ["kept", 0, "rounds", 0, "id"],
      value: baseline.id,
    });
    const rejected = respond(v1, baseline.id, { "akut.kendskab": { choice: "meget" } });
    expectSingleIssue(withKept([kept], [...followUpResponses, rejected]), {
      code: "duplicate_round",
      path: ["kept", 0, "rounds", 0, "id"],
    });
  });

  it("refuses the same round kept twice", () => {
    expectSingleIssue(withKept([kept, kept]), {
      code: "duplicate_round",
      path: ["kept", 1, "rounds", 0, "id"],
    });
  });

  it("refuses what is not a report, with the parser's issues under its place", () => {
    expectSingleIssue(withKept([{ ...kept, reportVersion: 2 }]), {
      code: "invalid_value",
      path: ["kept", 0, "reportVersion"],
    });
  });

  it("refuses a report of a round not in the report", () => {
    expectSingleIssue(withKept([kept], followUpResponses, [followUp]), {
      code: "unknown_round",
      path: ["kept", 0, "rounds", 0, "id"],
      value: baseline.id,
    });
  });

  it("refuses a report of the round on another version", () => {
    const moved: Round = { ...baseline, versionHash: v2.hash };
    expectSingleIssue(withKept([kept], followUpResponses, [moved, followUp]), {
      code: "invalid_value",
      path: ["kept", 0, "rounds", 0, "versionHash"],
      expected: v2.hash,
      received: v1.hash,
    });
  });

  it("refuses a report answered on a version it is not given", () => {
    const result = aggregate({
      rounds: [roundOf("baseline", v1)],
      versions: [v1],
      responses: [],
      kept: [
        reportOf(
          aggregate({
            rounds: [baseline],
            versions,
            responses: [
              respond(v2, baseline.id, { "akut.kendskab": { choice: "hoej" } }),
              ...baselineResponses,
            ],
          }),
        ),
      ],
    });
    expectSingleIssue(result, {
      code: "unknown_version",
      path: ["kept", 0, "rounds", 0, "versions", 0],
      value: v2.hash,
    });
  });

  it("refuses a report that does not match its round's versions", () => {
    const cut = { ...kept, questions: kept.questions.filter((q) => q.id !== "akut.ideer") };
    expectSingleIssue(withKept([cut]), {
      code: "report_mismatch",
      path: ["kept", 0, "questions"],
      value: "akut.ideer",
    });
  });

  it("refuses before reading a single response", () => {
    const unread: Iterable<unknown> = {
      [Symbol.iterator]() {
        throw new Error("the responses were read");
      },
    };
    expect(
      aggregate({ rounds, versions, responses: unread, kept: [keptBaseline(7)] }).success,
    ).toBe(false);
  });
});
