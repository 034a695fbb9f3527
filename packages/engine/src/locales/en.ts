import type { LocalizedText } from "../questionnaire/primitives.js";
import type { Catalogue, DisclosureContext, SuppressionContext } from "./catalogue.js";

const was = (received: string) => ` (received ${received})`;

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
};
const term = (expected: string) => terms[expected] ?? expected;

const figureNames = {
  respondents: "the number of responses",
  versionCount: "the number who answered on the version",
  asked: "the number asked",
  answered: "the number who answered",
  count: "the count",
  mean: "the mean",
  change: "the change",
} as const;

const text = (t: LocalizedText) => t.en ?? t.da;

function subject(c: DisclosureContext): string {
  const parts: string[] = [figureNames[c.figure]];
  if (c.version !== undefined) parts.push(`»${c.version}«`);
  if (c.question !== undefined) parts.push(`in »${text(c.question)}«`);
  if (c.row !== undefined) parts.push(`row »${text(c.row)}«`);
  if (c.option !== undefined) parts.push(`answer »${text(c.option)}«`);
  parts.push(`(round »${c.round}«`);
  return parts.join(" ") + (c.rest ? ", among the responses not on the device)" : ")");
}

function range({ interval: { min, max } }: DisclosureContext): string {
  if (max === null) return `at least ${min}`;
  return min === max ? String(min) : `between ${min} and ${max}`;
}

/** »Question«, row »row«, answer »option« (round »label«) */
function where(c: SuppressionContext): string {
  if (c.question === undefined) return `Round »${c.round}«`;
  const parts = [`»${text(c.question)}«`];
  if (c.row !== undefined) parts.push(`row »${text(c.row)}«`);
  if (c.option !== undefined) parts.push(`answer »${text(c.option)}«`);
  return `${parts.join(", ")} (round »${c.round}«)`;
}

