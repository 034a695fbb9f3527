export type { AccumulatorState } from "./aggregation/accumulator.js";
export { Accumulator } from "./aggregation/accumulator.js";
export { accumulate, aggregate } from "./aggregation/aggregate.js";
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
  SuppressionNote,
  Texts,
} from "./aggregation/report.js";
export { defaultUnanimousBelow } from "./anonymity/anonymityPolicy.js";
export type { Disclosure } from "./anonymity/auditReport.js";
export { auditReport, auditReports } from "./anonymity/auditReport.js";
export { defaultK, minimumK } from "./anonymity/suppressCells.js";
export type {
  ClusterPackage,
  ClusterPackageInput,
  MeetingPlan,
  PlanItem,
} from "./clusterPackage/clusterPackage.js";
export { packageFormatVersion } from "./clusterPackage/clusterPackage.js";
export { parseMeetingPlan, parsePackage } from "./clusterPackage/parsePackage.js";
export { undiscussedQuestions } from "./clusterPackage/undiscussedQuestions.js";
export { exportResponsesCsv } from "./export/exportResponsesCsv.js";
export type { ResponseTables, TableCell } from "./export/tabulateResponses.js";
export { tabulateResponses } from "./export/tabulateResponses.js";
export { formatIssue, formatPath } from "./issues/formatIssue.js";
export { groupIssues } from "./issues/groupIssues.js";
export type { Issue, IssueCode, Result } from "./issues/issue.js";
export { createIssue, prefixIssues } from "./issues/issue.js";
export { isShown } from "./questionnaire/conditions.js";
export {
  type Locale,
  type LocalizedMessage,
  type LocalizedString,
  localize,
} from "./questionnaire/localize.js";
export type {
  Answer,
  Question,
  Questionnaire,
  QuestionnaireInput,
  QuestionType,
} from "./questionnaire/model.js";
export { parseQuestionnaire } from "./questionnaire/parseQuestionnaire.js";
export type {
  ChoiceOption,
  Condition,
  LocalizedText,
  OptionKind,
  ScaleOption,
} from "./questionnaire/primitives.js";
export { limits } from "./questionnaire/primitives.js";
export {
  dontKnowChoice,
  dontKnowScalePoint,
  noneChoice,
  otherChoice,
} from "./questionnaire/standardOptions.js";
export { parseReferralCsv } from "./referrals/parseReferralCsv.js";
export { pseudonymKey } from "./referrals/pseudonyms.js";
export type { OfferReferralRates, ReferralRateReport } from "./referrals/referralRates.js";
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
export { parseRound } from "./responses/round.js";
export { validateResponse } from "./responses/validateResponse.js";
export { applyEdits } from "./versions/applyEdits.js";
export { canonicalJson } from "./versions/canonicalJson.js";
export { checkNewVersion } from "./versions/checkNewVersion.js";
export type { DiffOptions, QuestionField, QuestionnaireDiff } from "./versions/diff.js";
export { diff, longestCommonSubsequence } from "./versions/diff.js";
export type { LocalEdit } from "./versions/localEdit.js";
export type { QuestionnaireVersion } from "./versions/questionnaireVersion.js";
export {
  createVersion,
  hashPattern,
  parseQuestionnaireVersion,
} from "./versions/questionnaireVersion.js";
