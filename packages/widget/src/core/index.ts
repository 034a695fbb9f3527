// @klynge/widget/core: the offline core, framework-free (no React): the response store, the
// uploader and its transport, the unsent-responses file, the round and credential checks, and the
// words for what they report. `@klynge/widget` is the React side over it.
export {
  type EmbedRound,
  type LoadRoundError,
  type LoadRoundResult,
  loadRound,
  readRoundDocument,
} from "../embed/loadRound.js";
export type { Locale, SyncMessages, WidgetMessages } from "../locales/widgetMessages.js";
export { messages } from "../messages.js";
export { type CheckPassOptions, checkPass, type PassCheck } from "../pass/checkPass.js";
export type { RespondentPass } from "../pass/respondentPass.js";
export { takeFragmentToken } from "../pass/takeFragmentToken.js";
export type { Result } from "../result.js";
export { openResponseStore } from "../storage/openResponseStore.js";
export type {
  DraftRecord,
  OutboxRecord,
  QuarantineRecord,
  SentRecord,
} from "../storage/records.js";
export type {
  ImportResult,
  NewDraft,
  OutboxCounts,
  ResponseStore,
  ResponseStoreEvent,
  ResponseStoreOptions,
} from "../storage/responseStore.js";
export { isStorageError, StorageError, type StorageErrorCode } from "../storage/storageError.js";
export { createHttpTransport, type HttpTransportOptions } from "../sync/createHttpTransport.js";
export type { OutboxEntry, OutboxError, OutboxPort } from "../sync/outboxPort.js";
export { type Delivery, sendNow } from "../sync/sendNow.js";
export { type StorageGuarantee, statusText } from "../sync/statusText.js";
export type { SyncError, SyncErrorCode } from "../sync/syncError.js";
export type { SyncStatus } from "../sync/syncStatus.js";
export type { Transport, TransportResult } from "../sync/transport.js";
export { Uploader, type UploaderOptions } from "../sync/uploader.js";
export {
  createUnsentFile,
  type ParsedUnsentFile,
  parseUnsentFile,
  type RefusedItem,
  type UnsentFile,
  type UnsentFileContents,
  type UnsentFileErrorCode,
  type UnsentFileIssue,
  unsentFileName,
} from "../transfer/unsentFile.js";
