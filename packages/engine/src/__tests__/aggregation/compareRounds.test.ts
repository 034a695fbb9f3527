import { describe, expect, it } from "vitest";
import { aggregate } from "../../aggregation/aggregate.js";
import type { Comparison } from "../../aggregation/report.js";
import { diff } from "../../versions/diff.js";
import {
  reportOf,
  respond,
  respondMany,
  roundOf,
  v1,
  v2,
  v2Reworded,
  withheld,
} from "../fixtures/aggregation.js";

const baseline = roundOf("baseline-2027-03", v1, { invited: 12 });
const followUp = roundOf("opfoelgning-2027-10", v2Reworded, { invited: 16 });

/** A change from baseline to follow-up, computed the way the engine does: shares and means first. */
const change = (before: number, after: number) => ({
  status: "shown",
  baseline: before,
  followUp: after,
  change: after - before,
});
const share = (count: number, answered: number) => count / answered;

function compare(responses: unknown[]): Comparison {
  const report = reportOf(
    aggregate({ rounds: [baseline, followUp], versions: [v1, v2Reworded], responses }),
  );
  expect(report.comparisons).toHaveLength(1);
  return report.comparisons[0] as Comparison;
}

describe("compareRounds: baseline on version 1, follow-up on an edited version", () => {
  // Baseline: 10 respondents, follow-up: 15; every shown count is 0 or at least 5.
  const responses = [
    ...respondMany(5, v1, baseline.id, {
      "akut.kendskab": { choice: "hoej" },
      "akut.henvisning": { choices: ["elektronisk", "forloebsplan"] },
      "akut.tilbagemelding": { choice: "nej" },
      "akut.behov": { rows: { akut: "godt", kronisk: "daarligt" } },
    }),
    ...respondMany(5, v1, baseline.id, {
      "akut.kendskab": { choice: "nogen" },
      "akut.henvisning": { choices: ["elektronisk"] },
      "akut.tilbagemelding": { choice: "nej" },
      "akut.ideer": { text: "Fælles telefonnummer" },
      "akut.behov": { rows: { akut: "delvist", kronisk: "daarligt" } },
    }),
    ...respondMany(10, v2Reworded, followUp.id, {
      "akut.kendskab": { choice: "hoej" },
      "akut.henvisning": { choices: ["elektronisk", "telefon"] },
      "akut.tilbagemelding": { choice: "ja-ofte" },
      "akut.vejle": { text: "Hurtig respons" },
      "akut.behov": { rows: { akut: "godt", kronisk: "delvist" } },
    }),
    ...respondMany(5, v2Reworded, followUp.id, {
      "akut.kendskab": { choice: "mindre" },
      "akut.henvisning": { choices: ["elektronisk", "telefon"] },
      "akut.tilbagemelding": { choice: "ja-ofte" },
      "akut.behov": { rows: { akut: "godt", kronisk: "daarligt" } },
    }),
  ];
  const comparison = compare(responses);
  const question = (id: string) => comparison.questions.find((q) => q.id === id);

  it("names the two rounds, and the added and removed questions as the diff does", () => {
    const d = diff(v1, v2Reworded);
    expect(comparison).toMatchObject({
      baselineRoundId: baseline.id,
      followUpRoundId: followUp.id,
      added: ["akut.vejle"],
      removed: ["akut.ideer"],
    });
    expect(comparison.added).toEqual(d.added);
    expect(comparison.removed).toEqual(d.removed);
  });

  it("compares only questions both rounds asked, in the report's order", () => {
    expect(comparison.questions.map((q) => [q.id, q.comparable])).toEqual([
      ["akut.kendskab", true],
      ["akut.henvisning", true],
      ["akut.tilbagemelding", false],
      ["akut.behov", true],
    ]);
  });

  it("gives exact changes of a rating's shares and mean", () => {
    expect(question("akut.kendskab")).toEqual({
      id: "akut.kendskab",
      comparable: true,
      options: [
        { code: "hoej", share: change(share(5, 10), share(10, 15)) },
        { code: "nogen", share: change(share(5, 10), 0) },
        { code: "mindre", share: change(0, share(5, 15)) },
        { code: "slet", share: change(0, 0) },
        { code: "ved-ikke", share: change(0, 0) },
      ],
      means: [{ mean: change((5 * 4 + 5 * 3) / 10, (10 * 4 + 5 * 2) / 15) }],
    });
    expect(question("akut.kendskab")?.means[0]?.mean).toMatchObject({
      change: expect.closeTo(-1 / 6, 12),
    });
  });

  it("gives shares of respondents for multiple choice, and 'not offered' for the removed option", () => {
    expect(question("akut.henvisning")).toEqual({
      id: "akut.henvisning",
      comparable: true,
      options: [
        { code: "elektronisk", share: change(1, 1) },
        { code: "telefon", share: change(0, 1) },
        { code: "andet", share: change(0, 0) },
        { code: "ingen", share: change(0, 0) },
        { code: "forloebsplan", share: { status: "not_offered" } },
      ],
      means: [],
    });
  });

  it("gives no figures for a question whose Danish wording changed", () => {
    expect(diff(v1, v2Reworded).comparable).not.toContain("akut.tilbagemelding");
    expect(question("akut.tilbagemelding")).toEqual({
      id: "akut.tilbagemelding",
      comparable: false,
      options: [],
      means: [],
    });
  });

  it("compares a matrix row by row", () => {
    const behov = question("akut.behov");
    expect(behov?.options).toEqual([
      { code: "godt", rowCode: "akut", share: change(share(5, 10), 1) },
      { code: "delvist", rowCode: "akut", share: change(share(5, 10), 0) },
      { code: "daarligt", rowCode: "akut", share: change(0, 0) },
      { code: "ved-ikke", rowCode: "akut", share: change(0, 0) },
      { code: "godt", rowCode: "kronisk", share: change(0, 0) },
      { code: "delvist", rowCode: "kronisk", share: change(0, share(10, 15)) },
      { code: "daarligt", rowCode: "kronisk", share: change(1, share(5, 15)) },
      { code: "ved-ikke", rowCode: "kronisk", share: change(0, 0) },
    ]);
    expect(behov?.means).toEqual([
      { rowCode: "akut", mean: change(2.5, 3) },
      { rowCode: "kronisk", mean: change(1, (10 * 2 + 5 * 1) / 15) },
    ]);
  });
});

