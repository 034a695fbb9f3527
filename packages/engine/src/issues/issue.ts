/** Where in the checked input an issue is: keys and indexes from its root. */
export type IssuePath = readonly (string | number)[];

interface IssueOf<C extends string> {
  readonly code: C;
  readonly path: IssuePath;
}

/**
 * `expected` and `received` hold language-neutral terms ("uuid", "question-id", a type name, a
 * preview of the value); the catalogues in `locales/` put them into words.
 */
interface Mismatch {
  readonly expected: string;
  readonly received: string;
}
interface Bound {
  readonly limit: number;
  /** The size or value found, as text. */
  readonly received: string;
}
/** `value`: the id, code or key the issue is about. */
interface About {
  readonly value: string;
}

// shape (from the zod schemas)
export interface InvalidTypeIssue extends IssueOf<"invalid_type">, Mismatch {}
export interface InvalidValueIssue extends IssueOf<"invalid_value"> {
  /** The allowed values; absent when the rule has no list of them (a custom check). */
  readonly expected?: string;
  readonly received: string;
}
export interface InvalidFormatIssue extends IssueOf<"invalid_format">, Mismatch {}
export interface TooSmallIssue extends IssueOf<"too_small">, Bound {}
export interface TooBigIssue extends IssueOf<"too_big">, Bound {}
export interface UnknownKeyIssue extends IssueOf<"unknown_key">, About {}
// questionnaire meaning
export interface DuplicateQuestionIdIssue extends IssueOf<"duplicate_question_id">, About {}
export interface DuplicateOptionCodeIssue extends IssueOf<"duplicate_option_code">, About {}
export interface DuplicateRowCodeIssue extends IssueOf<"duplicate_row_code">, About {}
export interface DuplicateSpecialOptionIssue extends IssueOf<"duplicate_special_option">, About {}
export interface MissingOrdinalIssue extends IssueOf<"missing_ordinal"> {}
export interface UnexpectedOrdinalIssue extends IssueOf<"unexpected_ordinal"> {}
export interface DuplicateOrdinalIssue extends IssueOf<"duplicate_ordinal">, About {}
export interface EmptyQuestionnaireIssue extends IssueOf<"empty_questionnaire"> {}
// conditional questions (`showIf`; `value`: the question or option named)
export interface ConditionUnknownQuestionIssue
  extends IssueOf<"condition_unknown_question">,
    About {}
/** The question a condition names comes at or after the conditional question itself. */
export interface ConditionNotEarlierIssue extends IssueOf<"condition_not_earlier">, About {}
/** `expected`: the types a condition may name; `received`: the named question's type. */
export interface ConditionSourceTypeIssue extends IssueOf<"condition_source_type">, Mismatch {}
export interface ConditionUnknownOptionIssue extends IssueOf<"condition_unknown_option">, About {}
/** An answer to a conditional question its condition did not show. */
export interface AnswerNotShownIssue extends IssueOf<"answer_not_shown"> {}
// a cluster's own questions (local edits; `value`: the label or text as written)
export interface DuplicateOptionTextIssue extends IssueOf<"duplicate_option_text">, About {}
export interface DuplicateRowTextIssue extends IssueOf<"duplicate_row_text">, About {}
export interface DontKnowAsOptionIssue extends IssueOf<"dont_know_as_option">, About {}
export interface OtherRepeatedIssue extends IssueOf<"other_repeated">, About {}
/** `value`: the scale point listed below one that is not better than it. */
export interface ScaleOrderIssue extends IssueOf<"scale_order">, About {}
export interface DuplicateQuestionTextIssue extends IssueOf<"duplicate_question_text">, About {}
export interface BlankLabelIssue extends IssueOf<"blank_label"> {}
// local edits
export interface UnknownQuestionIssue extends IssueOf<"unknown_question">, About {}
export interface InvalidPositionIssue extends IssueOf<"invalid_position">, Bound {}
// stored or received versions
export interface HashMismatchIssue extends IssueOf<"hash_mismatch">, Mismatch {}
// aggregation
export interface UnknownRoundIssue extends IssueOf<"unknown_round">, About {}
export interface UnknownVersionIssue extends IssueOf<"unknown_version">, About {}
export interface DuplicateResponseIssue extends IssueOf<"duplicate_response">, About {}
export interface DuplicateRoundIssue extends IssueOf<"duplicate_round">, About {}
/**
 * `value`: the question id; `expected`: its type in the round's versions; `received`: the report's
 * types for it, absent when the report lacks the question.
 */
export interface ReportMismatchIssue extends IssueOf<"report_mismatch">, About {
  readonly expected: string;
  readonly received?: string;
}
// responses
export interface VersionMismatchIssue extends IssueOf<"version_mismatch">, Mismatch {}
export interface UnknownOptionIssue extends IssueOf<"unknown_option">, About {}
export interface UnknownRowIssue extends IssueOf<"unknown_row">, About {}
export interface DuplicateChoiceIssue extends IssueOf<"duplicate_choice">, About {}
export interface ExclusiveOptionCombinedIssue extends IssueOf<"exclusive_option_combined">, About {}
export interface OtherTextWithoutOtherIssue extends IssueOf<"other_text_without_other"> {}
export interface RequiredMissingIssue extends IssueOf<"required_missing"> {}
export interface TextTooLongIssue extends IssueOf<"text_too_long">, Bound {}
// referral data (CSV)
export interface CsvUnclosedQuoteIssue extends IssueOf<"csv_unclosed_quote"> {}
export interface CsvTooManyLinesIssue extends IssueOf<"csv_too_many_lines"> {
  readonly limit: number;
}
export interface CsvEmptyIssue extends IssueOf<"csv_empty"> {}
/** `value`: the column's name; `expected`: the names accepted for it. */
export interface CsvMissingColumnIssue extends IssueOf<"csv_missing_column">, About {
  readonly expected: string;
}
export interface CsvDuplicateColumnIssue extends IssueOf<"csv_duplicate_column">, About {}
export interface CsvCellCountIssue extends IssueOf<"csv_cell_count">, Mismatch {}
export interface CsvEmptyCellIssue extends IssueOf<"csv_empty_cell"> {}
export interface CsvBadNumberIssue extends IssueOf<"csv_bad_number"> {
  readonly received: string;
}
export interface CsvNegativeIssue extends IssueOf<"csv_negative"> {
  readonly received: string;
}
/** `received`: the referrals; `expected`: the listed patients. */
export interface CsvReferralsExceedListedIssue
  extends IssueOf<"csv_referrals_exceed_listed">,
    Mismatch {}
