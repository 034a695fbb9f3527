import type { Response } from "@klynge/engine";

/** What became of one upload. Server behaviour is always a result, never an exception. */
export type TransportResult =
  /** The server holds this response (a repeated PUT of the same body also counts). */
  | { readonly kind: "stored" }
  /** The server holds other content under this id (HTTP 409). */
  | { readonly kind: "conflict" }
  /** Refused for good (a 4xx other than 408/409/425/429); `message` is short and for the coordinator. */
  | { readonly kind: "rejected"; readonly status: number; readonly message: string }
  /** Try again later: network error, timeout, 408/425/429, 5xx. */
  | { readonly kind: "retry"; readonly reason: string; readonly retryAfterMs?: number };

/** Sends one response to the collector; a host may pass its own. */
export interface Transport {
  put(response: Response, signal?: AbortSignal): Promise<TransportResult>;
}
