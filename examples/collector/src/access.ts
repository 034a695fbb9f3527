import type { AuditAction, RouteName } from "@klynge/engine/contract";

/**
 * Who a request is, relative to what it asks for. `anonymous`: not signed in (respondents have
 * no account). `staff`: signed in. `admin`: KiAP. `coordinator` / `municipality`: a member of
 * the cluster the request is about, in that role.
 */
export type Role = "anonymous" | "staff" | "admin" | "coordinator" | "municipality";

/**
 * What the request is about, which decides the roles it can have:
 * - `public`: anyone, no session read;
 * - `global`: signed in; roles `staff` (and `admin`);
 * - `cluster`: the cluster in `:cluster`;
 * - `round`: the cluster of the round in `:round`;
 * - `reportRounds`: the cluster of the rounds in `?rounds=` (all of one cluster).
 * Signed in but in no role for that cluster: 404, as if it did not exist.
 */
export type Scope = "public" | "global" | "cluster" | "round" | "reportRounds";

export interface AccessRule {
  readonly scope: Scope;
  readonly allow: readonly Role[];
  /** Written to the audit trail, allowed or refused. */
  readonly audit?: AuditAction;
}

/** The static pages and files (widget frame, meeting app, staff pages, host script). */
export type PageRoute = "pages";

const everyone = { scope: "public", allow: ["anonymous", "staff"] } as const;

/**
 * The one authorization table: every route the collector serves, who may call it, and what is
 * audited. The collector refuses to start with a route missing here, and the route × role test
 * is generated from it.
 */
export const accessTable = {
  health: everyone,
  session: everyone,
  signIn: everyone,
  signInCallback: everyone,
  // Needs the CSRF token when a session exists; without one there is nothing to sign out of.
  signOut: everyone,
  roundDocument: everyone,
  // A respondent's credential (invitation token or meeting key) is checked by the route itself.
  putResponse: everyone,
  passStatus: everyone,
  pages: everyone,

  listClusters: { scope: "global", allow: ["staff"] },
  createCluster: { scope: "global", allow: ["admin"], audit: "cluster_created" },
  listStaff: { scope: "global", allow: ["admin"] },
  saveStaff: { scope: "global", allow: ["admin"], audit: "staff_saved" },
  getAllowedOrigins: { scope: "global", allow: ["staff"] },
  setAllowedOrigins: { scope: "global", allow: ["admin"], audit: "origins_changed" },
  listAudit: { scope: "global", allow: ["admin"] },
  // KiAP's packages are the same for every cluster and hold no cluster's data: any staff member
  // may read them (coordinators start rounds from them).
  listPackages: { scope: "global", allow: ["staff"] },
  uploadPackage: { scope: "global", allow: ["admin"], audit: "package_uploaded" },

  getCluster: { scope: "cluster", allow: ["admin", "coordinator", "municipality"] },
  updateCluster: { scope: "cluster", allow: ["admin"], audit: "cluster_changed" },
  setMember: { scope: "cluster", allow: ["admin"], audit: "member_set" },
  removeMember: { scope: "cluster", allow: ["admin"], audit: "member_removed" },
  listVersions: { scope: "cluster", allow: ["coordinator", "municipality"] },
  getVersion: { scope: "cluster", allow: ["coordinator", "municipality"] },
  publishVersion: { scope: "cluster", allow: ["coordinator"], audit: "version_published" },
  listRounds: { scope: "cluster", allow: ["admin", "coordinator", "municipality"] },
  createRound: { scope: "cluster", allow: ["coordinator"], audit: "round_created" },

  // The municipality gives the meeting's talks, so it reads the plan it speaks in; the plan holds
  // no answers. KiAP's admin reads it to help a cluster. Only the coordinator changes it.
  getRoundPlan: { scope: "round", allow: ["admin", "coordinator", "municipality"] },
  putRoundPlan: { scope: "round", allow: ["coordinator"], audit: "plan_saved" },
  putReferrals: { scope: "round", allow: ["coordinator"], audit: "referrals_uploaded" },
  closeRound: { scope: "round", allow: ["coordinator"], audit: "round_closed" },
  deleteResponses: { scope: "round", allow: ["coordinator"], audit: "responses_deleted" },
  exportResponses: { scope: "round", allow: ["coordinator"], audit: "responses_exported" },
  // The same answers as the CSV, in words: the same rule and the same audit line.
  exportResponsesXlsx: { scope: "round", allow: ["coordinator"], audit: "responses_exported" },
  setOpenLink: { scope: "round", allow: ["coordinator"], audit: "open_link_changed" },
  createInvitations: { scope: "round", allow: ["coordinator"], audit: "invitations_created" },
  listInvitations: { scope: "round", allow: ["coordinator"] },
  mailTemplate: { scope: "round", allow: ["coordinator"] },
  sendInvitations: { scope: "round", allow: ["coordinator"], audit: "invitations_mailed" },
  createMeetingKey: { scope: "round", allow: ["coordinator"], audit: "meeting_key_created" },
  listMeetingKeys: { scope: "round", allow: ["coordinator"] },
  revokeMeetingKey: { scope: "round", allow: ["coordinator"], audit: "meeting_key_revoked" },

  report: { scope: "reportRounds", allow: ["coordinator", "municipality"], audit: "report_read" },
} as const satisfies Record<RouteName | PageRoute, AccessRule>;

export type AccessName = keyof typeof accessTable;

export function isAllowed(rule: AccessRule, roles: ReadonlySet<Role>): boolean {
  return rule.allow.some((role) => roles.has(role));
}
