import type { MessageCatalogue } from "../issues/issue.js";

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
  invalid_type: (p) => `expected ${term(p.expected, "another type")}${was(p.received)}.`,
  invalid_value: (p) =>
    `invalid value; allowed: ${term(p.expected, "another value")}${was(p.received)}.`,
  invalid_format: (p) =>
    `invalid format; expected ${term(p.expected, "another format")}${was(p.received)}.`,
  too_small: (p) => `too short or too small; at least ${p.limit ?? "?"}${was(p.received)}.`,
  too_big: (p) => `too long or too big; at most ${p.limit ?? "?"}${was(p.received)}.`,
  unknown_key: (p) => `unknown field "${p.value ?? ""}".`,
  duplicate_question_id: (p) => `question id "${p.value ?? ""}" already exists.`,
  duplicate_option_code: (p) => `option code "${p.value ?? ""}" is used twice in one question.`,
  duplicate_row_code: (p) => `row code "${p.value ?? ""}" is used twice in one matrix.`,
  duplicate_special_option: (p) => `only one option of kind "${p.value ?? ""}" is allowed.`,
  missing_ordinal: () => `a scale option needs an ordinal value.`,
  unexpected_ordinal: () => `"Don't know" and similar options must not have an ordinal value.`,
  duplicate_ordinal: (p) => `ordinal ${p.value ?? ""} is used twice on one scale.`,
  empty_questionnaire: () => `a questionnaire needs at least one question.`,
  unknown_question: (p) => `question "${p.value ?? ""}" does not exist in this version.`,
  invalid_position: (p) => `position must be between 0 and ${p.limit ?? "?"}${was(p.received)}.`,
  hash_mismatch: (p) =>
    `the content does not match the version hash ${term(p.expected, "")}; the version was altered or damaged.`,
  unknown_round: (p) => `round "${p.value ?? ""}" is unknown.`,
  unknown_version: (p) => `questionnaire version ${p.value ?? ""} is unknown.`,
  duplicate_response: (p) =>
    `response ${p.value ?? ""} is already counted; a copy does not count twice.`,
  duplicate_round: (p) =>
    `round "${p.value ?? ""}" is given twice; a round is counted either from its responses or from one kept report.`,
  report_mismatch: (p) =>
    `the kept report does not match the round's questionnaire versions at question "${p.value ?? ""}"; expected ${term(p.expected, "another result")}${was(p.received)}.`,
  version_mismatch: (p) =>
    `the response belongs to version ${p.received ?? "?"}, not ${term(p.expected, "?")}.`,
  unknown_option: (p) => `option "${p.value ?? ""}" does not exist in the question.`,
  unknown_row: (p) => `row "${p.value ?? ""}" does not exist in the matrix.`,
  duplicate_choice: (p) => `option "${p.value ?? ""}" is chosen twice.`,
  exclusive_option_combined: (p) => `"${p.value ?? ""}" cannot be combined with other answers.`,
  other_text_without_other: () => `an "Other" text is given but "Other" is not chosen.`,
  required_missing: () => `this question must be answered.`,
  text_too_long: (p) =>
    `the text is too long; at most ${p.limit ?? "?"} characters${was(p.received)}.`,
  // referral data (CSV)
  csv_unclosed_quote: () => `a cell opens with a quote (") that is never closed.`,
  csv_too_many_lines: (p) => `the file has too many rows; at most ${p.limit ?? "?"} data rows.`,
  csv_empty: () => `the file has no data rows.`,
  csv_missing_column: (p) =>
    `column "${p.value ?? ""}" is missing from the header row; accepted names: ${term(p.expected, "")}.`,
  csv_duplicate_column: (p) =>
    `column "${p.value ?? ""}" appears more than once in the header row.`,
  csv_cell_count: (p) =>
    `the row has ${p.received ?? "?"} cells, but the header row has ${term(p.expected, "?")}.`,
  csv_empty_cell: () => `the cell is empty.`,
  csv_bad_number: (p) => `expected a whole number such as 1234 or 1.234${was(p.received)}.`,
  csv_negative: (p) => `the count must not be negative${was(p.received)}.`,
  csv_referrals_exceed_listed: (p) =>
    `more referrals (${p.received ?? "?"}) than listed patients (${term(p.expected, "?")}); are the columns swapped?`,
  csv_duplicate_row: (p) => `the same practice and offer are already in row ${p.value ?? "?"}.`,
};
