import * as z from "zod/mini";
import { daySchema, versionHashSchema } from "./ids.js";

/** A questionnaire version as a cluster's list of versions shows it (`GET …/versions`). */
export const versionEntrySchema = z.object({
  hash: versionHashSchema,
  label: z.string(),
  questions: z.number().check(z.int(), z.gte(0)),
  /** The version it was edited from, when it was. */
  base: z.nullable(versionHashSchema),
  /** The bank template it descends from, when it does. */
  template: z.optional(z.object({ id: z.string(), semver: z.string() })),
  publishedOn: daySchema,
  publishedBy: z.string(),
});
export type VersionEntry = z.output<typeof versionEntrySchema>;
