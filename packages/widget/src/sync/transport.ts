import type { Response } from "@klynge/engine";
import type { ApiErrorCode } from "@klynge/engine/contract";
import type { RespondentPass } from "../pass/respondentPass.js";

/**
 * What became of one upload. Server behaviour is always a result, never an exception. Four
 * outcomes, not success/failure: each leads the uploader somewhere else (sent, kept, kept, retried).
 */
export type TransportResult =
  /** The server holds this response (a repeated PUT of the same body also counts). */
  | { readonly kind: "stored" }
  /** The server holds other content under this id (HTTP 409). */
  | { readonly kind: "conflict" }
  /**
   * Refused for good (a 4xx other than 408/409/425/429). `code`: the contract's, when the body
   * was the collector's (e.g. "invitation_spent"); `message` is short and for the log.
   */
  | {
      readonly kind: "rejected";
      readonly status: number;
      readonly code?: ApiErrorCode;
      readonly message: string;
    }
  /** Try again later: network error, timeout, 408/425/429, 5xx. */
  | { readonly kind: "retry"; readonly reason: string; readonly retryAfterMs?: number };

/** Sends one response to the collector; a host may pass its own. */
export interface Transport {
  /** `pass`: the respondent's credential, sent in its header (never in the URL). */
  put(response: Response, signal?: AbortSignal, pass?: RespondentPass): Promise<TransportResult>;
}
