import { z } from "zod";
import { parseWithSchema } from "./fromZodIssues.js";
import type { Result } from "./issue.js";
import { hashPattern } from "./questionnaireVersion.js";
import { roundIdSchema } from "./response.js";

/** One survey round of one cluster (and municipality) on one questionnaire version. */
export const roundSchema = z.strictObject({
  id: roundIdSchema,
  /** e.g. "Baseline, marts 2027" or "Opfølgning, oktober 2027". */
  label: z.string().trim().min(1).max(200),
  versionHash: z.string().regex(hashPattern),
  cluster: z.string().trim().min(1).max(200),
  municipality: z.string().trim().min(1).max(200).optional(),
  /** Members invited to answer; gives the response rate. */
  invited: z.number().int().min(1).max(100000).optional(),
});

export type Round = z.output<typeof roundSchema>;

export function parseRound(input: unknown): Result<Round> {
  return parseWithSchema(roundSchema, input);
}
