import * as z from "zod/mini";
import { roundSchema } from "../responses/round.js";
import { daySchema } from "./ids.js";

/** A round as a cluster's list of rounds shows it (`GET …/rounds`). */
export const roundEntrySchema = z.object({
  round: roundSchema,
  versionLabel: z.string(),
  /** Responses stored (0 once the raw answers are deleted). */
  responses: z.number().check(z.int(), z.gte(0)),
  /** From this day the retention period runs; answers are still taken until they are deleted. */
  closedOn: z.nullable(daySchema),
  /** The raw answers were deleted this day; the round's report was kept. */
  rawDeletedOn: z.nullable(daySchema),
  /** Anyone with the round's link may answer (up to the invited number); shown in the report. */
  openLink: z.boolean(),
  /** Invitations made and used (the response rate is counted against them). */
  invitations: z.object({
    invited: z.number().check(z.int(), z.gte(0)),
    used: z.number().check(z.int(), z.gte(0)),
  }),
});
export type RoundEntry = z.output<typeof roundEntrySchema>;
