export {
  type EmbedRound,
  type LoadRoundError,
  type LoadRoundResult,
  loadRound,
  maxRoundChars,
  readRoundDocument,
} from "./embed/loadRound.js";
export type { HeadingLevel } from "./headingTag.js";
export type { SyncMessages } from "./locales/widgetMessages.js";
export { type LocalizedString, localize } from "./localize.js";
export { type Locale, messages, type WidgetMessages } from "./messages.js";
export { type CheckPassOptions, checkPass, type PassCheck } from "./pass/checkPass.js";
export type { RespondentPass } from "./pass/respondentPass.js";
export { takeFragmentToken } from "./pass/takeFragmentToken.js";
export { QuestionnairePreview, type QuestionnairePreviewProps } from "./QuestionnairePreview.js";
export type { ChangeChannel, CreateChangeChannel } from "./storage/changeNotifier.js";
export {
  DB_VERSION,
  type KlyngeDB,
  type KlyngeDBv1,
  type KlyngeDBv2,
  type KlyngeDBv3,
} from "./storage/klyngeDB.js";
export { openResponseStore } from "./storage/openResponseStore.js";
export {
  type DraftRecord,
  draftRecordSchema,
  type OutboxRecord,
  outboxRecordSchema,
  type QuarantineRecord,
  quarantineRecordSchema,
  type SentRecord,
  type StoredIssue,
  sentRecordSchema,
} from "./storage/records.js";
export {
  type PersistenceManager,
  type PersistenceResult,
  requestPersistence,
} from "./storage/requestPersistence.js";
export type {
  ImportResult,
  NewDraft,
  OutboxCounts,
  ResponseStore,
  ResponseStoreEvent,
  ResponseStoreOptions,
} from "./storage/responseStore.js";
export { isStorageError, StorageError, type StorageErrorCode } from "./storage/storageError.js";
export { isQuotaError } from "./storage/toStorageError.js";
export { type KlyngeSurveyResult, saveMeasureName } from "./survey/attachSurveyHandlers.js";
export { KlyngeSurvey, type KlyngeSurveyProps } from "./survey/KlyngeSurvey.js";
export { answersFromSurveyData } from "./surveyjs/answersFromSurveyData.js";
export { CodeTable, surveyOtherValue } from "./surveyjs/codeTable.js";
export { createSurveyModel } from "./surveyjs/createSurveyModel.js";
export { createSurveyNames, type SurveyNames } from "./surveyjs/createSurveyNames.js";
export { issuesByQuestion } from "./surveyjs/issuesByQuestion.js";
export { surveyDataFromAnswers } from "./surveyjs/surveyDataFromAnswers.js";
export type {
  SurveyJsonCheckbox,
  SurveyJsonCheckboxItem,
  SurveyJsonComment,
  SurveyJsonItem,
  SurveyJsonMatrix,
  SurveyJsonModel,
  SurveyJsonOtherItem,
  SurveyJsonPage,
  SurveyJsonQuestion,
  SurveyJsonQuestionBase,
  SurveyJsonRadiogroup,
} from "./surveyjs/surveyJsonModel.js";
export {
  defaultQuestionsPerPage,
  type ToSurveyJsonOptions,
  toSurveyJson,
} from "./surveyjs/toSurveyJson.js";
export { backoffBaseMs, backoffCapMs, backoffDelay } from "./sync/backoffDelay.js";
export { type Clock, systemClock } from "./sync/clock.js";
export {
  type ConnectivityChange,
  type ConnectivityEvents,
  createBrowserConnectivity,
} from "./sync/connectivityEvents.js";
export { createHttpTransport, type HttpTransportOptions } from "./sync/createHttpTransport.js";
export { browserLocks, type LockManagerLike } from "./sync/lockManagerLike.js";
export type { OutboxEntry, OutboxError, OutboxPort } from "./sync/outboxPort.js";
export { type StorageGuarantee, statusText } from "./sync/statusText.js";
export type { SyncError, SyncErrorCode } from "./sync/syncError.js";
export { initialSyncStatus, type SyncStatus } from "./sync/syncStatus.js";
export {
  type SyncStatusPatch,
  type SyncStatusSource,
  SyncStatusStore,
} from "./sync/syncStatusStore.js";
export type { Transport, TransportResult } from "./sync/transport.js";
export {
  lockBusyRetryMs,
  outboxLockName,
  retryAfterCapMs,
  Uploader,
  type UploaderOptions,
} from "./sync/uploader.js";
export {
  type CreateUnsentFileInput,
  createUnsentFile,
  maxUnsentFileChars,
  type ParsedUnsentFile,
  parseUnsentFile,
  type RefusedItem,
  type UnsentFile,
  type UnsentFileErrorCode,
  unsentFileFormatVersion,
  unsentFileKind,
  unsentFileName,
} from "./transfer/unsentFile.js";
