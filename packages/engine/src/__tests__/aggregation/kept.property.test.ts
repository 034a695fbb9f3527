import { assertProperty } from "@klynge/test-support/property";
import { arbAnswerFor, arbAnswersFor, makeResponse } from "@klynge/test-support/responses";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregate } from "../../aggregation/aggregate.js";
import type { Report } from "../../aggregation/report.js";
import type { Answer, Question } from "../../questionnaire/model.js";
import type { Round } from "../../responses/round.js";
import type { QuestionnaireVersion } from "../../versions/questionnaireVersion.js";
import { expectNoDisclosure, uuidOf, v1, v2, v3, v4 } from "../fixtures/aggregation.js";

const numRuns = 100;
const timeout = 180_000;
/**
 * From v1 to v2 a question is removed, one added and an option dropped from the middle of a
 * list; v3 adds an option and a matrix row, puts a list in another order and drops an option's
 * kind; v4 changes a question's type.
 */
const versions = [v1, v2, v3, v4] as const;

interface Given {
  readonly version: QuestionnaireVersion;
  readonly answers: Readonly<Record<string, Answer>>;
}

interface Case {
  readonly k: number;
  readonly rounds: Round[];
  readonly responses: Record<string, unknown>[];
}

/**
 * A question cut down to a few of its options (matrix: rows and columns), so that groups reach
 * k, cells are small and counts tie; its answers are still valid for the whole question.
 */
function arbNarrowed(question: Question): fc.Arbitrary<Question> {
  const few = <T>(items: readonly T[], max: number) =>
    fc.shuffledSubarray([...items], { minLength: 1, maxLength: Math.min(max, items.length) });
  switch (question.type) {
    case "rating":
    case "single":
    case "multi":
      return few(question.options, 3).map((options) => ({ ...question, options }) as Question);
    case "matrix":
      return fc
        .tuple(few(question.rows, 2), few(question.columns, 2))
        .map(([rows, columns]) => ({ ...question, rows, columns }));
    case "text":
      return fc.constant(question);
  }
}

const fewTexts = fc.constantFrom({ text: "Fælles telefonnummer" }, { text: "Hurtig respons" });

/** Answers from a palette drawn once per round and version, or any valid answers. */
function arbAnswersOn(version: QuestionnaireVersion): fc.Arbitrary<fc.Arbitrary<Given>> {
  const wide = arbAnswersFor(version.questionnaire.questions);
  const narrow = fc
    .tuple(...version.questionnaire.questions.map(arbNarrowed))
    .map((questions) =>
      fc.record(
        Object.fromEntries(
          questions.map((q) => [q.id, q.type === "text" ? fewTexts : arbAnswerFor(q)]),
        ),
        { requiredKeys: [] },
      ),
    );
  return fc
    .oneof(fc.constant(wide), narrow)
    .map((answers) =>
      (answers as fc.Arbitrary<Record<string, Answer>>).map((a) => ({ version, answers: a })),
    );
}

/** Small rounds (around k) and large ones. */
const arbSize = fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 5, max: 40 }));

/**
 * A round on its own version, with some responses on a second version (a tablet that kept an
 * older one), plus responses its round rejects: an unknown option, an unknown version.
 */
const arbRound = (id: string) =>
  fc
    .record({
      own: fc.nat({ max: versions.length - 1 }),
      second: fc.option(fc.nat({ max: versions.length - 1 }), { nil: undefined, freq: 2 }),
      invited: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
      size: arbSize,
      rejected: fc.nat({ max: 2 }),
    })
    .chain(({ own, second, invited, size, rejected }) => {
      const used = [own, ...(second === undefined ? [] : [second])].map(
        (i) => versions[i] as QuestionnaireVersion,
      );
      return fc
        .tuple(...used.map(arbAnswersOn))
        .chain((palettes) => fc.array(fc.oneof(...palettes), { minLength: size, maxLength: size }))
        .map((given) => ({
          round: {
            id,
            label: `Runde ${id}`,
            cluster: "Klynge Vejle",
            versionHash: (versions[own] as QuestionnaireVersion).hash,
            ...(invited === undefined ? {} : { invited }),
          } satisfies Round,
          given,
          rejected,
        }));
    });

/** 2–3 rounds; every response has its own id; some name no round of the report. */
const arbCase: fc.Arbitrary<Case> = fc
  .record({
    k: fc.constantFrom(3, 4, 5, 7),
    rounds: fc.oneof(
      fc.tuple(arbRound("baseline"), arbRound("opfoelgning")),
      fc.tuple(arbRound("baseline"), arbRound("opfoelgning"), arbRound("anden-opfoelgning")),
    ),
    strays: fc.nat({ max: 2 }),
  })
  .map(({ k, rounds, strays }) => {
    let id = 0;
    const next = () => ({ id: uuidOf(++id) });
    const responses = rounds.flatMap(({ round, given, rejected }) => [
      ...given.map((g) => makeResponse(g.version, g.answers, { ...next(), roundId: round.id })),
      ...Array.from({ length: rejected }, (_, i) =>
        i % 2 === 0
          ? makeResponse(
              v1,
              { "akut.kendskab": { choice: "meget" } },
              { ...next(), roundId: round.id },
            )
          : makeResponse(v1, {}, { ...next(), roundId: round.id, versionHash: "0".repeat(64) }),
      ),
    ]);
    for (let i = 0; i < strays; i++)
      responses.push(makeResponse(v1, {}, { ...next(), roundId: "en-anden-klynge" }));
    return { k, rounds: rounds.map((r) => r.round), responses };
  });

function reportOf(
  c: Case,
  rounds: readonly Round[],
  responses: readonly unknown[],
  kept: readonly Report[] = [],
): Report {
  const result = aggregate({ rounds, versions: [...versions], responses, k: c.k, kept });
  if (!result.success) throw new Error(`aggregate failed: ${JSON.stringify(result.issues)}`);
  expectNoDisclosure(result.data);
  return result.data;
}

/** The report a collector stores when it deletes a round's responses, read back as JSON. */
function keptReportOf(c: Case, round: Round): Report {
  const own = c.responses.filter((r) => r.roundId === round.id);
  return JSON.parse(JSON.stringify(reportOf(c, [round], own))) as Report;
}

/** Every non-empty set of rounds, of at most two. */
function keptSets(rounds: readonly Round[]): Round[][] {
  const ones = rounds.map((r) => [r]);
  const twos = rounds.flatMap((a, i) => rounds.slice(i + 1).map((b) => [a, b]));
  return [...ones, ...twos];
}

describe("aggregate with kept reports: properties", () => {
  it(
    "gives exactly the report of all responses when rounds come from their kept reports instead",
    () => {
      assertProperty(
        fc.property(arbCase, (c) => {
          const whole = reportOf(c, c.rounds, c.responses);
          for (const keptRounds of keptSets(c.rounds)) {
            const ids = new Set(keptRounds.map((r) => r.id));
            const rest = c.responses.filter((r) => !ids.has(r.roundId as string));
            const kept = keptRounds.map((r) => keptReportOf(c, r)).reverse();
            expect(reportOf(c, c.rounds, rest, kept), [...ids].join(" + ")).toEqual(whole);
          }
        }),
        { numRuns },
      );
    },
    timeout,
  );
});
