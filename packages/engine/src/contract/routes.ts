import * as z from "zod/mini";
import { auditEntrySchema } from "./auditEntry.js";
import {
  clusterDetailSchema,
  clusterInputSchema,
  clusterPatchSchema,
  clusterSchema,
} from "./cluster.js";
import { clusterPackageEntrySchema, roundPlanSchema } from "./clusterPackageEntry.js";
import { clusterIdSchema, roundIdSchema, uuidSchema, versionHashSchema } from "./ids.js";
import { apiLimits } from "./limits.js";
import { originListSchema } from "./origin.js";
import { reportBundleSchema } from "./reportBundle.js";
import {
  invitationListSchema,
  invitationMailSchema,
  invitationRequestSchema,
  meetingKeyEntrySchema,
  meetingKeyRequestSchema,
} from "./respondentAccess.js";
import { noQuery, respondentRoutes, roundParams } from "./respondentRoutes.js";
import { roundEntrySchema } from "./roundEntry.js";
import { memberRoleSchema, sessionInfoSchema, staffInputSchema, staffSchema } from "./staff.js";
import { versionEntrySchema } from "./versionEntry.js";

/** A schema of the contract (zod/mini). */
export type ContractSchema = z.ZodMiniType;
type Schema = ContractSchema;

export interface RouteDefinition {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** In Fastify's syntax: `/api/rounds/:round`. */
  readonly path: string;
  readonly params?: Schema;
  /** Strict: a parameter the route does not know (e.g. `k` on the report) is refused. */
  readonly query?: Schema;
  /** JSON checked by this schema, or CSV text; none for a route without a body. */
  readonly body?: Schema | "csv";
  /** The 2xx body: JSON of this schema, a CSV file, an Excel workbook, or a redirect (the sign-in flow). */
  readonly reply: Schema | "csv" | "xlsx" | "redirect";
}

const clusterParams = z.strictObject({ cluster: clusterIdSchema });

/**
 * The collector's HTTP API, in one place: the collector registers its routes from this table
 * and checks requests with its schemas; the widget, the coordinator's pages and the meeting app
 * build their requests and check the replies with the same schemas. Every refusal is
 * `errorBodySchema` with a code from `apiErrors`.
 */
