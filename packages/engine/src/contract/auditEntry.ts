import * as z from "zod/mini";

export const auditActionSchema = z.enum([
  "sign_in",
  "sign_out",
  "report_read",
  "responses_exported",
  "responses_deleted",
  "version_published",
  "round_created",
  "round_closed",
  "referrals_uploaded",
  "cluster_created",
  "cluster_changed",
  "member_set",
  "member_removed",
  "staff_saved",
  "origins_changed",
  "open_link_changed",
  "invitations_created",
  "invitations_mailed",
  "meeting_key_created",
  "meeting_key_revoked",
  "package_uploaded",
  "plan_saved",
]);
export type AuditAction = z.output<typeof auditActionSchema>;

/** One line of the append-only audit trail: who did what to which, when, and whether it was allowed. */
export const auditEntrySchema = z.object({
  id: z.number().check(z.int(), z.gte(1)),
  at: z.iso.datetime({ offset: true }),
  /** The staff member's name and e-mail, or "system" for the retention job. */
  actor: z.string(),
  action: auditActionSchema,
  cluster: z.nullable(z.string()),
  target: z.nullable(z.string()),
  outcome: z.enum(["ok", "refused"]),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;
