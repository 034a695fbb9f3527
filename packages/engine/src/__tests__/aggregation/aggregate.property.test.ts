import { assertProperty } from "@klynge/test-support/property";
import { arbAnswersFor, makeResponse } from "@klynge/test-support/responses";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Accumulator } from "../../aggregation/accumulator.js";
import { accumulate, aggregate } from "../../aggregation/aggregate.js";
import { buildReport } from "../../aggregation/buildReport.js";
import type { Cell, Count, Mean, OptionResult, Report, Texts } from "../../aggregation/report.js";
import type { Answer, Question } from "../../questionnaire/model.js";
import type { Round } from "../../responses/round.js";
import type { QuestionnaireVersion } from "../../versions/questionnaireVersion.js";
import { expectNoDisclosure, expectValidReport, uuidOf, v1, v2 } from "../fixtures/aggregation.js";
import { arbJunk } from "../fixtures/junk.js";

const numRuns = 100;
const timeout = 120_000;
const versions = [v1, v2] as const;

interface Given {
  readonly version: QuestionnaireVersion;
  readonly roundId: string;
  readonly answers: Readonly<Record<string, Answer>>;
}

interface Case {
  readonly k: number;
  readonly rounds: Round[];
  readonly given: Given[];
  readonly responses: Record<string, unknown>[];
}

/**
 * Answers from a small palette, so that groups reach k, cells are small, and a multiple-choice
 * question often has one regular option ticked at all (its ticks then add up).
 */
function arbNarrowAnswersFor(version: QuestionnaireVersion): fc.Arbitrary<Record<string, Answer>> {
  const palette: Record<string, fc.Arbitrary<Answer>> = {
    "akut.kendskab": fc.constantFrom(
      { choice: "hoej" },
      { choice: "slet" },
      { choice: "ved-ikke" },
    ),
    "akut.henvisning": fc.constantFrom({ choices: ["telefon"] }, { choices: ["ingen"] }),
    "akut.tilbagemelding": fc.constantFrom(
      { choice: "nej" },
      { choice: "andet", otherText: "Kun ved udskrivelse" },
    ),
    "akut.ideer": fc.constantFrom({ text: "Fælles telefonnummer" }, { text: "Åbent hele døgnet" }),
    "akut.vejle": fc.constantFrom({ text: "Hurtig respons" }),
    "akut.behov": fc.constantFrom(
      { rows: { akut: "godt" } },
      { rows: { akut: "daarligt", kronisk: "godt" } },
    ),
  };
  const ids = version.questionnaire.questions.map((q) => q.id);
  return fc
    .record(Object.fromEntries(ids.map((id) => [id, palette[id] as fc.Arbitrary<Answer>])), {
      requiredKeys: [],
    })
    .map((answers) => answers as Record<string, Answer>);
}

const arbRound = (id: string) =>
  fc
    .record({
      own: fc.constantFrom(0, 1),
      used: fc.constantFrom([0], [1], [0, 1]),
      narrow: fc.boolean(),
      invited: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
    })
    .chain(({ own, used, narrow, invited }) =>
      fc
        .array(
          fc.oneof(
            ...used.map((i) => {
              const version = versions[i] as QuestionnaireVersion;
              const answers = narrow
                ? arbNarrowAnswersFor(version)
                : arbAnswersFor(version.questionnaire.questions);
              return answers.map((a) => ({ version, roundId: id, answers: a }));
            }),
          ),
          { maxLength: 40 },
        )
        .map((given) => ({
          round: {
            id,
            label: `Runde ${id}`,
            cluster: "Klynge Vejle",
            versionHash: (versions[own] as QuestionnaireVersion).hash,
            ...(invited === undefined ? {} : { invited }),
          } satisfies Round,
          given,
        })),
    );

