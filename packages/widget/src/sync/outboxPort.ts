import type { Response } from "@klynge/engine";
import type { RespondentPass } from "../pass/respondentPass.js";

/** An outbox entry as the uploader sees it. */
export interface OutboxEntry {
  readonly response: Response;
  readonly state: "pending" | "conflict" | "failed";
  readonly attempts: number;
  /** Epoch ms before which no new attempt is made. */
  readonly nextAttemptAt: number;
  /** The credential to send with it, when it has one. */
  readonly pass?: RespondentPass;
}

export interface OutboxError {
  /** The contract's refusal code when the server gave one, else "retry", "conflict" or "rejected". */
  readonly code: string;
  /** For the log (English, technical). */
  readonly message: string;
}

/**
 * What the uploader needs from storage (implemented by the IndexedDB `ResponseStore`, and by an
 * in-memory fake in tests). A response leaves the outbox only through `markSent`.
 */
export interface OutboxPort {
  /** Entries in state "pending", oldest first. */
  pending(): Promise<readonly OutboxEntry[]>;
  /** The server acknowledged it: remove it from the outbox. */
  markSent(responseId: string): Promise<void>;
  /** A failed attempt to retry later. */
  markAttempt(responseId: string, nextAttemptAt: number, error: OutboxError): Promise<void>;
  /** The server holds other content under this id (HTTP 409): keep it for the coordinator. */
  markConflict(responseId: string, error: OutboxError): Promise<void>;
  /** Refused for good (HTTP 4xx other than 409): keep it, show the error. */
  markFailed(responseId: string, error: OutboxError): Promise<void>;
  /**
   * Optional: lets the status show conflicts and refusals kept from earlier sessions; without it
   * the uploader counts only those it marked itself since it was created.
   */
  counts?(): Promise<{
    readonly pending: number;
    readonly conflict: number;
    readonly failed: number;
  }>;
}
