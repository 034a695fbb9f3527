import * as z from "zod/mini";
import { trimmedTextSchema } from "../questionnaire/primitives.js";
import { clusterIdSchema, uuidSchema } from "./ids.js";

/** What a staff member does in a cluster. KiAP's admins are staff with `admin: true`. */
export const memberRoleSchema = z.enum(["coordinator", "municipality"]);
export type MemberRole = z.output<typeof memberRoleSchema>;

export const emailSchema = z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254), z.email());

export const staffSchema = z.object({
  id: uuidSchema,
  email: emailSchema,
  name: trimmedTextSchema(200),
  admin: z.boolean(),
});
export type Staff = z.output<typeof staffSchema>;

export const membershipSchema = z.object({
  cluster: z.object({ id: clusterIdSchema, name: z.string() }),
  role: memberRoleSchema,
});
export type Membership = z.output<typeof membershipSchema>;

/** `GET /api/session`: who is signed in, where, and the token for state-changing requests. */
export const sessionInfoSchema = z.union([
  z.object({ user: z.null() }),
  z.object({
    user: staffSchema,
    memberships: z.array(membershipSchema),
    /** Send as the `x-csrf-token` header with every POST, PUT, PATCH and DELETE. */
    csrfToken: z.string(),
    expiresAt: z.iso.datetime({ offset: true }),
  }),
]);
export type SessionInfo = z.output<typeof sessionInfoSchema>;

/** `POST /api/staff`: adds a staff member, or changes the name and admin flag of one. */
export const staffInputSchema = z.object({
  email: emailSchema,
  name: trimmedTextSchema(200),
  admin: z.optional(z.boolean()),
});
export type StaffInput = z.output<typeof staffInputSchema>;
