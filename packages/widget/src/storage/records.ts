import { channelSchema, hashPattern, responseEnvelopeSchema, roundIdSchema } from "@klynge/engine";
import * as z from "zod/mini";
import { respondentPassSchema } from "../pass/respondentPass.js";

/**
 * What the widget keeps in IndexedDB, one schema per store, checked when read back: a record
 * that fails is quarantined and reported, never handed to the UI. Checks only, no transforms
 * or defaults: `checkRecord` hands on the record as stored.
 */

/**
 * Answers being given; answers are in the engine's shape, checked as a draft on submit. Record
 * version 2 (database version 3) added `pass`.
 */
export const draftRecordSchema = z.strictObject({
  schemaVersion: z.literal(2),
  responseId: z.uuid(),
  roundId: roundIdSchema,
  versionHash: z.string().check(z.regex(hashPattern)),
  channel: channelSchema,
  startedAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  /** The page the respondent was on, to resume there. */
  page: z.number().check(z.int(), z.gte(0)),
  answers: z.record(z.string(), z.unknown()),
  /** The respondent's credential, kept with the draft so an answer finished later can still be sent. */
  pass: z.optional(respondentPassSchema),
});
export type DraftRecord = z.output<typeof draftRecordSchema>;

/**
 * The engine's response envelope, rebuilt from the parts the engine exports (it does not export
 * `responseEnvelopeSchema` itself); answers were checked against their version before queueing.
 */
/** The engine's response envelope: the stored response is checked against it when read. */
export const storedResponseSchema = responseEnvelopeSchema;

/**
 * A submitted response waiting for the server's acknowledgement; its id is frozen. Record
 * version 2 (database version 3) added `pass`.
 */
export const outboxRecordSchema = z.strictObject({
  schemaVersion: z.literal(2),
  /** The engine `Response`, validated before it was queued, and again (its envelope) when read. */
  response: storedResponseSchema,
  /** The credential the upload carries in its header; taken over from the draft on submit. */
  pass: z.optional(respondentPassSchema),
  /** pending: to upload; conflict: the server has other content under this id (409), for the coordinator; failed: refused for good (4xx). */
  state: z.enum(["pending", "conflict", "failed"]),
  attempts: z.number().check(z.int(), z.gte(0)),
  queuedAt: z.iso.datetime({ offset: true }),
  /** Epoch ms before which no new attempt is made. */
  nextAttemptAt: z.number().check(z.int(), z.gte(0)),
  /**
   * The last failed attempt. `code`: the contract's refusal code when the server gave one (e.g.
   * "invitation_spent"), else "retry", "conflict" or "rejected"; `message` is for the log.
   */
  lastError: z.optional(z.strictObject({ code: z.string(), message: z.string() })),
});
export type OutboxRecord = z.output<typeof outboxRecordSchema>;

/**
 * A response the server acknowledged, kept on the device only when the store was opened with
 * `keepSent` (the meeting app's "results on this device"); never uploaded again, so it keeps no
 * credential.
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
