import type { SyncError } from "./syncError.js";

/** What the widget shows about uploading; one immutable snapshot per change. */
export interface SyncStatus {
  /** From the browser: `false` is reliable, `true` only means "maybe". */
  readonly online: boolean;
  /** A response is on its way to the server right now (in this tab). */
  readonly uploading: boolean;
  /** Responses in the outbox waiting for the server's acknowledgement. */
  readonly pending: number;
  /** Kept on the device: the server holds other content under the same id. */
  readonly conflict: number;
  /** Kept on the device: the server refused them for good. */
  readonly failed: number;
  readonly lastError?: SyncError;
  /** Epoch ms of the next scheduled attempt, when one is scheduled. */
  readonly nextAttemptAt?: number;
}

export const initialSyncStatus: SyncStatus = {
  online: true,
  uploading: false,
  pending: 0,
  conflict: 0,
  failed: 0,
};