/** 1–2 rounds of 0–40 valid responses each, on version 1, version 2 or both; every id its own. */
const arbCase: fc.Arbitrary<Case> = fc
  .record({
    k: fc.constantFrom(3, 4, 5, 7),
    rounds: fc.oneof(
      fc.tuple(arbRound("baseline")),
      fc.tuple(arbRound("baseline"), arbRound("opfoelgning")),
    ),
  })
  .map(({ k, rounds }) => {
    const given = rounds.flatMap((r) => r.given);
    return {
      k,
      rounds: rounds.map((r) => r.round),
      // An answer set with no answers is given too, but is no respondent.
      given: given.filter((g) => Object.keys(g.answers).length > 0),
      responses: given.map((g, i) =>
        makeResponse(g.version, g.answers, { id: uuidOf(i + 1), roundId: g.roundId }),
      ),
    };
  });

function report(c: Pick<Case, "k" | "rounds">, responses: Iterable<unknown>): Report {
  const result = aggregate({ rounds: c.rounds, versions: [...versions], responses, k: c.k });
  if (!result.success) throw new Error(`aggregate failed: ${JSON.stringify(result.issues)}`);
  return result.data;
}

// ---- a naive model: counts straight from the answers given ----

interface GroupModel {
  answered: number;
  counts: Map<string, number>;
  ordinals: number[];
}

interface QuestionModel extends GroupModel {
  asked: number;
  texts: string[];
  otherTexts: string[];
  rows: Map<string, GroupModel>;
}

const group = (): GroupModel => ({ answered: 0, counts: new Map(), ordinals: [] });
const bump = (counts: Map<string, number>, code: string) =>
  counts.set(code, (counts.get(code) ?? 0) + 1);

function modelOf(given: readonly Given[], roundId: string, questionId: string): QuestionModel {
  const model: QuestionModel = { ...group(), asked: 0, texts: [], otherTexts: [], rows: new Map() };
  for (const g of given) {
    if (g.roundId !== roundId) continue;
    const question = g.version.questionnaire.questions.find((q) => q.id === questionId);
    if (question === undefined) continue;
    model.asked++;
    const answer = g.answers[questionId];
    if (answer === undefined) continue;
    model.answered++;
    add(model, question, answer);
  }
  return model;
}

function add(model: QuestionModel, question: Question, answer: Answer): void {
  if (question.type === "rating" && "choice" in answer) {
    bump(model.counts, answer.choice);
    const ordinal = question.options.find((o) => o.code === answer.choice)?.ordinal;
    if (ordinal !== undefined) model.ordinals.push(ordinal);
  } else if (question.type === "single" && "choice" in answer) {
    bump(model.counts, answer.choice);
    if ("otherText" in answer && answer.otherText !== undefined)
      model.otherTexts.push(answer.otherText);
  } else if (question.type === "multi" && "choices" in answer) {
    for (const code of answer.choices) bump(model.counts, code);
    if (answer.otherText !== undefined) model.otherTexts.push(answer.otherText);
  } else if (question.type === "text" && "text" in answer) {
    model.texts.push(answer.text);
  } else if (question.type === "matrix" && "rows" in answer) {
    for (const [row, column] of Object.entries(answer.rows)) {
      const rowModel = model.rows.get(row) ?? group();
      model.rows.set(row, rowModel);
      rowModel.answered++;
      bump(rowModel.counts, column);
      const ordinal = question.columns.find((c) => c.code === column)?.ordinal;
      if (ordinal !== undefined) rowModel.ordinals.push(ordinal);
    }
  }
}

const isSmall = (n: number, k: number) => n >= 1 && n < k;
const sortedDa = (items: readonly string[]) =>
  [...items].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

// ---- checks of one report against the model and the anonymity policy ----

function expectCount(count: Count, truth: number, k: number, where: string): void {
  if (count.status === "shown") {
    expect(count.value, where).toBe(truth);
    expect(isSmall(count.value, k), `${where}: shown count ${count.value} is below k=${k}`).toBe(
      false,
    );
  }
}

