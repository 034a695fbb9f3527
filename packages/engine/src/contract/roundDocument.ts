import * as z from "zod/mini";
import { minimumK } from "../anonymity/suppressCells.js";
import { createIssue, fail, ok, prefixIssues, type Result } from "../issues/issue.js";
import { integerSchema } from "../questionnaire/primitives.js";
import { parseRound, type Round } from "../responses/round.js";
import {
  parseQuestionnaireVersion,
  type QuestionnaireVersion,
} from "../versions/questionnaireVersion.js";
import { originListSchema } from "./origin.js";

const kSchema = integerSchema(minimumK, 50);

/** `GET /api/rounds/:round`: what a respondent's page needs to show the survey. */
export const roundDocumentSchema = z.object({
  round: z.unknown(),
  version: z.unknown(),
  embed: z.object({
    /** Host origins that may receive the answers in the embed's `complete` when they ask. */
    shareAnswersWith: originListSchema,
  }),
  /** The cluster's k, so the respondent is told the threshold before answering. */
  k: z.optional(kSchema),
});

export interface RoundDocument {
  readonly round: Round;
  readonly version: QuestionnaireVersion;
  readonly shareAnswersWith: readonly string[];
  /** The cluster's anonymity threshold, when the collector says it. */
  readonly k?: number;
}

/**
 * Checks a round document (as the collector serves it, or as a device kept it) with the engine:
 * the version is re-hashed, the round must be `roundId` and on that version. A copy changed
 * anywhere is refused, not answered. A missing `embed` shares with no one; a missing or invalid
 * `k` is left out.
 */
export function parseRoundDocument(body: unknown, roundId: string): Result<RoundDocument> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return fail([createIssue("invalid_type", [], { expected: "object", received: typeof body })]);
  }
  const { round, version, embed, k } = body as Record<string, unknown>;
  const parsedVersion = parseQuestionnaireVersion(version);
  if (!parsedVersion.success) return fail(prefixIssues(["version"], parsedVersion.issues));
  const parsedRound = parseRound(round);
  if (!parsedRound.success) return fail(prefixIssues(["round"], parsedRound.issues));
  if (parsedRound.data.id !== roundId) {
    return fail([createIssue("unknown_round", ["round", "id"], { value: parsedRound.data.id })]);
  }
  if (parsedRound.data.versionHash !== parsedVersion.data.hash) {
    return fail([
      createIssue("version_mismatch", ["round", "versionHash"], {
        expected: parsedVersion.data.hash,
        received: parsedRound.data.versionHash,
      }),
    ]);
  }
  const share = z.safeParse(
    originListSchema,
    (embed as { shareAnswersWith?: unknown } | undefined)?.shareAnswersWith,
  );
  const threshold = z.safeParse(kSchema, k);
  return ok({
    round: parsedRound.data,
    version: parsedVersion.data,
    shareAnswersWith: share.success ? share.data : [],
    ...(threshold.success ? { k: threshold.data } : {}),
  });
}
