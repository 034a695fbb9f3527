// @klynge/widget: the React side. The offline core it runs on (store, uploader, transport,
// unsent file) is `@klynge/widget/core`; the questionnaire editor is `@klynge/widget/editor`.

export type { HeadingLevel } from "./headingTag.js";
export { useOutboxCounts } from "./hooks/useOutboxCounts.js";
export {
  type ResponseStoreState,
  type UseResponseStoreOptions,
  useResponseStore,
} from "./hooks/useResponseStore.js";
export { useStoredValue } from "./hooks/useStoredValue.js";
export { useSyncStatus } from "./hooks/useSyncStatus.js";
export { useUploader } from "./hooks/useUploader.js";
export type { Locale } from "./locales/widgetMessages.js";
export { type LocalizedString, localize } from "./localize.js";
export type { RespondentPass } from "./pass/respondentPass.js";
export { QuestionnairePreview, type QuestionnairePreviewProps } from "./QuestionnairePreview.js";
export type { ResponseStore } from "./storage/responseStore.js";
export { type KlyngeSurveyResult, saveMeasureName } from "./survey/attachSurveyHandlers.js";
export type { IntroOptions } from "./survey/IntroScreen.js";
export { KlyngeSurvey, type KlyngeSurveyProps } from "./survey/KlyngeSurvey.js";
export type { SurveyJsonModel } from "./surveyjs/surveyJsonModel.js";
export { type ToSurveyJsonOptions, toSurveyJson } from "./surveyjs/toSurveyJson.js";
export type { StorageGuarantee } from "./sync/statusText.js";
export type { SyncStatus } from "./sync/syncStatus.js";
export type { Transport } from "./sync/transport.js";
export type { Uploader } from "./sync/uploader.js";
