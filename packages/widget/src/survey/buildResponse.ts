import { type ResponseEnvelope, responseSchemaVersion } from "@klynge/engine";
import type { DraftRecord } from "../storage/records.js";

/**
 * The draft's envelope with `answers`, still unchecked: `validateResponse` decides whether it may
 * be queued. `submittedAt` only when submitting.
 */
export function buildResponse(
  draft: DraftRecord,
  answers: Readonly<Record<string, unknown>>,
  submittedAt?: Date,
): ResponseEnvelope {
  return {
    schemaVersion: responseSchemaVersion,
    id: draft.responseId,
    roundId: draft.roundId,
    versionHash: draft.versionHash,
    channel: draft.channel,
    startedAt: draft.startedAt,
    ...(submittedAt === undefined ? {} : { submittedAt: submittedAt.toISOString() }),
    answers,
  };
}
