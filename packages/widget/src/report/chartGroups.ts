import type {
  Cell,
  Count,
  LocalizedText,
  Mean,
  OptionResult,
  QuestionReport,
  QuestionRoundResult,
} from "@klynge/engine";

/**
 * One bar of a results chart in one round, read from the report as it is: nothing is computed
 * here beyond picking the figure, so a withheld count stays withheld ("skjult"), never 0.
 */
export type BarValue =
  | { readonly kind: "shown"; readonly count: number; readonly share: number }
  | { readonly kind: "hidden" }
  /** The option (or the whole question) was not in this round's questionnaire. */
  | { readonly kind: "not_offered" }
  /** Nobody answered the question (or matrix row) in this round: there is nothing to show. */
  | { readonly kind: "none" };

export interface ChartBar {
  readonly code: string;
  readonly label: LocalizedText;
  /** One value per round of the report, in the report's order. */
  readonly values: readonly BarValue[];
}

/** How many answered, per round; `null` where the round did not ask the question (row). */
export type Answered = Count | null;

/** One chart: the question, or one row of a matrix question. */
export interface ChartGroup {
  readonly key: string;
  /** The matrix row's label; absent for a question that is not a matrix. */
  readonly row?: LocalizedText;
  readonly answered: readonly Answered[];
  readonly means: readonly (Mean | null)[];
  readonly bars: readonly ChartBar[];
}

type Asked = Exclude<QuestionRoundResult, { type: "not_asked" }>;

function barValue(cell: Cell | undefined, answered: Answered): BarValue {
  if (cell === undefined || answered === null) return { kind: "not_offered" };
  if (answered.status === "shown" && answered.value === 0) return { kind: "none" };
  if (cell.status === "shown") return { kind: "shown", count: cell.count, share: cell.share };
  return cell.status === "suppressed" ? { kind: "hidden" } : { kind: "not_offered" };
}

/** Bars in the order of the first list that has each code (the newest definition comes first). */
function barsOf(
  lists: readonly (readonly OptionResult[] | null)[],
  answered: readonly Answered[],
  union: readonly { code: string; label: LocalizedText }[] = [],
): ChartBar[] {
  const labels = new Map<string, LocalizedText>();
  for (const option of union) labels.set(option.code, option.label);
  for (const list of lists)
    for (const o of list ?? []) if (!labels.has(o.code)) labels.set(o.code, o.label);
  return [...labels].map(([code, label]) => ({
    code,
    label,
    values: lists.map((list, i) =>
      barValue(list?.find((o) => o.code === code)?.cell, answered[i] ?? null),
    ),
  }));
}

/**
 * The charts of a question that has options (rating, single, multi: one; matrix: one per row),
 * with one value per round; `null` for a free-text question, which has no chart.
 */
export function chartGroups(question: QuestionReport): ChartGroup[] | null {
  if (question.type === "text") return null;
  const asked = question.perRound.map((r): Asked | null => (r.type === "not_asked" ? null : r));

  if (question.type === "matrix") {
    const rowLabels = new Map<string, LocalizedText>();
    for (const result of asked) {
      if (result?.type !== "matrix") continue;
      for (const row of result.rows)
        if (!rowLabels.has(row.code)) rowLabels.set(row.code, row.label);
    }
    return [...rowLabels].map(([code, label]) => {
      const rows = asked.map((r) =>
        r?.type === "matrix" ? r.rows.find((row) => row.code === code) : undefined,
      );
      const answered = rows.map((row) => row?.answered ?? null);
      return {
        key: code,
        row: label,
        answered,
        means: rows.map((row) => row?.mean ?? null),
        bars: barsOf(
          rows.map((row) => row?.options ?? null),
          answered,
        ),
      };
    });
  }

  const answered = asked.map((r) => r?.answered ?? null);
  const lists = asked.map((r) => (r !== null && "options" in r ? r.options : null));
  return [
    {
      key: question.id,
      answered,
      means: asked.map((r) => (r?.type === "rating" ? r.mean : null)),
      bars: barsOf(lists, answered, question.options ?? []),
    },
  ];
}

/** True when some round shows figures for the group: otherwise its chart would be empty. */
export function hasFigures(group: ChartGroup): boolean {
  return group.answered.some((a) => a?.status === "shown" && a.value > 0);
}
