import type { ApiErrorCode } from "@klynge/engine/contract";

/**
 * Why the last upload or outbox operation did not go through: a code and its data. The sentence
 * shown is looked up when shown (`messages[locale].sync.error(error)`, or `statusText`).
 */
export type SyncError =
  /** Network error, timeout or a transient server answer; retried automatically. */
  | { readonly code: "unavailable"; readonly reason: string }
  /** The server holds other content under the same id (409); kept for the coordinator. */
  | { readonly code: "conflict" }
  /** Refused for good (4xx); kept for the coordinator. `refusal`: the contract's code, when given. */
  | {
      readonly code: "rejected";
      readonly status: number;
      readonly detail: string;
      readonly refusal?: ApiErrorCode;
    }
  /** The outbox on this device failed; retried automatically. `detail` is technical, for logs. */
  | { readonly code: "storage"; readonly detail: string };

export type SyncErrorCode = SyncError["code"];