describe("compareRounds: withheld figures", () => {
  it("withholds a change when either side is withheld", () => {
    // Baseline: 2 of 10 ticked "Andet", withheld; its change, and the rating mean beside it, are too.
    const responses = [
      ...respondMany(8, v1, baseline.id, {
        "akut.kendskab": { choice: "hoej" },
        "akut.henvisning": { choices: ["telefon"] },
      }),
      ...respondMany(2, v1, baseline.id, {
        "akut.kendskab": { choice: "slet" },
        "akut.henvisning": { choices: ["telefon", "andet"] },
      }),
      ...respondMany(10, v2Reworded, followUp.id, {
        "akut.kendskab": { choice: "hoej" },
        "akut.henvisning": { choices: ["telefon", "andet"] },
      }),
    ];
    const comparison = compare(responses);
    const henvisning = comparison.questions.find((q) => q.id === "akut.henvisning");
    expect(henvisning?.options.find((o) => o.code === "andet")?.share).toEqual(withheld("derived"));
    expect(henvisning?.options.find((o) => o.code === "telefon")?.share).toEqual(change(1, 1));
    const kendskab = comparison.questions.find((q) => q.id === "akut.kendskab");
    expect(kendskab?.means).toEqual([{ mean: withheld("derived") }]);
    expect(kendskab?.options.find((o) => o.code === "slet")?.share).toEqual(withheld("derived"));
    expect(kendskab?.options.find((o) => o.code === "hoej")?.share).toEqual(withheld("derived"));
    expect(kendskab?.options.find((o) => o.code === "nogen")?.share).toEqual(change(0, 0));
  });

  it("withholds every change of a follow-up with fewer than k respondents", () => {
    const responses = [
      ...respondMany(10, v1, baseline.id, { "akut.kendskab": { choice: "hoej" } }),
      respond(v2Reworded, followUp.id, { "akut.kendskab": { choice: "slet" } }),
    ];
    const kendskab = compare(responses).questions.find((q) => q.id === "akut.kendskab");
    expect(kendskab?.options.map((o) => o.share)).toEqual(Array(5).fill(withheld("derived")));
    expect(kendskab?.means).toEqual([{ mean: withheld("derived") }]);
  });

  it("compares each round with the one before it", () => {
    const last = roundOf("opfoelgning-2028-04", v2);
    const report = reportOf(
      aggregate({
        rounds: [baseline, followUp, last],
        versions: [v1, v2, v2Reworded],
        responses: [],
      }),
    );
    expect(report.comparisons.map((c) => [c.baselineRoundId, c.followUpRoundId])).toEqual([
      [baseline.id, followUp.id],
      [followUp.id, last.id],
    ]);
    expect(
      report.comparisons[1]?.questions.find((q) => q.id === "akut.tilbagemelding")?.comparable,
    ).toBe(false);
  });
});

it("uses the fixture's second version unchanged apart from the rewording", () => {
  expect(diff(v2, v2Reworded).changed).toEqual([
    { id: "akut.tilbagemelding", fields: ["text"], comparable: false },
  ]);
});
