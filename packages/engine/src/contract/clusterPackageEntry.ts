import * as z from "zod/mini";
import { meetingPlanSchema } from "../clusterPackage/clusterPackage.js";
import { questionIdSchema } from "../questionnaire/primitives.js";
import { daySchema } from "./ids.js";

const titleSchema = z.object({ da: z.string(), en: z.optional(z.string()) });

/** A package version's number: 1 is the bank's own (built in); uploads count on from 2. */
const packageVersionSchema = z.number().check(z.int(), z.gte(1));

/** A meeting plan as the collector sends it: read by the engine, `minutes` its items' sum. */
export const planReplySchema = z.extend(meetingPlanSchema, { minutes: z.number() });

/** One version of a cluster package as `GET /api/packages` lists it. */
export const clusterPackageEntrySchema = z.object({
  id: questionIdSchema,
  version: packageVersionSchema,
  title: titleSchema,
  /** The bank's package of this release (version 1); not stored, always there. */
  builtIn: z.boolean(),
  /** The day an admin uploaded it; null for the built-in version. */
  uploadedOn: z.nullable(daySchema),
  questions: z.number().check(z.int(), z.gte(0)),
  minutes: z.number().check(z.int(), z.gte(0)),
  /** The package as `parsePackage` read it (template and plan); read again with `parsePackage`. */
  package: z.unknown(),
});
export type ClusterPackageEntry = z.output<typeof clusterPackageEntrySchema>;

/** Which package version a round's plan came from. */
export const planSourceSchema = z.object({
  id: questionIdSchema,
  version: packageVersionSchema,
  title: titleSchema,
});

/** `GET /api/rounds/:round/plan`: the round's meeting plan, null when its questionnaire has no package. */
export const roundPlanSchema = z.object({
  plan: z.nullable(planReplySchema),
  source: z.nullable(planSourceSchema),
  /** The coordinator has changed the plan since the round was created. */
  edited: z.boolean(),
});
export type RoundPlan = z.output<typeof roundPlanSchema>;