export const en: Catalogue = {
  root: "(root)",

  issue(issue) {
    switch (issue.code) {
      case "invalid_type":
        return `Expected ${term(issue.expected)}${was(issue.received)}.`;
      case "invalid_value":
        return `Invalid value; allowed: ${term(issue.expected ?? "another value")}${was(issue.received)}.`;
      case "invalid_format":
        return `Invalid format; expected ${term(issue.expected)}${was(issue.received)}.`;
      case "too_small":
        return `Too short or too small; at least ${issue.limit}${was(issue.received)}.`;
      case "too_big":
        return `Too long or too big; at most ${issue.limit}${was(issue.received)}.`;
      case "unknown_key":
        return `Unknown field "${issue.value}".`;
      case "duplicate_question_id":
        return `Question id "${issue.value}" already exists.`;
      case "duplicate_option_code":
        return `Option code "${issue.value}" is used twice in one question.`;
      case "duplicate_row_code":
        return `Row code "${issue.value}" is used twice in one matrix.`;
      case "duplicate_special_option":
        return `Only one option of kind "${issue.value}" is allowed.`;
      case "missing_ordinal":
        return `A scale option needs an ordinal value.`;
      case "unexpected_ordinal":
        return `"Don't know" and similar options must not have an ordinal value.`;
      case "duplicate_ordinal":
        return `Ordinal ${issue.value} is used twice on one scale.`;
      case "empty_questionnaire":
        return `A questionnaire needs at least one question.`;
      case "condition_unknown_question":
        return `The condition refers to a question that is not in the questionnaire ("${issue.value}").`;
      case "condition_not_earlier":
        return `A question can only be shown depending on the answer to a question before it.`;
      case "condition_source_type":
        return `A question can only be shown depending on a scale or a question with options (not ${issue.received === "text" ? "a text field" : "a matrix"}).`;
      case "condition_unknown_option":
        return `The condition names an answer the question does not have ("${issue.value}").`;
      case "answer_not_shown":
        return `The question was not shown given the other answers, so it cannot have been answered.`;
      case "duplicate_option_text":
        return `Two options are called "${issue.value}".`;
      case "duplicate_row_text":
        return `Two rows are called "${issue.value}".`;
      case "dont_know_as_option":
        return `"${issue.value}" must be the special "Don't know" option, so the answer stays out of means and distributions.`;
      case "other_repeated":
        return `"${issue.value}" looks like "Other (please specify)", which the question already has: respondents would see two "Other".`;
      case "scale_order":
        return `A scale is listed from best to worst, like the other scales: "${issue.value}" stands below a point that is not better.`;
      case "duplicate_question_text":
        return `The question "${issue.value}" is already in the questionnaire.`;
      case "blank_label":
        return `Give the version a name.`;
      case "unknown_question":
        return `Question "${issue.value}" does not exist in this version.`;
      case "invalid_position":
        return `Position must be between 0 and ${issue.limit}${was(issue.received)}.`;
      case "hash_mismatch":
        return `The content does not match the version hash ${issue.expected}; the version was altered or damaged.`;
      case "unknown_round":
        return `Round "${issue.value}" is unknown.`;
      case "unknown_version":
        return `Questionnaire version ${issue.value} is unknown.`;
      case "duplicate_response":
        return `Response ${issue.value} is already counted; a copy does not count twice.`;
      case "duplicate_round":
        return `Round "${issue.value}" is given twice; a round is counted either from its responses or from one kept report.`;
      case "report_mismatch":
        return `The kept report does not match the round's questionnaire versions at question "${issue.value}"; expected ${term(issue.expected)}${issue.received === undefined ? "" : was(issue.received)}.`;
      case "version_mismatch":
        return `The response belongs to version ${issue.received}, not ${issue.expected}.`;
      case "unknown_option":
        return `Option "${issue.value}" does not exist in the question.`;
      case "unknown_row":
        return `Row "${issue.value}" does not exist in the matrix.`;
      case "duplicate_choice":
        return `Option "${issue.value}" is chosen twice.`;
      case "exclusive_option_combined":
        return `"${issue.value}" cannot be combined with other answers.`;
      case "other_text_without_other":
        return `An "Other" text is given but "Other" is not chosen.`;
      case "required_missing":
        return `This question must be answered.`;
      case "text_too_long":
        return `The text is too long; at most ${issue.limit} characters${was(issue.received)}.`;
      case "csv_unclosed_quote":
        return `A cell opens with a quote (") that is never closed.`;
      case "csv_too_many_lines":
        return `The file has too many rows; at most ${issue.limit} data rows.`;
      case "csv_empty":
        return `The file has no data rows.`;
      case "csv_missing_column":
        return `Column "${issue.value}" is missing from the header row; accepted names: ${issue.expected}.`;
      case "csv_duplicate_column":
        return `Column "${issue.value}" appears more than once in the header row.`;
      case "csv_cell_count":
        return `The row has ${issue.received} cells, but the header row has ${issue.expected}.`;
      case "csv_empty_cell":
        return `The cell is empty.`;
      case "csv_bad_number":
        return `Expected a whole number such as 1234 or 1.234${was(issue.received)}.`;
      case "csv_negative":
        return `The count must not be negative${was(issue.received)}.`;
      case "csv_referrals_exceed_listed":
        return `More referrals (${issue.received}) than listed patients (${issue.expected}); are the columns swapped?`;
      case "csv_duplicate_row":
        return `The same practice and offer are already in row ${issue.value}.`;
      case "unsupported_format_version":
        return `The package file is in format version ${issue.received}, but only version ${issue.expected} can be read; it needs a newer release of Klynge.`;
      case "invalid_minutes":
        return `Minutes must be a whole number from 1 to ${issue.limit}${was(issue.received)}.`;
      case "plan_unknown_question":
        return `The meeting plan names the question "${issue.value}", which is not in the questionnaire.`;
      case "question_in_two_blocks":
        return `The question "${issue.value}" is already discussed in item ${issue.block + 1} of the meeting plan; a question belongs to one block.`;
      case "talks_exceed_block":
        return `The talks take ${issue.received} minutes together, but the block only ${issue.limit}.`;
      case "plan_minutes_mismatch":
        return `The meeting plan states ${issue.expected} minutes, but its items take ${issue.received}.`;
    }
  },

  disclosure(c) {
    const e = subject(c);
    switch (c.code) {
      case "pinned":
        return `${e}: not shown, yet it can be worked out from what is shown: ${range(c)}.`;
      case "small":
        return `${e}: not shown, yet it can only be ${range(c)}: fewer than ${c.k} and at least 1.`;
      case "shown_small":
        return `${e}: shown, though it is fewer than ${c.k}.`;
      case "unanimous":
        return `${e}: shows that everyone in a small group chose the same.`;
      case "change_shown":
        return `${e}: shown though one round's figure is withheld; the change gives it away.`;
      case "mixed_policy":
        return `${e}: the reports of this round were made with different anonymity rules; together they show what one withholds.`;
      case "inconsistent":
        return `${e}: the reports cannot all be of the same responses.`;
    }
  },

  suppression(c) {
    const e = where(c);
    const group = c.row !== undefined ? "row" : "question";
    switch (c.figure) {
      case "nobody":
        return `${e}: nobody answered this ${group}, so there are no answers to show.`;
      case "mean":
        return c.reason === "few_respondents"
          ? `${e}: the mean is not shown because fewer than ${c.k} answered on the scale ("Don't know" does not count) (anonymity).`
          : `${e}: the mean is not shown because together with the figures shown it would reveal a withheld count (anonymity).`;
      case "count":
        return `${e}: the count is not shown (anonymity). Either fewer than ${c.k} chose this answer, or everyone in a small group did, or it is withheld so that such a count cannot be worked out.`;
      case "asked":
        return `${e}: how many were asked this question is not shown because it would tell how few answered another version of the questionnaire (anonymity).`;
      case "askedOnCondition":
        return `${e}: how many were asked this question is not shown because they are those who gave a certain answer to an earlier question, and that count is withheld (anonymity).`;
      case "all":
        if (c.reason === "few_respondents") {
          return c.question === undefined
            ? `${e}: no figures are shown because fewer than ${c.k} answered (anonymity).`
            : `${e}: the answers are not shown because fewer than ${c.k} answered this ${group} (anonymity).`;
        }
        return c.question === undefined
          ? `${e}: no figures are shown because together they would tell how few answered one of the questionnaire's versions (anonymity).`
          : `${e}: no figures are shown for this question because together with the report's other figures they would reveal a withheld count (anonymity).`;
    }
  },
};
