/** Checks untrusted input with one of the contract's schemas; issues in the engine's shape. */
export { parseWithSchema } from "../issues/fromZodIssues.js";
export type { ApiErrorCode, ApiIssue, ErrorBody } from "./apiErrors.js";
export { apiErrors, errorBody, errorBodySchema, toApiIssue } from "./apiErrors.js";
export type { AuditAction, AuditEntry } from "./auditEntry.js";
export type {
  Cluster,
  ClusterDetail,
  ClusterInput,
  ClusterMember,
  ClusterPatch,
} from "./cluster.js";
export { retentionLimits } from "./cluster.js";
export type { ClusterPackageEntry, RoundPlan } from "./clusterPackageEntry.js";
export { answersFileName } from "./fileNames.js";
export { roundBelongsTo, roundIdSchema } from "./ids.js";
export { apiLimits } from "./limits.js";
export { isOrigin } from "./origin.js";
export type { ReportBundle } from "./reportBundle.js";
export type { InvitationEntry, InvitationList, MeetingKeyEntry } from "./respondentAccess.js";
export { invitationLimits } from "./respondentAccess.js";
export type { PassStatus } from "./respondentPass.js";
export { invitationHeader, meetingKeyHeader, passTokenSchema } from "./respondentPass.js";
export { respondentRoutes } from "./respondentRoutes.js";
export type { RoundDocument } from "./roundDocument.js";
export { parseRoundDocument } from "./roundDocument.js";
export type { RoundEntry } from "./roundEntry.js";
export { routePath } from "./routePath.js";
export type {
  BodyOf,
  ContractSchema,
  ParamsOf,
  ReplyOf,
  RouteDefinition,
  RouteName,
} from "./routes.js";
export { routes } from "./routes.js";
export type { MemberRole, Membership, SessionInfo, Staff, StaffInput } from "./staff.js";
export type { VersionEntry } from "./versionEntry.js";
