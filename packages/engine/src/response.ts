import { z } from "zod";
import type { Answer } from "./model.js";
import { limits } from "./primitives.js";
import { hashPattern } from "./questionnaireVersion.js";

/** Where an answer was given: the iframe embed, an npm-imported app, or a meeting tablet. */
export const channelSchema = z.enum(["embed", "app", "kiosk"]);
export type Channel = z.output<typeof channelSchema>;

export const roundIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);

export const responseSchemaVersion = 1;

/** The envelope of a response; answers are checked against the response's own version. */
export const responseEnvelopeSchema = z.strictObject({
  schemaVersion: z.literal(responseSchemaVersion),
  /** Made by the client (UUID), frozen once submitted, so uploads are idempotent. */
  id: z.uuid(),
  roundId: roundIdSchema,
  versionHash: z.string().regex(hashPattern),
  channel: channelSchema,
  startedAt: z.iso.datetime({ offset: true }),
  submittedAt: z.iso.datetime({ offset: true }).optional(),
  answers: z.record(z.string().max(limits.idLength), z.unknown()),
});

export interface Response {
  readonly schemaVersion: typeof responseSchemaVersion;
  readonly id: string;
  readonly roundId: string;
  readonly versionHash: string;
  readonly channel: Channel;
  readonly startedAt: string;
  readonly submittedAt?: string;
  /** Keyed by question id; a question left unanswered has no entry. */
  readonly answers: Readonly<Record<string, Answer>>;
}
