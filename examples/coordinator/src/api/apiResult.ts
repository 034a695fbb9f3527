import type { LocalizedMessage } from "@klynge/engine";
import type { ApiErrorCode } from "@klynge/engine/contract";

/** An issue as the collector sends it: the engine's shape, its code any string the server uses. */
export interface ApiIssue {
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly message: LocalizedMessage;
  readonly expected?: string | undefined;
  readonly received?: string | undefined;
  readonly limit?: number | undefined;
  readonly value?: string | undefined;
}

/**
 * Ways a call can fail that the collector's error table cannot name: no answer at all, or an
 * answer that is not the contract's (a proxy's HTML page, a reply of the wrong shape).
 */
export type ClientErrorCode = "unreachable" | "invalid_reply";

export interface ApiError {
  /** A code of the contract's `apiErrors`, or one of the client's own. */
  readonly code: ApiErrorCode | ClientErrorCode;
  /** The HTTP status; 0 when nothing answered. A request refused before sending has the status the server gives that refusal. */
  readonly status: number;
  readonly message: LocalizedMessage;
  readonly issues: readonly ApiIssue[];
}

/** The engine's result convention, with the HTTP status of a success (201 created, 200 the same again). */
export type ApiResult<T> =
  | { readonly success: true; readonly data: T; readonly status: number }
  | { readonly success: false; readonly error: ApiError };
