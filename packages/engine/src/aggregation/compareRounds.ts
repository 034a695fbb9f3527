import type { Round } from "../responses/round.js";
import { diff } from "../versions/diff.js";
import type { QuestionnaireVersion } from "../versions/questionnaireVersion.js";
import type {
  Cell,
  Change,
  Comparison,
  Mean,
  OptionResult,
  QuestionReport,
  QuestionRoundResult,
} from "./report.js";

type Asked = Exclude<QuestionRoundResult, { type: "not_asked" }>;

/**
 * Baseline next to follow-up: the change in each option's share and in each mean, only for
 * questions the diff of the two rounds' versions calls comparable. A change is withheld when
 * either side is.
 */
export function compareRounds(
  questions: readonly QuestionReport[],
  baseline: Round,
  followUp: Round,
  versions: ReadonlyMap<string, QuestionnaireVersion>,
): Comparison {
  const d = diff(
    versions.get(baseline.versionHash) as QuestionnaireVersion,
    versions.get(followUp.versionHash) as QuestionnaireVersion,
  );
  const comparable = new Set(d.comparable);
  const compared: Comparison["questions"] = [];
  for (const question of questions) {
    const before = resultOf(question, baseline.id);
    const after = resultOf(question, followUp.id);
    if (before === undefined || after === undefined) continue;
    if (!comparable.has(question.id)) {
      compared.push({ id: question.id, comparable: false, options: [], means: [] });
      continue;
    }
    compared.push({ id: question.id, comparable: true, ...changesOf(before, after) });
  }
  return {
    baselineRoundId: baseline.id,
    followUpRoundId: followUp.id,
    added: [...d.added],
    removed: [...d.removed],
    questions: compared,
  };
}

function resultOf(question: QuestionReport, roundId: string): Asked | undefined {
  const result = question.perRound.find((r) => r.roundId === roundId);
  return result === undefined || result.type === "not_asked" ? undefined : result;
}

function changesOf(
  before: Asked,
  after: Asked,
): Pick<Comparison["questions"][number], "options" | "means"> {
  if (before.type === "matrix" && after.type === "matrix") {
    const options: Comparison["questions"][number]["options"] = [];
    const means: Comparison["questions"][number]["means"] = [];
    for (const row of after.rows) {
      const old = before.rows.find((r) => r.code === row.code);
      if (old === undefined) continue;
      options.push(
        ...optionChanges(old.options, row.options).map((o) => ({ ...o, rowCode: row.code })),
      );
      means.push({ rowCode: row.code, mean: meanChange(old.mean, row.mean) });
    }
    return { options, means };
  }
  const options =
    "options" in before && "options" in after ? optionChanges(before.options, after.options) : [];
  const means =
    "mean" in before && "mean" in after ? [{ mean: meanChange(before.mean, after.mean) }] : [];
  return { options, means };
}

function optionChanges(before: readonly OptionResult[], after: readonly OptionResult[]) {
  return after.flatMap((option) => {
    const old = before.find((o) => o.code === option.code);
    return old === undefined
      ? []
      : [{ code: option.code, share: cellChange(old.cell, option.cell) }];
  });
}

function cellChange(a: Cell, b: Cell): Change {
  if (a.status === "not_offered" || b.status === "not_offered") return { status: "not_offered" };
  if (a.status === "suppressed" || b.status === "suppressed")
    return { status: "suppressed", reason: "derived" };
  return { status: "shown", baseline: a.share, followUp: b.share, change: b.share - a.share };
}

function meanChange(a: Mean, b: Mean): Change {
  if (a.status === "suppressed" || b.status === "suppressed")
    return { status: "suppressed", reason: "derived" };
  return { status: "shown", baseline: a.value, followUp: b.value, change: b.value - a.value };
}