/** `value`: the line the same practice and offer stand on first. */
export interface CsvDuplicateRowIssue extends IssueOf<"csv_duplicate_row">, About {}

// cluster packages (questionnaire + meeting plan)
/** `expected`: the format version this engine reads; `received`: the file's. */
export interface UnsupportedFormatVersionIssue
  extends IssueOf<"unsupported_format_version">,
    Mismatch {}
/** `limit`: the most minutes allowed; minutes must be a whole number from 1. */
export interface InvalidMinutesIssue extends IssueOf<"invalid_minutes">, Bound {}
/** `value`: a question id the plan names that the package's questionnaire does not have. */
export interface PlanUnknownQuestionIssue extends IssueOf<"plan_unknown_question">, About {}
/** `value`: the question id; `block`: the index of the plan item that discusses it first. */
export interface QuestionInTwoBlocksIssue extends IssueOf<"question_in_two_blocks">, About {
  readonly block: number;
}
/** `limit`: the block's minutes; `received`: its talks' minutes together. */
export interface TalksExceedBlockIssue extends IssueOf<"talks_exceed_block">, Bound {}
/** `expected`: the plan's stated minutes; `received`: the sum of its items. */
export interface PlanMinutesMismatchIssue extends IssueOf<"plan_minutes_mismatch">, Mismatch {}

/** Every way data handed to the engine can be wrong: data only; words come from `formatIssue`. */
export type Issue =
  | InvalidTypeIssue
  | InvalidValueIssue
  | InvalidFormatIssue
  | TooSmallIssue
  | TooBigIssue
  | UnknownKeyIssue
  | DuplicateQuestionIdIssue
  | DuplicateOptionCodeIssue
  | DuplicateRowCodeIssue
  | DuplicateSpecialOptionIssue
  | MissingOrdinalIssue
  | UnexpectedOrdinalIssue
  | DuplicateOrdinalIssue
  | EmptyQuestionnaireIssue
  | ConditionUnknownQuestionIssue
  | ConditionNotEarlierIssue
  | ConditionSourceTypeIssue
  | ConditionUnknownOptionIssue
  | AnswerNotShownIssue
  | DuplicateOptionTextIssue
  | DuplicateRowTextIssue
  | DontKnowAsOptionIssue
  | OtherRepeatedIssue
  | ScaleOrderIssue
  | DuplicateQuestionTextIssue
  | BlankLabelIssue
  | UnknownQuestionIssue
  | InvalidPositionIssue
  | HashMismatchIssue
  | UnknownRoundIssue
  | UnknownVersionIssue
  | DuplicateResponseIssue
  | DuplicateRoundIssue
  | ReportMismatchIssue
  | VersionMismatchIssue
  | UnknownOptionIssue
  | UnknownRowIssue
  | DuplicateChoiceIssue
  | ExclusiveOptionCombinedIssue
  | OtherTextWithoutOtherIssue
  | RequiredMissingIssue
  | TextTooLongIssue
  | CsvUnclosedQuoteIssue
  | CsvTooManyLinesIssue
  | CsvEmptyIssue
  | CsvMissingColumnIssue
  | CsvDuplicateColumnIssue
  | CsvCellCountIssue
  | CsvEmptyCellIssue
  | CsvBadNumberIssue
  | CsvNegativeIssue
  | CsvReferralsExceedListedIssue
  | CsvDuplicateRowIssue
  | UnsupportedFormatVersionIssue
  | InvalidMinutesIssue
  | PlanUnknownQuestionIssue
  | QuestionInTwoBlocksIssue
  | TalksExceedBlockIssue
  | PlanMinutesMismatchIssue;

export type IssueCode = Issue["code"];

/** The parameters an issue with `code` needs besides its path. */
export type IssueParams<C extends IssueCode> = Omit<Extract<Issue, { code: C }>, "code" | "path">;

/**
 * A list of data issues, each with a `code` and a `path`, or the data: the engine's own issues by
 * default, and the same shape for a widget's or an app's own issue union.
 */
export type Result<T, I extends { readonly code: string } = Issue> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly issues: readonly I[] };

type ParamsArg<C extends IssueCode> = [keyof IssueParams<C>] extends [never]
  ? []
  : [IssueParams<C>];

export function createIssue<C extends IssueCode>(
  code: C,
  path: IssuePath,
  ...params: ParamsArg<C>
): Extract<Issue, { code: C }> {
  return { code, path, ...params[0] } as Extract<Issue, { code: C }>;
}

/** The same issues, their paths under `prefix`. */
export function prefixIssues<I extends { readonly path: IssuePath }>(
  prefix: IssuePath,
  issues: readonly I[],
): I[] {
  return issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }));
}

export function ok<T>(data: T): Result<T, never> {
  return { success: true, data };
}

export function fail<I extends { readonly code: string } = Issue>(
  issues: readonly I[],
): Result<never, I> {
  return { success: false, issues };
}
