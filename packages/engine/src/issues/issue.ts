import { da } from "../locales/da.js";
import { en } from "../locales/en.js";

/** Every way data handed to the engine can be wrong. Messages live in `locales/`. */
export type IssueCode =
  // shape (from the zod schemas)
  | "invalid_type"
  | "invalid_value"
  | "invalid_format"
  | "too_small"
  | "too_big"
  | "unknown_key"
  // questionnaire meaning
  | "duplicate_question_id"
  | "duplicate_option_code"
  | "duplicate_row_code"
  | "duplicate_special_option"
  | "missing_ordinal"
  | "unexpected_ordinal"
  | "duplicate_ordinal"
  | "empty_questionnaire"
  // local edits
  | "unknown_question"
  | "invalid_position"
  // stored or received versions
  | "hash_mismatch"
  // aggregation
  | "unknown_round"
  | "unknown_version"
  | "duplicate_response"
  | "duplicate_round"
  | "report_mismatch"
  // responses
  | "version_mismatch"
  | "unknown_option"
  | "unknown_row"
  | "duplicate_choice"
  | "exclusive_option_combined"
  | "other_text_without_other"
  | "required_missing"
  | "text_too_long"
  // referral data (CSV)
  | "csv_unclosed_quote"
  | "csv_too_many_lines"
  | "csv_empty"
  | "csv_missing_column"
  | "csv_duplicate_column"
  | "csv_cell_count"
  | "csv_empty_cell"
  | "csv_bad_number"
  | "csv_negative"
  | "csv_referrals_exceed_listed"
  | "csv_duplicate_row";

export type IssuePath = readonly (string | number)[];

export interface LocalizedMessage {
  readonly da: string;
  readonly en: string;
}

/** Parameters that the message templates may use; what was expected and what was received. */
export interface IssueParams {
  readonly expected?: string;
  readonly received?: string;
  readonly limit?: number;
  readonly value?: string;
}

export interface Issue extends IssueParams {
  readonly code: IssueCode;
  readonly path: IssuePath;
  readonly message: LocalizedMessage;
}

export type Result<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly issues: readonly Issue[] };

export type MessageCatalogue = {
  readonly [C in IssueCode]: (p: IssueParams) => string;
};

/** `root` names the empty path; default `"(rod)"`. */
export function formatPath(path: IssuePath, root = "(rod)"): string {
  if (path.length === 0) return root;
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/** `message` leads with the path, for logs and API callers; `issueText` gives it without. */
export function createIssue(code: IssueCode, path: IssuePath, params: IssueParams = {}): Issue {
  const message = {
    da: `${formatPath(path)}: ${da[code](params)}`,
    en: `${formatPath(path, "(root)")}: ${en[code](params)}`,
  };
  return { code, path, ...params, message };
}

/**
 * The issue's message without its path, as a sentence, for showing where the path is already
 * plain (e.g. at the question it is about): "Spørgsmålet skal besvares."
 */
export function issueText(issue: Issue): LocalizedMessage {
  const params = paramsOf(issue);
  const sentence = (text: string) => text.charAt(0).toLocaleUpperCase("da") + text.slice(1);
  return { da: sentence(da[issue.code](params)), en: sentence(en[issue.code](params)) };
}

export function prefixIssues(prefix: IssuePath, issues: readonly Issue[]): Issue[] {
  return issues.map((issue) =>
    createIssue(issue.code, [...prefix, ...issue.path], paramsOf(issue)),
  );
}

function paramsOf(issue: Issue): IssueParams {
  const { code: _code, path: _path, message: _message, ...params } = issue;
  return params;
}

export function ok<T>(data: T): Result<T> {
  return { success: true, data };
}

export function fail<T>(issues: readonly Issue[]): Result<T> {
  return { success: false, issues };
}