export const routes = {
  health: {
    method: "GET",
    path: "/api/health",
    query: noQuery,
    reply: z.object({ ok: z.literal(true), database: z.enum(["embedded", "postgres"]) }),
  },
  session: { method: "GET", path: "/api/session", query: noQuery, reply: sessionInfoSchema },
  signIn: {
    method: "GET",
    path: "/auth/login",
    query: z.strictObject({ next: z.optional(z.string().check(z.maxLength(500))) }),
    reply: "redirect",
  },
  signInCallback: {
    method: "GET",
    path: "/auth/callback",
    // Whatever the identity provider sends back is checked by the OpenID client, not here.
    query: z.record(z.string(), z.string()),
    reply: "redirect",
  },
  signOut: {
    method: "POST",
    path: "/auth/logout",
    reply: z.object({ redirectTo: z.string() }),
  },
  listClusters: {
    method: "GET",
    path: "/api/clusters",
    query: noQuery,
    reply: z.object({ clusters: z.array(clusterSchema) }),
  },
  createCluster: {
    method: "POST",
    path: "/api/clusters",
    body: clusterInputSchema,
    reply: z.object({ cluster: clusterSchema }),
  },
  getCluster: {
    method: "GET",
    path: "/api/clusters/:cluster",
    params: clusterParams,
    query: noQuery,
    reply: clusterDetailSchema,
  },
  updateCluster: {
    method: "PATCH",
    path: "/api/clusters/:cluster",
    params: clusterParams,
    body: clusterPatchSchema,
    reply: z.object({ cluster: clusterSchema }),
  },
  setMember: {
    method: "PUT",
    path: "/api/clusters/:cluster/members/:staff",
    params: z.strictObject({ cluster: clusterIdSchema, staff: uuidSchema }),
    body: z.strictObject({ role: memberRoleSchema }),
    reply: clusterDetailSchema,
  },
  removeMember: {
    method: "DELETE",
    path: "/api/clusters/:cluster/members/:staff",
    params: z.strictObject({ cluster: clusterIdSchema, staff: uuidSchema }),
    reply: clusterDetailSchema,
  },
  listStaff: {
    method: "GET",
    path: "/api/staff",
    query: noQuery,
    reply: z.object({ staff: z.array(staffSchema) }),
  },
  saveStaff: {
    method: "POST",
    path: "/api/staff",
    body: staffInputSchema,
    reply: z.object({ staff: staffSchema }),
  },
  getAllowedOrigins: {
    method: "GET",
    path: "/api/allowed-origins",
    query: noQuery,
    reply: z.object({ origins: originListSchema }),
  },
  setAllowedOrigins: {
    method: "PUT",
    path: "/api/allowed-origins",
    body: z.strictObject({ origins: originListSchema }),
    reply: z.object({ origins: originListSchema }),
  },
  listAudit: {
    method: "GET",
    path: "/api/audit",
    query: z.strictObject({
      /** Entries older than this id; for the next page. */
      before: z.optional(z.string().check(z.regex(/^[1-9][0-9]{0,15}$/))),
    }),
    reply: z.object({
      entries: z.array(auditEntrySchema),
      /** Pass as `before` for the next (older) page; null at the first entry. */
      next: z.nullable(z.string()),
    }),
  },
  listPackages: {
    method: "GET",
    path: "/api/packages",
    query: noQuery,
    reply: z.object({ packages: z.array(clusterPackageEntrySchema) }),
  },
  uploadPackage: {
    method: "POST",
    path: "/api/packages",
    // A package file (JSON, at most apiLimits.packageBytes), read by the engine's parsePackage.
    body: z.unknown(),
    reply: z.object({ package: clusterPackageEntrySchema }),
  },
  listVersions: {
    method: "GET",
    path: "/api/clusters/:cluster/versions",
    params: clusterParams,
    query: noQuery,
    reply: z.object({ versions: z.array(versionEntrySchema) }),
  },
  getVersion: {
    method: "GET",
    path: "/api/clusters/:cluster/versions/:hash",
    params: z.strictObject({ cluster: clusterIdSchema, hash: versionHashSchema }),
    query: noQuery,
    // Re-hashed by the reader with parseQuestionnaireVersion.
    reply: z.object({ version: z.unknown() }),
  },
  publishVersion: {
    method: "POST",
    path: "/api/clusters/:cluster/versions",
    params: clusterParams,
    body: z.strictObject({ version: z.unknown() }),
    reply: z.object({ version: versionEntrySchema }),
  },
  listRounds: {
    method: "GET",
    path: "/api/clusters/:cluster/rounds",
    params: clusterParams,
    query: noQuery,
    reply: z.object({ rounds: z.array(roundEntrySchema) }),
  },
  createRound: {
    method: "POST",
    path: "/api/clusters/:cluster/rounds",
    params: clusterParams,
    body: z.strictObject({
      round: z.unknown(),
      version: z.unknown(),
      embed: z.optional(z.strictObject({ shareAnswersWith: originListSchema })),
    }),
    reply: z.object({ round: roundEntrySchema }),
  },
  roundDocument: respondentRoutes.roundDocument,
  putResponse: respondentRoutes.putResponse,
  getRoundPlan: {
    method: "GET",
    path: "/api/rounds/:round/plan",
    params: roundParams,
    query: noQuery,
    reply: roundPlanSchema,
  },
  putRoundPlan: {
    method: "PUT",
    path: "/api/rounds/:round/plan",
    params: roundParams,
    // The whole plan, read by the engine against the round's questionnaire.
    body: z.strictObject({ plan: z.unknown() }),
    reply: roundPlanSchema,
  },
  putReferrals: {
    method: "PUT",
    path: "/api/rounds/:round/referrals",
    params: roundParams,
    body: "csv",
    reply: z.object({ rows: z.number().check(z.int(), z.gte(0)) }),
  },
  closeRound: {
    method: "POST",
    path: "/api/rounds/:round/close",
    params: roundParams,
    reply: z.object({ round: roundEntrySchema }),
  },
  deleteResponses: {
    method: "DELETE",
    path: "/api/rounds/:round/responses",
    params: roundParams,
    reply: z.object({ round: roundEntrySchema, deleted: z.number().check(z.int(), z.gte(0)) }),
  },
  setOpenLink: {
    method: "PUT",
    path: "/api/rounds/:round/open-link",
    params: roundParams,
    body: z.strictObject({ open: z.boolean() }),
    reply: z.object({ round: roundEntrySchema }),
  },
  createInvitations: {
    method: "POST",
    path: "/api/rounds/:round/invitations",
    params: roundParams,
    body: invitationRequestSchema,
    reply: invitationListSchema,
  },
  listInvitations: {
    method: "GET",
    path: "/api/rounds/:round/invitations",
    params: roundParams,
    query: noQuery,
    reply: invitationListSchema,
  },
  mailTemplate: {
    method: "GET",
    path: "/api/rounds/:round/invitations/mail",
    params: roundParams,
    query: z.strictObject({ kind: z.enum(["invitation", "reminder"]) }),
    reply: z.object({ subject: z.string(), text: z.string() }),
  },
  sendInvitations: {
    method: "POST",
    path: "/api/rounds/:round/invitations/mail",
    params: roundParams,
    body: invitationMailSchema,
    reply: z.object({
      sent: z.number().check(z.int(), z.gte(0)),
      /**
       * Named members not mailed: without an e-mail, or whose link is used, or (invitations) who
       * were mailed before — an invitation goes once; a reminder to every link not used.
       */
      skipped: z.number().check(z.int(), z.gte(0)),
      /** Mails the mail server refused (their `mailedOn` is not changed): send again later. */
      failed: z.number().check(z.int(), z.gte(0)),
    }),
  },
  createMeetingKey: {
    method: "POST",
    path: "/api/rounds/:round/meeting-keys",
    params: roundParams,
    body: meetingKeyRequestSchema,
    reply: z.object({ key: meetingKeyEntrySchema }),
  },
  listMeetingKeys: {
    method: "GET",
    path: "/api/rounds/:round/meeting-keys",
    params: roundParams,
    query: noQuery,
    reply: z.object({ keys: z.array(meetingKeyEntrySchema) }),
  },
  revokeMeetingKey: {
    method: "DELETE",
    path: "/api/rounds/:round/meeting-keys/:key",
    params: z.strictObject({ round: roundIdSchema, key: uuidSchema }),
    reply: z.object({ key: meetingKeyEntrySchema }),
  },
  passStatus: respondentRoutes.passStatus,
  exportResponses: {
    method: "GET",
    path: "/api/rounds/:round/responses.csv",
    params: roundParams,
    query: noQuery,
    reply: "csv",
  },
  exportResponsesXlsx: {
    method: "GET",
    path: "/api/rounds/:round/responses.xlsx",
    params: roundParams,
    query: noQuery,
    reply: "xlsx",
  },
  report: {
    method: "GET",
    path: "/api/report",
    query: z.strictObject({
      /** Round ids, oldest first, comma-separated; all of one cluster. */
      rounds: z.string().check(z.minLength(1), z.maxLength(apiLimits.reportRoundsChars)),
    }),
    reply: reportBundleSchema,
  },
} as const satisfies Record<string, RouteDefinition>;

export type RouteName = keyof typeof routes;
type RouteOf<N extends RouteName> = (typeof routes)[N];

/** The parsed 2xx body of route `N`: a file's bytes for a workbook, its text for a CSV. */
export type ReplyOf<N extends RouteName> = RouteOf<N>["reply"] extends Schema
  ? z.output<RouteOf<N>["reply"]>
  : RouteOf<N>["reply"] extends "xlsx"
    ? ArrayBuffer
    : string;
/** The body route `N` takes, before the server's checks. */
export type BodyOf<N extends RouteName> =
  RouteOf<N> extends { body: infer B } ? (B extends Schema ? z.input<B> : string) : undefined;
export type ParamsOf<N extends RouteName> =
  RouteOf<N> extends { params: infer P extends Schema } ? z.input<P> : Record<string, never>;
