import type { StoredIssue } from "./records.js";

/**
 * quota_exceeded: the device is full (what was stored stays); unavailable: IndexedDB cannot be
 * opened or used; outdated: another tab upgraded the database, reload; write_failed: a write
 * failed for another reason; conflicting_submit: this id was submitted with other content;
 * draft_missing: no draft under this id (submitted, discarded or quarantined); id_in_use:
 * createDraft with an id already taken; invalid_record: the record fails its schema (`issues`).
 */
export type StorageErrorCode =
  | "quota_exceeded"
  | "unavailable"
  | "outdated"
  | "write_failed"
  | "conflicting_submit"
  | "draft_missing"
  | "id_in_use"
  | "invalid_record";

export interface StorageErrorOptions {
  readonly cause?: unknown;
  readonly issues?: readonly StoredIssue[];
}

/**
 * Every rejection from the response store: a code and its data. What the respondent is shown is
 * looked up when shown: `messages[locale].storageError[error.code]`.
 */
export class StorageError extends Error {
  override readonly name = "StorageError";
  readonly code: StorageErrorCode;
  readonly issues: readonly StoredIssue[];

  constructor(code: StorageErrorCode, options: StorageErrorOptions = {}) {
    super(code, options.cause === undefined ? {} : { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
  }
}

export function isStorageError(error: unknown): error is StorageError {
  return error instanceof StorageError;
}