function expectLinkedGroup(
  options: readonly OptionResult[],
  truth: GroupModel,
  where: string,
): void {
  const withheld = options.filter((o) => o.cell.status === "suppressed");
  expect(withheld.length === 0 || withheld.length >= 2, `${where}: exactly one withheld cell`).toBe(
    true,
  );
  // What a reader knows: the total, the shown counts, and that shown zeros are zero. With every
  // withheld count ≥ 1 (no zero withheld), one is pinned when the withheld sum equals their number.
  const sum = withheld.reduce((s, o) => s + (truth.counts.get(o.code) ?? 0), 0);
  const zeroWithheld = withheld.some((o) => (truth.counts.get(o.code) ?? 0) === 0);
  const allOnes = [...truth.counts.values()].every((c) => c === 0 || c === 1);
  if (withheld.length > 0 && !zeroWithheld && !allOnes) {
    expect(sum > withheld.length, `${where}: withheld counts pinned at 1`).toBe(true);
  }
}

function expectCells(
  options: readonly OptionResult[],
  truth: GroupModel,
  answered: number,
  k: number,
  where: string,
  roundShown = true,
) {
  for (const o of options) {
    const count = truth.counts.get(o.code) ?? 0;
    const at = `${where} option ${o.code}`;
    if (o.cell.status === "shown") {
      expect(o.cell.count, at).toBe(count);
      expect(o.cell.share, at).toBe(answered === 0 ? 0 : count / answered);
      expect(isSmall(o.cell.count, k), `${at}: shown ${o.cell.count} below k=${k}`).toBe(false);
    } else if (o.cell.status === "not_offered" && roundShown) {
      // (A withheld round lays its questions out by its own version only.)
      expect(count, at).toBe(0);
    }
    if (isSmall(count, k) && roundShown) expect(o.cell.status, at).toBe("suppressed");
  }
}

function expectMean(
  mean: Mean,
  options: readonly OptionResult[],
  truth: GroupModel,
  k: number,
  where: string,
) {
  if (mean.status !== "shown") return;
  expect(
    options.some((o) => o.cell.status === "suppressed"),
    `${where}: mean shown beside a withheld cell`,
  ).toBe(false);
  expect(mean.n, where).toBe(truth.ordinals.length);
  expect(mean.n, where).toBeGreaterThanOrEqual(k);
  expect(mean.value, where).toBeCloseTo(
    truth.ordinals.reduce((a, b) => a + b, 0) / truth.ordinals.length,
    10,
  );
}

function expectTexts(texts: Texts, truth: readonly string[], where: string) {
  if (texts.status !== "shown") return;
  expect(texts.items, where).toEqual(sortedDa(truth));
}

/** The suppression note that explains a withheld figure, or a broader one (round, question, row). */
function explained(
  report: Report,
  at: {
    roundId: string;
    questionId: string;
    rowCode?: string;
    optionCode?: string;
    reason: string;
  },
): boolean {
  return report.suppressed.some(
    (n) =>
      n.roundId === at.roundId &&
      (n.questionId === undefined ||
        (n.questionId === at.questionId &&
          ((n.optionCode === undefined &&
            n.rowCode === undefined &&
            (n.reason === "few_respondents" || n.message.da.includes("ingen tal vises"))) ||
            (n.rowCode === at.rowCode &&
              n.optionCode === at.optionCode &&
              n.reason === at.reason) ||
            (n.reason === "few_respondents" &&
              n.rowCode === at.rowCode &&
              n.optionCode === undefined)))),
  );
}

