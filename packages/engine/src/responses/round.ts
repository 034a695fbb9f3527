import * as z from "zod/mini";
import { parseWithSchema } from "../issues/fromZodIssues.js";
import type { Result } from "../issues/issue.js";
import { integerSchema, trimmedTextSchema } from "../questionnaire/primitives.js";
import { hashPattern } from "../versions/questionnaireVersion.js";
import { roundIdSchema } from "./response.js";

/** One survey round of one cluster (and municipality) on one questionnaire version. */
export const roundSchema = z.strictObject({
  id: roundIdSchema,
  /** e.g. "Baseline, marts 2027" or "Opfølgning, oktober 2027". */
  label: trimmedTextSchema(200),
  versionHash: z.string().check(z.regex(hashPattern)),
  cluster: trimmedTextSchema(200),
  municipality: z.optional(trimmedTextSchema(200)),
  /** Members invited to answer; gives the response rate. */
  invited: z.optional(integerSchema(1, 100000)),
});

export type Round = z.output<typeof roundSchema>;

export function parseRound(input: unknown): Result<Round> {
  return parseWithSchema(roundSchema, input);
}
