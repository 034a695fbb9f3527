export type { AccumulatorState, RejectedResponse, RoundTally } from "./aggregation/accumulator.js";
export { Accumulator } from "./aggregation/accumulator.js";
export type { AggregateInput } from "./aggregation/aggregate.js";
export { accumulate, aggregate } from "./aggregation/aggregate.js";
export type { ReportOptions } from "./aggregation/buildReport.js";
export { buildReport } from "./aggregation/buildReport.js";
export { parseReport } from "./aggregation/parseReport.js";
export type {
  Cell,
  Change,
  Comparison,
  Count,
  Mean,
  OptionResult,
  QuestionReport,
  QuestionRoundResult,
  Report,
  RoundSummary,
  RowResult,
  SuppressionNote,
  SuppressionReason,
  Texts,
} from "./aggregation/report.js";
export {
  cellSchema,
  comparisonSchema,
  countSchema,
  meanSchema,
  questionReportSchema,
  questionRoundResultSchema,
  reportSchema,
  roundSummarySchema,
  suppressionNoteSchema,
  suppressionReasonSchema,
  textsSchema,
} from "./aggregation/report.js";
export type { ChoiceTally, QuestionTally } from "./aggregation/tally.js";
export { defaultUnanimousBelow } from "./anonymity/anonymityPolicy.js";
export type {
  AuditOptions,
  DisclosedFigure,
  Disclosure,
  DisclosureCode,
} from "./anonymity/auditReport.js";
export { auditReport, auditReports } from "./anonymity/auditReport.js";
export { defaultK, minimumK, suppressCells } from "./anonymity/suppressCells.js";
export type { ExportResponsesCsvInput } from "./export/exportResponsesCsv.js";
export { exportResponsesCsv } from "./export/exportResponsesCsv.js";
export type { CsvDelimiter, CsvRow, CsvTable, ParseCsvOptions } from "./internal/csv.js";
export { parseCsv, toCsvLine } from "./internal/csv.js";
export { sha256Hex, utf8Encode } from "./internal/sha256.js";
export type {
  Issue,
  IssueCode,
  IssueParams,
  IssuePath,
  LocalizedMessage,
  Result,
} from "./issues/issue.js";
export { createIssue, formatPath, issueText, prefixIssues } from "./issues/issue.js";
export { type Locale, type LocalizedString, localize } from "./questionnaire/localize.js";
export type {
  Answer,
  AnswerByType,
  Question,
  QuestionInput,
  Questionnaire,
  QuestionnaireInput,
  QuestionType,
} from "./questionnaire/model.js";
export {
  questionnaireSchema,
  questionnaireSchemaVersion,
  questionSchema,
} from "./questionnaire/model.js";
export { parseQuestion, parseQuestionnaire } from "./questionnaire/parseQuestionnaire.js";
export type {
  ChoiceOption,
  LocalizedText,
  MatrixRow,
  OptionKind,
  ScaleOption,
} from "./questionnaire/primitives.js";
export { limits } from "./questionnaire/primitives.js";
export { questionTypeNames } from "./questionnaire/questionTypes/registry.js";
export {
  dontKnowChoice,
  dontKnowScalePoint,
  noneChoice,
  otherChoice,
} from "./questionnaire/standardOptions.js";
export { parseReferralCsv, referralLimits } from "./referrals/parseReferralCsv.js";
export type { PseudonymKeyEntry } from "./referrals/pseudonyms.js";
export { pseudonymKey } from "./referrals/pseudonyms.js";
export {
  parseReferralRateReport,
  referralRateReportSchema,
} from "./referrals/referralRateReport.js";
export type {
  OfferReferralRates,
  PracticeReferralRate,
  ReferralFigure,
  ReferralRateReport,
  ReferralRateSummary,
  ReferralRatesOptions,
} from "./referrals/referralRates.js";
export { referralRates } from "./referrals/referralRates.js";
export type { ReferralRow } from "./referrals/referralRow.js";
export type { Channel, Response, ResponseEnvelope } from "./responses/response.js";
export {
  channelSchema,
  responseEnvelopeSchema,
  responseSchemaVersion,
  roundIdSchema,
} from "./responses/response.js";
export { withDayPrecision } from "./responses/responseDay.js";
export type { Round } from "./responses/round.js";
export { parseRound, roundSchema } from "./responses/round.js";
export type { ValidateResponseOptions } from "./responses/validateResponse.js";
export { validateResponse } from "./responses/validateResponse.js";
export type { ApplyEditsOptions } from "./versions/applyEdits.js";
export { applyEdits } from "./versions/applyEdits.js";
export { canonicalJson } from "./versions/canonicalJson.js";
export type { QuestionChange, QuestionField, QuestionnaireDiff } from "./versions/diff.js";
export { diff, longestCommonSubsequence } from "./versions/diff.js";
export type { LocalEdit } from "./versions/localEdit.js";
export { parseLocalEdit } from "./versions/localEdit.js";
export type {
  CreateVersionOptions,
  Lineage,
  QuestionnaireVersion,
} from "./versions/questionnaireVersion.js";
export {
  createVersion,
  hashPattern,
  hashQuestionnaire,
  parseQuestionnaireVersion,
} from "./versions/questionnaireVersion.js";
