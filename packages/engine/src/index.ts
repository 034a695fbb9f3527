export type { AccumulatorState, RejectedResponse, RoundTally } from "./accumulator.js";
export { Accumulator } from "./accumulator.js";
export type { AggregateInput } from "./aggregate.js";
export { accumulate, aggregate } from "./aggregate.js";
export { defaultUnanimousBelow } from "./anonymityPolicy.js";
export type { ApplyEditsOptions } from "./applyEdits.js";
export { applyEdits } from "./applyEdits.js";
export type {
  AuditOptions,
  DisclosedFigure,
  Disclosure,
  DisclosureCode,
} from "./auditReport.js";
export { auditReport, auditReports } from "./auditReport.js";
export type { ReportOptions } from "./buildReport.js";
export { buildReport } from "./buildReport.js";
export { canonicalJson } from "./canonicalJson.js";
export type { CsvDelimiter, CsvRow, CsvTable, ParseCsvOptions } from "./csv.js";
export { parseCsv, toCsvLine } from "./csv.js";
export type { QuestionChange, QuestionField, QuestionnaireDiff } from "./diff.js";
export { diff, longestCommonSubsequence } from "./diff.js";
export type { ExportResponsesCsvInput } from "./exportResponsesCsv.js";
export { exportResponsesCsv } from "./exportResponsesCsv.js";
export type {
  Issue,
  IssueCode,
  IssueParams,
  IssuePath,
  LocalizedMessage,
  Result,
} from "./issue.js";
export { createIssue, formatPath, issueText, prefixIssues } from "./issue.js";
export type { LocalEdit } from "./localEdit.js";
export { parseLocalEdit } from "./localEdit.js";
export { type Locale, type LocalizedString, localize } from "./localize.js";
export type {
  Answer,
  AnswerByType,
  Question,
  QuestionInput,
  Questionnaire,
  QuestionnaireInput,
  QuestionType,
} from "./model.js";
export { questionnaireSchema, questionnaireSchemaVersion, questionSchema } from "./model.js";
export { parseQuestion, parseQuestionnaire } from "./parseQuestionnaire.js";
export { parseReferralCsv, referralLimits } from "./parseReferralCsv.js";
export { parseReport } from "./parseReport.js";
export type {
  ChoiceOption,
  LocalizedText,
  MatrixRow,
  OptionKind,
  ScaleOption,
} from "./primitives.js";
export { limits } from "./primitives.js";
export type { PseudonymKeyEntry } from "./pseudonyms.js";
export { pseudonymKey } from "./pseudonyms.js";
export type {
  CreateVersionOptions,
  Lineage,
  QuestionnaireVersion,
} from "./questionnaireVersion.js";
export {
  createVersion,
  hashPattern,
  hashQuestionnaire,
  parseQuestionnaireVersion,
} from "./questionnaireVersion.js";
export { questionTypeNames } from "./questionTypes/registry.js";
export { parseReferralRateReport, referralRateReportSchema } from "./referralRateReport.js";
export type {
  OfferReferralRates,
  PracticeReferralRate,
  ReferralFigure,
  ReferralRateReport,
  ReferralRateSummary,
  ReferralRatesOptions,
} from "./referralRates.js";
export { referralRates } from "./referralRates.js";
export type { ReferralRow } from "./referralRow.js";
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
} from "./report.js";
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
} from "./report.js";
export type { Channel, Response, ResponseEnvelope } from "./response.js";
export {
  channelSchema,
  responseEnvelopeSchema,
  responseSchemaVersion,
  roundIdSchema,
} from "./response.js";
export { withDayPrecision } from "./responseDay.js";
export type { Round } from "./round.js";
export { parseRound, roundSchema } from "./round.js";
export { sha256Hex, utf8Encode } from "./sha256.js";
export { dontKnowChoice, dontKnowScalePoint, noneChoice, otherChoice } from "./standardOptions.js";
export { defaultK, minimumK, suppressCells } from "./suppressCells.js";
export type { ChoiceTally, QuestionTally } from "./tally.js";
export type { ValidateResponseOptions } from "./validateResponse.js";
export { validateResponse } from "./validateResponse.js";
