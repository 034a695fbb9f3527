import type { ChoiceOption } from "../primitives.js";

/**
 * Any question type's answer, read by its fields: a column may meet an answer of another type (the
 * question changed type between versions). Not `Answer` from `model.ts`, which imports the types.
 */
type Answer =
  | { readonly choice: string; readonly otherText?: string | undefined }
  | { readonly choices: readonly string[]; readonly otherText?: string | undefined }
  | { readonly text: string }
  | { readonly rows: Readonly<Record<string, string>> };

/** One spreadsheet column of a question in the response export. */
export interface ExportColumn {
  /** Stable within one question across versions: "" (the answer), "option:x", "row:x", "other". */
  readonly part: string;
  readonly id: string;
  readonly label: string;
  readonly value: (answer: Answer) => string;
}

interface QuestionLike {
  readonly id: string;
  readonly text: { readonly da: string };
}

/** The question's single column: its answer. */
export function wholeColumn(
  question: QuestionLike,
  value: (answer: Answer) => string,
): ExportColumn {
  return { part: "", id: question.id, label: truncate(question.text.da, 60), value };
}

/** A column for one option or row of the question. */
export function partColumn(
  question: QuestionLike,
  part: string,
  suffix: string,
  label: string,
  value: (answer: Answer) => string,
): ExportColumn {
  return {
    part,
    id: `${question.id}.${suffix}`,
    label: `${truncate(question.text.da, 40)} — ${truncate(label, 40)}`,
    value,
  };
}

/** The "Andet" text column, when the question has an "Andet" option. */
export function otherTextColumns(
  question: QuestionLike,
  options: readonly ChoiceOption[],
): ExportColumn[] {
  const other = options.find((o) => o.kind === "other");
  if (other === undefined) return [];
  return [
    partColumn(question, "other", "andet_tekst", `${other.label.da} (tekst)`, (a) =>
      "otherText" in a ? (a.otherText ?? "") : "",
    ),
  ];
}

export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}
