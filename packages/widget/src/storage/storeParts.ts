import type { RespondentPass } from "../pass/respondentPass.js";
import { checkRecord } from "./checkRecord.js";
import type { RecordAccess } from "./recordAccess.js";
import { StorageError } from "./storageError.js";

/** What each part of the response store (drafts, outbox, sent) works with. */
export interface StoreParts extends RecordAccess {
  /** The store's clock, as an ISO timestamp. */
  readonly stamp: () => string;
}

/** Checked before writing, with the schema used on reading, so nothing written is later refused. */
export function checked<T>(schema: Parameters<typeof checkRecord<T>>[0], record: unknown): T {
  const result = checkRecord(schema, record);
  if (!result.success) throw new StorageError("invalid_record", { issues: result.issues });
  return result.data;
}

/** The record's optional credential field: absent, never `undefined` (structured clone keeps that). */
export function withPass(pass: RespondentPass | undefined): { pass?: RespondentPass } {
  return pass === undefined ? {} : { pass: { kind: pass.kind, token: pass.token } };
}