function expectReportHolds(c: Case, r: Report): void {
  expectValidReport(r);
  expectNoDisclosure(r);
  for (const round of r.rounds) {
    const n = c.given.filter((g) => g.roundId === round.id).length;
    expectCount(round.respondents, n, c.k, `round ${round.id} respondents`);
    expect(round.respondents.status === "suppressed").toBe(isSmall(n, c.k));
    if (round.respondents.status === "suppressed") {
      expect(
        round.responseRate.status === "unknown" || round.responseRate.status === "suppressed",
      ).toBe(true);
    }
    expect(round.rejected).toEqual([]);
  }
  for (const question of r.questions) {
    for (const result of question.perRound) {
      const truth = modelOf(c.given, result.roundId, question.id);
      const where = `${question.id} in ${result.roundId}`;
      if (result.type === "not_asked") {
        // A withheld round names only its own version, and lays its questions out by it.
        const roundShown =
          r.rounds.find((x) => x.id === result.roundId)?.respondents.status === "shown";
        if (roundShown) expect(truth.asked, where).toBe(0);
        continue;
      }
      const base = { roundId: result.roundId, questionId: question.id };
      expectCount(result.asked, truth.asked, c.k, `${where} asked`);
      expectCount(result.answered, truth.answered, c.k, `${where} answered`);
      // Skipped may be 1 to k−1: the policy withholds small groups of answers, not of skips.
      expectCount(result.skipped, truth.asked - truth.answered, 1, `${where} skipped`);
      if (
        result.asked.status === "shown" &&
        result.answered.status === "shown" &&
        result.skipped.status === "shown"
      ) {
        expect(result.asked.value, where).toBe(result.answered.value + result.skipped.value);
      }
      // asked = answered + skipped: two shown give the third away.
      const shownOfThree = [result.asked, result.answered, result.skipped].filter(
        (x) => x.status === "shown",
      ).length;
      expect(
        shownOfThree === 2,
        `${where}: a withheld count is the other two's sum or difference`,
      ).toBe(false);
      for (const count of [result.asked, result.answered, result.skipped]) {
        if (count.status === "suppressed")
          expect(explained(r, { ...base, reason: count.reason }), where).toBe(true);
      }
      const contentShown = result.answered.status === "shown" && result.answered.value >= c.k;
      const answeredZero = result.answered.status === "shown" && result.answered.value === 0;

      const cellsExplained = (
        options: readonly OptionResult[],
        rowCode?: string,
        rowZero = false,
      ) => {
        for (const o of options) {
          if (o.cell.status !== "suppressed" || answeredZero || rowZero) continue;
          const at = {
            ...base,
            optionCode: o.code,
            reason: o.cell.reason,
            ...(rowCode === undefined ? {} : { rowCode }),
          };
          expect(
            explained(r, at),
            `${where} ${rowCode ?? ""} ${o.code}: withheld without a note`,
          ).toBe(true);
        }
      };
      const meanExplained = (mean: Mean, rowCode?: string, rowZero = false) => {
        if (mean.status !== "suppressed" || answeredZero || rowZero) return;
        const notes = r.suppressed.filter(
          (n) => n.roundId === result.roundId && n.optionCode === undefined,
        );
        const broader = notes.some(
          (n) =>
            n.questionId === undefined ||
            (n.questionId === question.id &&
              (n.reason === "few_respondents" || n.message.da.includes("ingen tal vises")) &&
              (n.rowCode === undefined || n.rowCode === rowCode) &&
              !n.message.da.includes("gennemsnit")),
        );
        const own = notes.some(
          (n) =>
            n.questionId === question.id &&
            n.rowCode === rowCode &&
            n.reason === mean.reason &&
            n.message.da.includes("gennemsnit"),
        );
        expect(broader || own, `${where} ${rowCode ?? ""}: mean withheld without a note`).toBe(
          true,
        );
      };

      if (result.type === "rating" || result.type === "single" || result.type === "multi") {
        const sum = result.options.reduce(
          (s, o) => s + (o.cell.status === "shown" ? o.cell.count : 0),
          0,
        );
        const anyWithheld = result.options.some((o) => o.cell.status === "suppressed");
        const roundShown =
          r.rounds.find((x) => x.id === result.roundId)?.respondents.status === "shown";
        expectCells(result.options, truth, truth.answered, c.k, where, roundShown);
        cellsExplained(result.options);
        if (result.type === "multi") {
          for (const o of result.options) {
            if (o.cell.status === "shown") expect(o.cell.count).toBeLessThanOrEqual(truth.answered);
          }
          const regular = result.options.filter(
            (o) =>
              o.kind !== "none" && o.kind !== "dontKnow" && (truth.counts.get(o.code) ?? 0) > 0,
          );
          if (contentShown && regular.length <= 1) expectLinkedGroup(result.options, truth, where);
        } else {
          if (!anyWithheld && result.answered.status === "shown" && contentShown) {
            expect(sum, `${where}: counts do not add up`).toBe(result.answered.value);
          }
          if (contentShown) expectLinkedGroup(result.options, truth, where);
        }
        if (result.type === "rating") {
          expectMean(result.mean, result.options, truth, c.k, where);
          meanExplained(result.mean);
        } else {
          const other = result.options.find((o) => o.kind === "other");
          if (result.otherTexts.status === "shown") {
            expect(other?.cell.status, `${where}: Andet texts beside a withheld Andet`).not.toBe(
              "suppressed",
            );
            expectTexts(result.otherTexts, truth.otherTexts, where);
          }
        }
      } else if (result.type === "text") {
        if (result.texts.status === "shown") {
          expect(contentShown, `${where}: texts from fewer than k`).toBe(true);
          expectTexts(result.texts, truth.texts, where);
        } else {
          expect(
            isSmall(truth.answered, c.k) ||
              result.asked.status === "suppressed" ||
              truth.answered === 0,
          ).toBe(true);
        }
      } else if (result.type === "matrix") {
        for (const row of result.rows) {
          const rowTruth = truth.rows.get(row.code) ?? group();
          const at = `${where} row ${row.code}`;
          expectCount(row.answered, rowTruth.answered, c.k, `${at} answered`);
          expectCells(row.options, rowTruth, rowTruth.answered, c.k, at);
          expectMean(row.mean, row.options, rowTruth, c.k, at);
          const rowShown = row.answered.status === "shown" && row.answered.value >= c.k;
          const rowZero = row.answered.status === "shown" && row.answered.value === 0;
          if (row.answered.status === "suppressed" && !answeredZero) {
            expect(
              explained(r, { ...base, rowCode: row.code, reason: row.answered.reason }),
              at,
            ).toBe(true);
          }
          cellsExplained(row.options, row.code, rowZero);
          meanExplained(row.mean, row.code, rowZero);
          if (contentShown && rowShown) {
            expectLinkedGroup(row.options, rowTruth, at);
            if (!row.options.some((o) => o.cell.status === "suppressed")) {
              const sum = row.options.reduce(
                (s, o) => s + (o.cell.status === "shown" ? o.cell.count : 0),
                0,
              );
              expect(sum, `${at}: counts do not add up`).toBe(rowTruth.answered);
            }
          }
        }
      }
    }
  }
  for (const comparison of r.comparisons) {
    for (const q of comparison.questions) {
      const question = r.questions.find((x) => x.id === q.id);
      const side = (roundId: string) => question?.perRound.find((p) => p.roundId === roundId);
      const before = side(comparison.baselineRoundId);
      const after = side(comparison.followUpRoundId);
      for (const o of q.options) {
        const cellIn = (res: typeof before): Cell | undefined => {
          if (res === undefined || res.type === "not_asked") return undefined;
          if (res.type === "matrix")
            return res.rows
              .find((row) => row.code === o.rowCode)
              ?.options.find((x) => x.code === o.code)?.cell;
          return "options" in res ? res.options.find((x) => x.code === o.code)?.cell : undefined;
        };
        const a = cellIn(before);
        const b = cellIn(after);
        if (o.share.status === "shown") {
          expect(
            a?.status === "shown" && b?.status === "shown",
            `${q.id}: change beside a withheld side`,
          ).toBe(true);
          if (a?.status === "shown" && b?.status === "shown")
            expect(o.share.change).toBe(b.share - a.share);
        } else if (a?.status === "suppressed" || b?.status === "suppressed") {
          expect(o.share.status === "suppressed" || o.share.status === "not_offered").toBe(true);
        }
      }
    }
  }
}

