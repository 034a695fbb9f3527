import type { LocalizedMessage } from "@klynge/engine";
import type { ApiErrorCode } from "@klynge/engine/contract";
import { syncMessages } from "./syncMessages.js";

/** Why the last upload or outbox operation did not go through, with its parameters. */
export type SyncErrorDetail =
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

export type SyncErrorCode = SyncErrorDetail["code"];

export type SyncError = SyncErrorDetail & { readonly message: LocalizedMessage };

export function createSyncError(detail: SyncErrorDetail): SyncError {
  return {
    ...detail,
    message: { da: syncMessages.da.error(detail), en: syncMessages.en.error(detail) },
  };
}
