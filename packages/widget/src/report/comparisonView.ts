import type {
  Cell,
  Change,
  Comparison,
  LocalizedText,
  Mean,
  QuestionReport,
  Report,
} from "@klynge/engine";

type Withheld = Extract<Mean, { status: "suppressed" }>;

/**
 * One side of a comparison line as the question's table above shows it: the same figure, or
 * withheld (with the engine's reason), so the comparison never hides what the tables show.
 */
export type SideFigure =
  | { readonly status: "shown"; readonly value: number }
  | { readonly status: "suppressed"; readonly reason: Withheld["reason"] }
  | { readonly status: "none" };

/**
 * Why a change is not shown, for the coordinator: which side is withheld, and for a mean whether
 * it is withheld because a count beside it is (it would let that count be worked out).
 */
export type ChangeWithheld = "baseline" | "follow_up" | "both";

/** One line of a comparison: an option's share, or a mean, baseline against follow-up. */
export interface ComparisonLine {
  readonly key: string;
  /** The matrix row, for a matrix question. */
  readonly row?: LocalizedText;
  /** The option; absent for a mean. */
  readonly option?: LocalizedText;
  readonly kind: "share" | "mean";
  readonly change: Exclude<Change, { status: "not_offered" }>;
  /** The share or mean of each round as the question's table shows it. */
  readonly baseline: SideFigure;
  readonly followUp: SideFigure;
  /** Set when the change is withheld: which side is. */
  readonly withheld?: ChangeWithheld;
}

export interface ComparedQuestion {
  readonly id: string;
  readonly text: LocalizedText;
  readonly comparable: boolean;
  readonly lines: readonly ComparisonLine[];
}

export interface ComparisonView {
  readonly baseline: string;
  readonly followUp: string;
  readonly questions: readonly ComparedQuestion[];
  readonly added: number;
  readonly removed: number;
}

function labelOf(question: QuestionReport, code: string): LocalizedText {
  const fromUnion = question.options?.find((o) => o.code === code)?.label;
  if (fromUnion !== undefined) return fromUnion;
  for (const result of question.perRound) {
    if (result.type === "matrix") {
      for (const row of result.rows) {
        const option = row.options.find((o) => o.code === code);
        if (option !== undefined) return option.label;
      }
    } else if ("options" in result) {
      const option = result.options.find((o) => o.code === code);
      if (option !== undefined) return option.label;
    }
  }
  return { da: code };
}

function rowLabelOf(question: QuestionReport, code: string): LocalizedText {
  for (const result of question.perRound) {
    if (result.type !== "matrix") continue;
    const row = result.rows.find((r) => r.code === code);
    if (row !== undefined) return row.label;
  }
  return { da: code };
}

function resultIn(question: QuestionReport, roundId: string) {
  return question.perRound.find((r) => r.roundId === roundId);
}

function cellIn(
  question: QuestionReport,
  roundId: string,
  code: string,
  rowCode: string | undefined,
): Cell | undefined {
  const result = resultIn(question, roundId);
  if (result === undefined || result.type === "not_asked") return undefined;
  if (result.type === "matrix")
    return result.rows.find((r) => r.code === rowCode)?.options.find((o) => o.code === code)?.cell;
  return "options" in result ? result.options.find((o) => o.code === code)?.cell : undefined;
}

function meanIn(
  question: QuestionReport,
  roundId: string,
  rowCode: string | undefined,
): Mean | undefined {
  const result = resultIn(question, roundId);
  if (result?.type === "matrix") return result.rows.find((r) => r.code === rowCode)?.mean;
  return result?.type === "rating" ? result.mean : undefined;
}

/** Nobody answered the question (or matrix row) in the round: its table shows no figure ("–"). */
function nobodyIn(question: QuestionReport, roundId: string, rowCode: string | undefined): boolean {
  const result = resultIn(question, roundId);
  if (result === undefined || result.type === "not_asked") return false;
  const answered =
    result.type === "matrix"
      ? result.rows.find((r) => r.code === rowCode)?.answered
      : result.answered;
  return answered?.status === "shown" && answered.value === 0;
}

