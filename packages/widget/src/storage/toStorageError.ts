import { StorageError, type StorageErrorCode } from "./storageError.js";

/** Firefox before 2022 reported a full disk under its own name. */
const quotaNames = new Set(["QuotaExceededError", "NS_ERROR_DOM_QUOTA_REACHED"]);

function nameOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const name = (value as { name?: unknown }).name;
  return typeof name === "string" ? name : undefined;
}

function member(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * Chromium aborts a transaction that hits the quota: requests then fail with "AbortError" and
 * the real reason is only on `transaction.error` (or `event.target.error`), so all are looked at.
 */
export function isQuotaError(error: unknown, transactionError?: unknown): boolean {
  const candidates = [
    error,
    member(member(error, "target"), "error"),
    member(error, "cause"),
    transactionError,
  ];
  return candidates.some((candidate) => quotaNames.has(nameOf(candidate) ?? ""));
}

/**
 * WebKit's words when its IndexedDB server went away under the page (iOS under memory pressure):
 * an UnknownError, not the InvalidStateError of a closed connection; reopening works.
 */
const serverLost = /connection to indexed database server lost/i;

/** The connection went away under us; the operation may be retried on a new one. */
export function isConnectionLost(error: unknown): boolean {
  const cause = error instanceof StorageError ? error.cause : error;
  const name = nameOf(cause);
  if (name === "InvalidStateError") return true;
  const message = member(cause, "message");
  return name === "UnknownError" && typeof message === "string" && serverLost.test(message);
}

/** Turns whatever IndexedDB threw into a `StorageError`; `fallback` names what was attempted. */
export function toStorageError(
  error: unknown,
  fallback: StorageErrorCode,
  transactionError?: unknown,
): StorageError {
  if (error instanceof StorageError) return error;
  if (isQuotaError(error, transactionError))
    return new StorageError("quota_exceeded", { cause: error });
  if (nameOf(error) === "VersionError") return new StorageError("outdated", { cause: error });
  return new StorageError(fallback, { cause: error });
}
