import type { Change, Comparison, LocalizedText, QuestionReport, Report } from "@klynge/engine";

/** One line of a comparison: an option's share, or a mean, baseline against follow-up. */
export interface ComparisonLine {
  readonly key: string;
  /** The matrix row, for a matrix question. */
  readonly row?: LocalizedText;
  /** The option; absent for a mean. */
  readonly option?: LocalizedText;
  readonly kind: "share" | "mean";
  readonly change: Exclude<Change, { status: "not_offered" }>;
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
      lines.push({
        key: `${option.rowCode ?? ""}/${option.code}`,
        ...(option.rowCode === undefined ? {} : { row: rowLabelOf(question, option.rowCode) }),
        option: labelOf(question, option.code),
        kind: "share",
        change: option.share,
      });
    }
    for (const mean of compared.means) {
      if (mean.mean.status === "not_offered") continue;
      lines.push({
        key: `${mean.rowCode ?? ""}/mean`,
        ...(mean.rowCode === undefined ? {} : { row: rowLabelOf(question, mean.rowCode) }),
        kind: "mean",
        change: mean.mean,
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