function sideOf(figure: Cell | Mean | undefined, nobody: boolean): SideFigure {
  if (nobody || figure === undefined || figure.status === "not_offered") return { status: "none" };
  if (figure.status === "suppressed") return { status: "suppressed", reason: figure.reason };
  return { status: "shown", value: "share" in figure ? figure.share : figure.value };
}

function withheldSide(baseline: SideFigure, followUp: SideFigure): ChangeWithheld {
  const before = baseline.status === "suppressed";
  const after = followUp.status === "suppressed";
  if (before && !after) return "baseline";
  if (after && !before) return "follow_up";
  return "both";
}

/** The line's sides, from the change when shown, else from the report's own figures. */
function sides(
  change: ComparisonLine["change"],
  baseline: SideFigure,
  followUp: SideFigure,
): Pick<ComparisonLine, "baseline" | "followUp" | "withheld"> {
  if (change.status === "shown")
    return {
      baseline: { status: "shown", value: change.baseline },
      followUp: { status: "shown", value: change.followUp },
    };
  return { baseline, followUp, withheld: withheldSide(baseline, followUp) };
}

/** A withheld change where nobody answered in either round: there is nothing to compare. */
function empty(line: Pick<ComparisonLine, "baseline" | "followUp">): boolean {
  return line.baseline.status === "none" && line.followUp.status === "none";
}

/** Options nobody chose in either round say nothing at a meeting; they are left out. */
function worthShowing(change: Change): change is ComparisonLine["change"] {
  if (change.status === "not_offered") return false;
  return change.status === "suppressed" || change.baseline !== 0 || change.followUp !== 0;
}

/**
 * The report's comparison as lines to show, labels looked up in the report. The changes are the
 * engine's (`comparison.questions`): nothing is subtracted here. Free-text questions have no
 * figures to compare and are left out.
 */
export function comparisonView(report: Report, comparison: Comparison): ComparisonView {
  const roundLabel = (id: string) => report.rounds.find((r) => r.id === id)?.label ?? id;
  const questions: ComparedQuestion[] = [];
  for (const compared of comparison.questions) {
    const question = report.questions.find((q) => q.id === compared.id);
    if (question === undefined || question.type === "text") continue;
    const lines: ComparisonLine[] = [];
    for (const option of compared.options) {
      if (!worthShowing(option.share)) continue;
      const side = (roundId: string) =>
        sideOf(
          cellIn(question, roundId, option.code, option.rowCode),
          nobodyIn(question, roundId, option.rowCode),
        );
      const figures = sides(
        option.share,
        side(comparison.baselineRoundId),
        side(comparison.followUpRoundId),
      );
      if (empty(figures)) continue;
      lines.push({
        key: `${option.rowCode ?? ""}/${option.code}`,
        ...(option.rowCode === undefined ? {} : { row: rowLabelOf(question, option.rowCode) }),
        option: labelOf(question, option.code),
        kind: "share",
        change: option.share,
        ...figures,
      });
    }
    for (const mean of compared.means) {
      if (mean.mean.status === "not_offered") continue;
      const side = (roundId: string) =>
        sideOf(meanIn(question, roundId, mean.rowCode), nobodyIn(question, roundId, mean.rowCode));
      const figures = sides(
        mean.mean,
        side(comparison.baselineRoundId),
        side(comparison.followUpRoundId),
      );
      if (empty(figures)) continue;
      lines.push({
        key: `${mean.rowCode ?? ""}/mean`,
        ...(mean.rowCode === undefined ? {} : { row: rowLabelOf(question, mean.rowCode) }),
        kind: "mean",
        change: mean.mean,
        ...figures,
      });
    }
    if (compared.comparable && lines.length === 0) continue;
    questions.push({
      id: question.id,
      text: question.text,
      comparable: compared.comparable,
      lines,
    });
  }
  return {
    baseline: roundLabel(comparison.baselineRoundId),
    followUp: roundLabel(comparison.followUpRoundId),
    questions,
    added: comparison.added.length,
    removed: comparison.removed.length,
  };
}
