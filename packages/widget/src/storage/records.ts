import { channelSchema, hashPattern, responseEnvelopeSchema, roundIdSchema } from "@klynge/engine";
import * as z from "zod/mini";

/**
 * What the widget keeps in IndexedDB, one schema per store, checked when read back: a record
 * that fails is quarantined and reported, never handed to the UI. Checks only, no transforms
 * or defaults: `checkRecord` hands on the record as stored.
 */

/** Answers being given; answers are in the engine's shape, checked as a draft on submit. */
export const draftRecordSchema = z.strictObject({
  schemaVersion: z.literal(1),
  responseId: z.uuid(),
  roundId: roundIdSchema,
  versionHash: z.string().check(z.regex(hashPattern)),
  channel: channelSchema,
  startedAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  /** The page the respondent was on, to resume there. */
  page: z.number().check(z.int(), z.gte(0)),
  answers: z.record(z.string(), z.unknown()),
});
export type DraftRecord = z.output<typeof draftRecordSchema>;

/**
 * The engine's response envelope, rebuilt from the parts the engine exports (it does not export
 * `responseEnvelopeSchema` itself); answers were checked against their version before queueing.
 */
/** The engine's response envelope: the stored response is checked against it when read. */
export const storedResponseSchema = responseEnvelopeSchema;

/** A submitted response waiting for the server's acknowledgement; its id is frozen. */
export const outboxRecordSchema = z.strictObject({
  schemaVersion: z.literal(1),
  /** The engine `Response`, validated before it was queued, and again (its envelope) when read. */
  response: storedResponseSchema,
  /** pending: to upload; conflict: the server has other content under this id (409), for the coordinator; failed: refused for good (4xx). */
  state: z.enum(["pending", "conflict", "failed"]),
  attempts: z.number().check(z.int(), z.gte(0)),
  queuedAt: z.iso.datetime({ offset: true }),
  /** Epoch ms before which no new attempt is made. */
  nextAttemptAt: z.number().check(z.int(), z.gte(0)),
  lastError: z.optional(z.strictObject({ code: z.string(), message: z.string() })),
});
export type OutboxRecord = z.output<typeof outboxRecordSchema>;

/**
 * A response the server acknowledged, kept on the device only when the store was opened with
 * `keepSent` (the meeting app's "results on this device"); never uploaded again.
 */
export const sentRecordSchema = z.strictObject({
  schemaVersion: z.literal(1),
  response: storedResponseSchema,
  sentAt: z.iso.datetime({ offset: true }),
});
export type SentRecord = z.output<typeof sentRecordSchema>;

/** Why a stored record was refused, in a form that survives structured cloning. */
export const storedIssueSchema = z.strictObject({
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type StoredIssue = z.output<typeof storedIssueSchema>;

/** A record that failed validation, moved aside with what was wrong so nothing is lost. */
export const quarantineRecordSchema = z.strictObject({
  store: z.enum(["drafts", "outbox", "sent"]),
  /** The record's primary key in its own store. */
  key: z.custom<IDBValidKey>((value) => value !== undefined && value !== null),
  raw: z.unknown(),
  issues: z.array(storedIssueSchema),
  at: z.iso.datetime({ offset: true }),
});
export type QuarantineRecord = z.output<typeof quarantineRecordSchema>;
