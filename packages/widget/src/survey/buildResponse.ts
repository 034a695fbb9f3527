import type { Channel } from "@klynge/engine";
import type { DraftRecord } from "../storage/records.js";

/** An engine response envelope, still unchecked: `validateResponse` decides whether it may be queued. */
export interface UncheckedResponse {
  readonly schemaVersion: 1;
  readonly id: string;
  readonly roundId: string;
  readonly versionHash: string;
  readonly channel: Channel;
  readonly startedAt: string;
  readonly submittedAt?: string;
  readonly answers: Readonly<Record<string, unknown>>;
}

/** The draft's envelope with `answers`; `submittedAt` only when submitting. */
export function buildResponse(
  draft: DraftRecord,
  answers: Readonly<Record<string, unknown>>,
  submittedAt?: Date,
): UncheckedResponse {
  return {
    schemaVersion: 1,
    id: draft.responseId,
    roundId: draft.roundId,
    versionHash: draft.versionHash,
    channel: draft.channel,
    startedAt: draft.startedAt,
    ...(submittedAt === undefined ? {} : { submittedAt: submittedAt.toISOString() }),
    answers,
  };
}
