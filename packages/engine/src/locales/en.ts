import type { MessageCatalogue } from "../issue.js";

const was = (received: string | undefined) =>
  received === undefined ? "" : ` (received ${received})`;

/** Words for the language-neutral terms an issue's `expected` may hold; others are shown as they are. */
const terms: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true/false",
  object: "an object",
  array: "a list",
  record: "an object",
  present: "a value",
  json: "plain JSON data",
  uuid: "a UUID",
  datetime: "an ISO 8601 timestamp",
  "question-id": "lower-case letters, digits and - _ . (e.g. rehab.kendskab)",
  code: "lower-case letters, digits and - _ (e.g. ved-ikke)",
  ordinal: "at least one scale point with an ordinal",
};
const term = (expected: string | undefined, fallback: string) =>
  expected === undefined ? fallback : (terms[expected] ?? expected);

export const en: MessageCatalogue = {
  invalid_type: (p) => `${p.path}: expected ${term(p.expected, "another type")}${was(p.received)}.`,
  invalid_value: (p) =>
    `${p.path}: invalid value; allowed: ${term(p.expected, "another value")}${was(p.received)}.`,
  invalid_format: (p) =>
    `${p.path}: invalid format; expected ${term(p.expected, "another format")}${was(p.received)}.`,
  too_small: (p) =>
    `${p.path}: too short or too small; at least ${p.limit ?? "?"}${was(p.received)}.`,
  too_big: (p) => `${p.path}: too long or too big; at most ${p.limit ?? "?"}${was(p.received)}.`,
  unknown_key: (p) => `${p.path}: unknown field "${p.value ?? ""}".`,
  duplicate_question_id: (p) => `${p.path}: question id "${p.value ?? ""}" already exists.`,
  duplicate_option_code: (p) =>
    `${p.path}: option code "${p.value ?? ""}" is used twice in one question.`,
  duplicate_row_code: (p) => `${p.path}: row code "${p.value ?? ""}" is used twice in one matrix.`,
  duplicate_special_option: (p) =>
    `${p.path}: only one option of kind "${p.value ?? ""}" is allowed.`,
  missing_ordinal: (p) => `${p.path}: a scale option needs an ordinal value.`,
  unexpected_ordinal: (p) =>
    `${p.path}: "Don't know" and similar options must not have an ordinal value.`,
  duplicate_ordinal: (p) => `${p.path}: ordinal ${p.value ?? ""} is used twice on one scale.`,
  empty_questionnaire: (p) => `${p.path}: a questionnaire needs at least one question.`,
  unknown_question: (p) => `${p.path}: question "${p.value ?? ""}" does not exist in this version.`,
  invalid_position: (p) =>
    `${p.path}: position must be between 0 and ${p.limit ?? "?"}${was(p.received)}.`,
  hash_mismatch: (p) =>
    `${p.path}: the content does not match the version hash ${term(p.expected, "")}; the version was altered or damaged.`,
  unknown_round: (p) => `${p.path}: round "${p.value ?? ""}" is unknown.`,
  unknown_version: (p) => `${p.path}: questionnaire version ${p.value ?? ""} is unknown.`,
  duplicate_response: (p) =>
    `${p.path}: response ${p.value ?? ""} is already counted; a copy does not count twice.`,
  version_mismatch: (p) =>
    `${p.path}: the response belongs to version ${p.received ?? "?"}, not ${term(p.expected, "?")}.`,
  unknown_option: (p) => `${p.path}: option "${p.value ?? ""}" does not exist in the question.`,
  unknown_row: (p) => `${p.path}: row "${p.value ?? ""}" does not exist in the matrix.`,
  duplicate_choice: (p) => `${p.path}: option "${p.value ?? ""}" is chosen twice.`,
  exclusive_option_combined: (p) =>
    `${p.path}: "${p.value ?? ""}" cannot be combined with other answers.`,
  other_text_without_other: (p) => `${p.path}: an "Other" text is given but "Other" is not chosen.`,
  required_missing: (p) => `${p.path}: this question must be answered.`,
  text_too_long: (p) =>
    `${p.path}: the text is too long; at most ${p.limit ?? "?"} characters${was(p.received)}.`,
  // referral data (CSV)
  csv_unclosed_quote: (p) => `${p.path}: a cell opens with a quote (") that is never closed.`,
  csv_too_many_lines: (p) =>
    `${p.path}: the file has too many rows; at most ${p.limit ?? "?"} data rows.`,
  csv_empty: (p) => `${p.path}: the file has no data rows.`,
  csv_missing_column: (p) =>
    `${p.path}: column "${p.value ?? ""}" is missing from the header row; accepted names: ${term(p.expected, "")}.`,
  csv_duplicate_column: (p) =>
    `${p.path}: column "${p.value ?? ""}" appears more than once in the header row.`,
  csv_cell_count: (p) =>
    `${p.path}: the row has ${p.received ?? "?"} cells, but the header row has ${term(p.expected, "?")}.`,
  csv_empty_cell: (p) => `${p.path}: the cell is empty.`,
  csv_bad_number: (p) =>
    `${p.path}: expected a whole number such as 1234 or 1.234${was(p.received)}.`,
  csv_negative: (p) => `${p.path}: the count must not be negative${was(p.received)}.`,
  csv_referrals_exceed_listed: (p) =>
    `${p.path}: more referrals (${p.received ?? "?"}) than listed patients (${term(p.expected, "?")}); are the columns swapped?`,
  csv_duplicate_row: (p) =>
    `${p.path}: the same practice and offer are already in row ${p.value ?? "?"}.`,
};
