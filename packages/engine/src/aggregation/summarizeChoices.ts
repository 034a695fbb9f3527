import { suppressCells } from "../anonymity/suppressCells.js";
import { sortByCodeUnits } from "../internal/sortByCodeUnits.js";
import type { ChoiceOption, MatrixRow, ScaleOption } from "../questionnaire/primitives.js";
import type { Cell, Mean, OptionResult, RowResult, SuppressionReason, Texts } from "./report.js";
import { type ChoiceTally, createChoiceTally } from "./tally.js";

/** Records why a figure was withheld; `option`/`row`/`mean` say which one, `nobody` that none answered. */
export type Note = (
  reason: SuppressionReason,
  where?: { option?: string; row?: string; mean?: true; nobody?: true },
) => void;

export interface ChoiceSummaryInput {
  readonly options: readonly (ChoiceOption | ScaleOption)[];
  readonly tally: ChoiceTally;
  /** Codes offered by the versions answered in this round. */
  readonly offered: ReadonlySet<string>;
  readonly k: number;
  /** False when too few answered: every figure is withheld. */
  readonly contentShown: boolean;
  /** Whether the counts sum to the (shown) number who answered. */
  readonly linked: boolean;
  readonly note: Note;
  readonly row?: string;
}

export interface ChoiceSummary {
  readonly options: OptionResult[];
  readonly anyWithheld: boolean;
}

/** Each option's count and share of respondents, with the small-cell rule applied. */
export function summarizeOptions(input: ChoiceSummaryInput): ChoiceSummary {
  const { options, tally, offered, k, contentShown, linked, note, row } = input;
  const counts = options.map((o) => (offered.has(o.code) ? (tally.counts[o.code] ?? 0) : null));
  const reasons = contentShown
    ? suppressCells(counts, k, linked)
    : counts.map(() => "few_respondents" as const);
  let anyWithheld = !contentShown;
  const results = options.map((option, i): OptionResult => {
    const count = counts[i];
    const reason = reasons[i];
    let cell: Cell;
    if (count === null || count === undefined) cell = { status: "not_offered" };
    else if (reason !== null && reason !== undefined) {
      cell = { status: "suppressed", reason };
      anyWithheld = true;
      if (contentShown)
        note(reason, row === undefined ? { option: option.code } : { option: option.code, row });
    } else
      cell = { status: "shown", count, share: tally.answered === 0 ? 0 : count / tally.answered };
    return optionResult(option, cell);
  });
  return { options: results, anyWithheld };
}

/** An option as a result shows it: the definition's code, label, kind and ordinal, and its cell. */
export function optionResult(option: ChoiceOption | ScaleOption, cell: Cell): OptionResult {
  return {
    code: option.code,
    label: option.label,
    ...(option.kind === undefined ? {} : { kind: option.kind }),
    ...("ordinal" in option && option.ordinal !== undefined ? { ordinal: option.ordinal } : {}),
    cell,
  };
}

/**
 * Mean of the ordinal codes, "Ved ikke" left out. Withheld when fewer than k gave a scale answer,
 * or when any count is withheld: with the mean and the shown counts, a withheld one could be solved.
 */
export function summarizeMean(
  tally: ChoiceTally,
  summary: ChoiceSummary,
  k: number,
  contentShown: boolean,
  note: Note,
  row?: string,
): Mean {
  if (!contentShown) return { status: "suppressed", reason: "few_respondents" };
  // Withheld while the counts beside it may be shown, so it gets a note of its own.
  const reason =
    tally.ordinalCount < k ? "few_respondents" : summary.anyWithheld ? "derived" : null;
  if (reason === null)
    return { status: "shown", value: tally.ordinalSum / tally.ordinalCount, n: tally.ordinalCount };
  note(reason, row === undefined ? { mean: true } : { row, mean: true });
  return { status: "suppressed", reason };
}

/**
 * Texts sorted by UTF-16 code units, so their order tells nothing about who wrote them or when,
 * and is the same in every runtime. Not Danish collation: that is six times slower on large sets
 * and may differ between ICU versions; a page may re-sort the few texts it shows for reading.
 */
export function summarizeTexts(
  items: readonly string[],
  withheldFor: SuppressionReason | null,
): Texts {
  if (withheldFor !== null) return { status: "suppressed", reason: withheldFor };
  return { status: "shown", items: sortByCodeUnits(items) };
}

/** "Andet" texts are shown only when the "Andet" count is: their number would give it away. */
export function summarizeOtherTexts(
  tally: QuestionTallyTexts,
  summary: ChoiceSummary,
  contentShown: boolean,
): Texts {
  if (!contentShown) return summarizeTexts(tally.otherTexts, "few_respondents");
  const other = summary.options.find((o) => o.kind === "other" && o.cell.status !== "not_offered");
  // Texts with no shown "Andet" to stand under (its kind changed between versions) are not shown alone.
  if (other === undefined)
    return summarizeTexts(tally.otherTexts, tally.otherTexts.length === 0 ? null : "derived");
  return summarizeTexts(
    tally.otherTexts,
    other.cell.status === "suppressed" ? other.cell.reason : null,
  );
}

/** Each matrix row as a group of its own: its own respondents, counts, shares and mean. */
export function summarizeMatrixRows(input: {
  readonly question: {
    readonly rows: readonly MatrixRow[];
    readonly columns: readonly ScaleOption[];
  };
  readonly tally: { readonly rows: Readonly<Record<string, ChoiceTally>> };
  readonly offered: ReadonlySet<string>;
  readonly offeredRows: ReadonlySet<string>;
  readonly k: number;
  readonly contentShown: boolean;
  readonly note: Note;
}): RowResult[] {
  const { question, tally, offered, offeredRows, k, contentShown, note } = input;
  return question.rows
    .filter((row) => offeredRows.has(row.code))
    .map((row) => {
      const rowTally = tally.rows[row.code] ?? createChoiceTally();
      const rowShown = contentShown && rowTally.answered >= k;
      // As for a question: a row nobody answered shows its 0; only 1 to k−1 is withheld.
      const answeredShown = rowShown || (contentShown && rowTally.answered === 0);
      if (contentShown && !answeredShown) note("few_respondents", { row: row.code });
      // A row nobody answered shows its 0 and says so, as a question nobody answered does.
      if (contentShown && rowTally.answered === 0)
        note("few_respondents", { row: row.code, nobody: true });
      const summary = summarizeOptions({
        options: question.columns,
        tally: rowTally,
        offered,
        k,
        contentShown: rowShown,
        linked: true,
        note,
        row: row.code,
      });
      return {
        code: row.code,
        label: row.label,
        answered: answeredShown
          ? { status: "shown", value: rowTally.answered }
          : { status: "suppressed", reason: "few_respondents" },
        options: summary.options,
        mean: summarizeMean(rowTally, summary, k, rowShown, note, row.code),
      } satisfies RowResult;
    });
}

interface QuestionTallyTexts {
  readonly otherTexts: readonly string[];
}