/** A list and the same list in another order. */
const arbShuffled = <T>(items: readonly T[]) =>
  fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

describe("aggregate: properties", () => {
  it(
    "does not depend on the order of the responses",
    () => {
      assertProperty(
        fc.property(
          arbCase.chain((c) => fc.tuple(fc.constant(c), arbShuffled(c.responses))),
          ([c, shuffled]) => {
            expect(report(c, shuffled)).toEqual(report(c, c.responses));
          },
        ),
        { numRuns },
      );
    },
    timeout,
  );

  it(
    "shows true counts that add up, and never a count from fewer than k, for k in 3, 4, 5 and 7",
    () => {
      assertProperty(
        fc.property(arbCase, (c) => {
          expectReportHolds(c, report(c, c.responses));
        }),
        { numRuns },
      );
    },
    timeout,
  );

  it(
    "merges partial counts to the same report, in either order",
    () => {
      assertProperty(
        fc.property(
          arbCase.chain((c) => fc.tuple(fc.constant(c), fc.nat({ max: c.responses.length }))),
          ([c, cut]) => {
            const options = { rounds: c.rounds, versions: [...versions] };
            const a = accumulate({ ...options, responses: c.responses.slice(0, cut) });
            const b = accumulate({ ...options, responses: c.responses.slice(cut) });
            const whole = report(c, c.responses);
            expect(buildReport(Accumulator.merge(a, b).state, { ...options, k: c.k })).toEqual({
              success: true,
              data: whole,
            });
            expect(buildReport(Accumulator.merge(b, a).state, { ...options, k: c.k })).toEqual({
              success: true,
              data: whole,
            });
          },
        ),
        { numRuns },
      );
    },
    timeout,
  );

  it(
    "never throws on junk mixed in, and lists every piece of it as rejected",
    () => {
      const tampered = (base: Record<string, unknown>) =>
        fc.oneof(
          fc.anything().map((answer) => ({ ...base, answers: { "akut.kendskab": answer } })),
          fc.anything().map((id) => ({ ...base, id })),
          fc.anything().map((versionHash) => ({ ...base, versionHash })),
        );
      assertProperty(
        fc.property(
          arbCase.chain((c) =>
            fc.tuple(
              fc.constant(c),
              fc.array(
                fc.oneof(
                  fc.anything(),
                  arbJunk,
                  fc
                    .constantFrom(...c.rounds)
                    .chain((round) =>
                      tampered(makeResponse(v1, {}, { id: uuidOf(10_000), roundId: round.id })),
                    ),
                ),
                { maxLength: 10 },
              ),
            ),
          ),
          ([c, junk]) => {
            // Junk that happens to be a valid answer is not junk.
            const isJunk = (j: unknown) =>
              !(
                typeof j === "object" &&
                j !== null &&
                "answers" in j &&
                isRatingAnswer((j as { answers: Record<string, unknown> }).answers["akut.kendskab"])
              );
            const bad = junk.filter(isJunk);
            const all = [...c.responses, ...bad];
            const r = report(c, all);
            expectValidReport(r);
            const rejected =
              r.rejected.length + r.rounds.reduce((s, round) => s + round.rejected.length, 0);
            expect(rejected).toBe(bad.length);
            for (const round of r.rounds) {
              const n = c.given.filter((g) => g.roundId === round.id).length;
              if (round.respondents.status === "shown") expect(round.respondents.value).toBe(n);
            }
            expect(report(c, [...all].reverse())).toEqual(r);
          },
        ),
        { numRuns },
      );
    },
    timeout,
  );
});

function isRatingAnswer(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.keys(value).length === 1 &&
    ["hoej", "nogen", "mindre", "slet", "ved-ikke"].includes(
      (value as { choice?: unknown }).choice as string,
    )
  );
}
