import type { LocalizedMessage, Result } from "@klynge/engine";
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

/** The engine's result shape: data, or the issues that stopped it (here: the refusal). */
export type { Result } from "@klynge/engine";

/**
 * A call's result in the engine's shape. A failure holds one issue, the refusal: its `code` from
 * the contract's error table (or the client's own), with the HTTP status. A success keeps the
 * HTTP status beside its data (201 created, 200 the same again).
 */
export type ApiResult<T> =
  | (Extract<Result<T, ApiError>, { success: true }> & { readonly status: number })
  | Extract<Result<T, ApiError>, { success: false }>;

/** A failed call's refusal; the client puts exactly one issue in each failure. */
export function refusalOf(failure: { readonly issues: readonly ApiError[] }): ApiError {
  const [refusal] = failure.issues;
  if (refusal === undefined) {
    throw new Error(
      "refusalOf: a failed call holds its refusal as its one issue; this one holds none.",
    );
  }
  return refusal;
}
