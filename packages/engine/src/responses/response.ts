import * as z from "zod/mini";
import { isPlainRecord } from "../internal/describeValue.js";
import type { Answer } from "../questionnaire/model.js";
import { limits } from "../questionnaire/primitives.js";
import { hashPattern } from "../versions/questionnaireVersion.js";

/** Where an answer was given: the iframe embed, an npm-imported app, or a meeting tablet. */
export const channelSchema = z.enum(["embed", "app", "kiosk"]);
export type Channel = z.output<typeof channelSchema>;

const roundIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const roundIdSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(64), z.regex(roundIdPattern));
const idSchema = z.uuid();
const timestampSchema = z.iso.datetime({ offset: true });

export const responseSchemaVersion = 1;

/** The envelope of a response; answers are checked against the response's own version. */
export const responseEnvelopeSchema = z.strictObject({
  schemaVersion: z.literal(responseSchemaVersion),
  /** Made by the client (UUID), frozen once submitted, so uploads are idempotent. */
  id: idSchema,
  roundId: roundIdSchema,
  versionHash: z.string().check(z.regex(hashPattern)),
  channel: channelSchema,
  startedAt: timestampSchema,
  submittedAt: z.optional(timestampSchema),
  answers: z.record(z.string().check(z.maxLength(limits.idLength)), z.unknown()),
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

export type ResponseEnvelope = z.output<typeof responseEnvelopeSchema>;

// zod's own patterns, so the fast path below accepts exactly what the schema accepts.
const uuidPattern = idSchema._zod.def.pattern as RegExp;
const timestampPattern = timestampSchema._zod.def.pattern as RegExp;
const envelopeKeys = new Set(Object.keys(responseEnvelopeSchema.shape));
const channels: ReadonlySet<unknown> = new Set(channelSchema.options);

/**
 * The envelope of a well-formed response without zod's copying: most responses are valid, and
 * validation of 100,000 of them should not cost much more than counting them. Anything that is
 * not exactly right returns undefined, and `responseEnvelopeSchema` then decides and explains.
 */
export function readEnvelopeFast(input: unknown): ResponseEnvelope | undefined {
  if (!isPlainRecord(input)) return undefined;
  for (const key in input) if (!envelopeKeys.has(key)) return undefined;
  const { schemaVersion, id, roundId, versionHash, channel, startedAt, submittedAt, answers } =
    input;
  if (schemaVersion !== responseSchemaVersion) return undefined;
  if (typeof id !== "string" || !uuidPattern.test(id)) return undefined;
  if (typeof roundId !== "string" || roundId.length > 64 || !roundIdPattern.test(roundId))
    return undefined;
  if (typeof versionHash !== "string" || !hashPattern.test(versionHash)) return undefined;
  if (!channels.has(channel)) return undefined;
  if (typeof startedAt !== "string" || !timestampPattern.test(startedAt)) return undefined;
  if (
    "submittedAt" in input &&
    (typeof submittedAt !== "string" || !timestampPattern.test(submittedAt))
  ) {
    return undefined;
  }
  if (!isPlainRecord(answers)) return undefined;
  for (const key in answers) if (key.length > limits.idLength) return undefined;
  return {
    schemaVersion,
    id,
    roundId,
    versionHash,
    channel: channel as Channel,
    startedAt,
    ...(submittedAt === undefined ? {} : { submittedAt: submittedAt as string }),
    answers,
  };
}
