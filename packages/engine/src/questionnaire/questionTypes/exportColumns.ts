import type { ChoiceOption, OptionKind } from "../primitives.js";

/**
 * Any question type's answer, read by its fields: a column may meet an answer of another type (the
 * question changed type between versions). Not `Answer` from `model.ts`, which imports the types.
 */
export type ExportAnswer =
  | { readonly choice: string; readonly otherText?: string | undefined }
  | { readonly choices: readonly string[]; readonly otherText?: string | undefined }
  | { readonly text: string }
  | { readonly rows: Readonly<Record<string, string>> };

/** One value a column can hold: as `value` writes it (the CSV) and as `words` does (the spreadsheet). */
export interface ExportValue {
  readonly code: string;
  readonly label: string;
  /** The scale point's number, for means; none for "Ved ikke" and for unordered options. */
  readonly ordinal?: number;
  readonly kind?: OptionKind;
}

/** One column of a question in the one-row-per-response exports. */
export interface ExportColumn {
  /** Stable within one question across versions: "" (the answer), "option:x", "row:x", "other". */
  readonly part: string;
  readonly id: string;
  /** The CSV's header text: question and part, shortened. */
  readonly label: string;
  /** The part in words (matrix row, multi option, "Andet (tekst)"); "" for the whole answer. */
  readonly partLabel: string;
  /** The cell as a code (the CSV's): option code, 1/0 for a tick, the text. */
  readonly value: (answer: ExportAnswer) => string;
  /** The cell in words (the spreadsheet's): option label, "Ja"/"Nej" for a tick, the text. */
  readonly words: (answer: ExportAnswer) => string;
  /** The values the cell can hold; empty for free text. */
  readonly values: readonly ExportValue[];
}

interface QuestionLike {
  readonly id: string;
  readonly text: { readonly da: string };
}

interface OptionLike {
  readonly code: string;
  readonly label: { readonly da: string };
  readonly kind?: OptionKind | undefined;
  readonly ordinal?: number | undefined;
}

type Cell = (answer: ExportAnswer) => string;

/** The question's single column: its answer. */
export function wholeColumn(
  question: QuestionLike,
  value: Cell,
  words: Cell,
  values: readonly ExportValue[],
): ExportColumn {
  return {
    part: "",
    id: question.id,
    label: truncate(question.text.da, 60),
    partLabel: "",
    value,
    words,
    values,
  };
}

/** A column for one option or row of the question. */
export function partColumn(
  question: QuestionLike,
  part: string,
  suffix: string,
  label: string,
  cells: { readonly value: Cell; readonly words: Cell; readonly values: readonly ExportValue[] },
): ExportColumn {
  return {
    part,
    id: `${question.id}.${suffix}`,
    label: `${truncate(question.text.da, 40)} — ${truncate(label, 40)}`,
    partLabel: label,
    ...cells,
  };
}

/** The options as values of a column. */
export function valuesOf(options: readonly OptionLike[]): ExportValue[] {
  return options.map((o) => ({
    code: o.code,
    label: o.label.da,
    ...(o.ordinal === undefined ? {} : { ordinal: o.ordinal }),
    ...(o.kind === undefined ? {} : { kind: o.kind }),
  }));
}

/** The option's label for its code; the code itself for one the question no longer has. */
export function labelIn(options: readonly OptionLike[], code: string | undefined): string {
  if (code === undefined) return "";
  return options.find((o) => o.code === code)?.label.da ?? code;
}

/** A multi-choice option's column: ticked or not, of those who answered the question. */
export const tickValues: readonly ExportValue[] = [
  { code: "1", label: "Ja" },
  { code: "0", label: "Nej" },
];

/** The "Andet" text column, when the question has an "Andet" option. */
export function otherTextColumns(
  question: QuestionLike,
  options: readonly ChoiceOption[],
): ExportColumn[] {
  const other = options.find((o) => o.kind === "other");
  if (other === undefined) return [];
  const text: Cell = (a) => ("otherText" in a ? (a.otherText ?? "") : "");
  return [
    partColumn(question, "other", "andet_tekst", `${other.label.da} (tekst)`, {
      value: text,
      words: text,
      values: [],
    }),
  ];
}

export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}
