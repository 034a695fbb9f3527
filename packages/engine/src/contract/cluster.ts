import * as z from "zod/mini";
import { minimumK } from "../anonymity/suppressCells.js";
import { integerSchema, trimmedTextSchema } from "../questionnaire/primitives.js";
import { clusterIdSchema } from "./ids.js";
import { memberRoleSchema, staffSchema } from "./staff.js";

/** Months after a round closes before its raw answers are deleted; its report stays. */
export const retentionLimits = { min: 1, max: 120, default: 12 } as const;

/** A cluster (tenant) and its policies: k for every report, how long raw answers are kept. */
export const clusterSchema = z.object({
  id: clusterIdSchema,
  name: trimmedTextSchema(200),
  /** The municipalities the cluster works with, e.g. ["Vejle Kommune"]. */
  municipalities: z.array(trimmedTextSchema(200)).check(z.maxLength(20)),
  /** The anonymity threshold every report of this cluster uses. */
  k: integerSchema(minimumK, 50),
  retentionMonths: integerSchema(retentionLimits.min, retentionLimits.max),
});
export type Cluster = z.output<typeof clusterSchema>;

export const clusterInputSchema = z.object({
  id: clusterIdSchema,
  name: trimmedTextSchema(200),
  municipalities: z.optional(z.array(trimmedTextSchema(200)).check(z.maxLength(20))),
  k: z.optional(integerSchema(minimumK, 50)),
  retentionMonths: z.optional(integerSchema(retentionLimits.min, retentionLimits.max)),
});
export type ClusterInput = z.output<typeof clusterInputSchema>;

export const clusterPatchSchema = z.object({
  name: z.optional(trimmedTextSchema(200)),
  municipalities: z.optional(z.array(trimmedTextSchema(200)).check(z.maxLength(20))),
  k: z.optional(integerSchema(minimumK, 50)),
  retentionMonths: z.optional(integerSchema(retentionLimits.min, retentionLimits.max)),
});
export type ClusterPatch = z.output<typeof clusterPatchSchema>;

export const clusterMemberSchema = z.object({
  staff: staffSchema,
  role: memberRoleSchema,
});
export type ClusterMember = z.output<typeof clusterMemberSchema>;

export const clusterDetailSchema = z.object({
  cluster: clusterSchema,
  /** Listed for KiAP's admins and the cluster's coordinators only; empty for others. */
  members: z.array(clusterMemberSchema),
});
export type ClusterDetail = z.output<typeof clusterDetailSchema>;
