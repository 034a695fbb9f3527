import type { Round } from "@klynge/engine";
import {
  type ApiErrorCode,
  apiLimits,
  type BodyOf,
  type RouteName,
  roundIdSchema,
  routes,
  type Staff,
} from "@klynge/engine/contract";
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from "fastify";
import { type AccessName, type AccessRule, accessTable, isAllowed, type Role } from "../access.js";
import type { AuditStore } from "../store/auditStore.js";
import type { ClusterStore } from "../store/clusterStore.js";
import type { RoundStore } from "../store/roundStore.js";

export interface Access {
  readonly rule: AccessRule;
  readonly staff: Staff | null;
  readonly roles: ReadonlySet<Role>;
  /** The cluster the request is about (cluster, round and report routes). */
  readonly clusterId: string | null;
  /** The report's rounds, found and of one cluster (report route). */
  readonly rounds: readonly Round[];
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route's row in the authorization table. */
    access?: AccessName;
  }
  interface FastifyRequest {
    access: Access;
    /** Writes the route's audit action for this request, with what it was about. */
    audit(outcome: "ok" | "refused", target?: string): Promise<void>;
  }
}

export interface RoutingServices {
  readonly clusters: ClusterStore;
  readonly rounds: RoundStore;
  readonly audit: AuditStore;
}

const stateChanging = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Why a request is refused; `clusterId` when it was about a cluster (for the audit trail). */
interface Refusal {
  readonly code: ApiErrorCode;
  readonly clusterId?: string;
}

/**
 * Who the request is, relative to what it asks for; a refusal when the table does not allow it:
 * 401 without a session, 404 for a cluster (or round) in which the staff member has no role,
 * 403 for a role the table does not list.
 */
async function resolveAccess(
  request: FastifyRequest,
  rule: AccessRule,
  services: RoutingServices,
): Promise<Access | Refusal> {
  const none: Access = {
    rule,
    staff: null,
    roles: new Set(["anonymous"]),
    clusterId: null,
    rounds: [],
  };
  if (rule.scope === "public") {
    const signedIn = await request.signedIn();
    return signedIn === null ? none : { ...none, staff: signedIn.staff, roles: new Set(["staff"]) };
  }
  const signedIn = await request.signedIn();
  if (signedIn === null) return { code: "signed_out" };
  const { staff, memberships } = signedIn;
  const roles = new Set<Role>(staff.admin ? ["staff", "admin"] : ["staff"]);
  if (rule.scope === "global") {
    return isAllowed(rule, roles) ? { ...none, staff, roles } : { code: "forbidden" };
  }

  let clusterId: string | undefined;
  let rounds: Round[] = [];
  const params = request.params as Record<string, string>;
  if (rule.scope === "cluster") {
    clusterId = (await services.clusters.getCluster(params.cluster ?? ""))?.id;
  } else if (rule.scope === "round") {
    clusterId = await services.rounds.clusterOfRound(params.round ?? "");
  } else {
    const found = await reportRounds(request, services);
    if ("code" in found) return found;
    clusterId = found.clusterId;
    rounds = found.rounds;
  }
  const notFound: Refusal = { code: rule.scope === "cluster" ? "not_found" : "unknown_round" };
  if (clusterId === undefined) return notFound;
  const scoped = new Set<Role>(staff.admin ? ["admin"] : []);
  for (const membership of memberships) {
    if (membership.cluster.id === clusterId) scoped.add(membership.role);
  }
  if (scoped.size === 0) return { ...notFound, clusterId };
  if (!isAllowed(rule, scoped)) return { code: "forbidden", clusterId };
  return { rule, staff, roles: scoped, clusterId, rounds };
}

/** The report's rounds: each must exist, all in one cluster, at most ten. */
async function reportRounds(
  request: FastifyRequest,
  services: RoutingServices,
): Promise<{ clusterId: string | undefined; rounds: Round[] } | Refusal> {
  const ids = String((request.query as { rounds?: string }).rounds ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
  if (ids.length === 0 || ids.length > apiLimits.reportRounds) {
    return { code: "invalid_report_request" };
  }
  if (ids.some((id) => !roundIdSchema.safeParse(id).success)) return { code: "invalid_id" };
  if (new Set(ids).size !== ids.length) return { code: "invalid_report_request" };
  const found = await Promise.all(ids.map((id) => services.rounds.getRound(id)));
  const clusters = new Set(found.map((entry) => entry?.clusterId));
  if (found.some((entry) => entry === undefined) || clusters.size !== 1) {
    return { clusterId: undefined, rounds: [] };
  }
  return {
    clusterId: [...clusters][0],
    rounds: found.map((entry) => (entry as NonNullable<typeof entry>).round),
  };
}

export type RouteHandler<N extends RouteName> = (
  request: FastifyRequest & { body: BodyOf<N> },
  reply: FastifyReply,
) => Promise<unknown>;

export interface RouteExtras {
  /** Largest body; default `apiLimits.documentBytes`. */
  readonly bodyLimit?: number;
  /** Requests per minute per client address; default none. */
  readonly perMinute?: number;
}

/**
 * Registers a route of the contract: its method, path and schemas from `routes`, its access
 * rule from the authorization table (checked before the handler runs, and before any SQL that
 * takes the request's ids: the schemas run first), the CSRF check on state-changing requests.
 */
export function defineRoute<N extends RouteName>(
  app: FastifyInstance,
  services: RoutingServices,
  name: N,
  handler: RouteHandler<N>,
  extras: RouteExtras = {},
): void {
  const definition = routes[name];
  const rule: AccessRule = accessTable[name];
  const schema: Record<string, unknown> = {};
  if ("params" in definition) schema.params = definition.params;
  if ("query" in definition) schema.querystring = definition.query;
  const body = "body" in definition ? definition.body : undefined;
  if (body !== undefined && body !== "csv") schema.body = body;

  const preHandler: RouteOptions["preHandler"] = [
    async (request, reply) => {
      const access = await resolveAccess(request, rule, services);
      if ("code" in access) {
        const signedIn = await request.signedIn();
        if (rule.audit !== undefined && signedIn !== null) {
          await services.audit.record({
            actor: signedIn.staff,
            action: rule.audit,
            clusterId: access.clusterId,
            target: targetOf(request),
            outcome: "refused",
          });
        }
        return reply.refuse(access.code);
      }
      request.access = access;
      if (body === "csv" && typeof request.body !== "string") {
        return reply.refuse("unsupported_media_type");
      }
      if (body !== undefined && body !== "csv" && typeof request.body === "string") {
        return reply.refuse("unsupported_media_type");
      }
    },
  ];
  if (stateChanging.has(definition.method)) preHandler.push(app.csrfCheck);

  app.route({
    method: definition.method,
    url: definition.path,
    schema,
    bodyLimit: extras.bodyLimit ?? apiLimits.documentBytes,
    config: {
      access: name,
      ...(extras.perMinute === undefined
        ? {}
        : { rateLimit: { max: extras.perMinute, timeWindow: 60_000 } }),
    },
    preHandler,
    handler: (request, reply) =>
      handler(request as FastifyRequest & { body: BodyOf<N> }, reply) as Promise<unknown>,
  });
}

/** What an audit line says the request was about: the round, cluster or staff id in its path. */
function targetOf(request: FastifyRequest): string | undefined {
  const params = request.params as Record<string, string>;
  return params.round ?? params.staff ?? params.hash ?? params.cluster ?? undefined;
}

/** `request.audit(...)`: the route's audit action, this request's actor and cluster. */
export function decorateAudit(app: FastifyInstance, services: RoutingServices): void {
  app.decorateRequest("access", null as unknown as Access);
  app.decorateRequest("audit", async function audit(this: FastifyRequest, outcome, target) {
    const action = this.access?.rule.audit;
    const staff = this.access?.staff;
    if (action === undefined || staff === null || staff === undefined) {
      throw new Error(`audit: the route ${this.routeOptions.url} has no audit action or no actor.`);
    }
    await services.audit.record({
      actor: staff,
      action,
      clusterId: this.access.clusterId ?? undefined,
      target: target ?? targetOf(this),
      outcome,
    });
  });
}

/** Every route must name its row of the authorization table; checked when the app is ready. */
export function requireAccessOnEveryRoute(app: FastifyInstance): void {
  const seen: { method: unknown; url: string; config?: { access?: unknown } }[] = [];
  // Kept, not judged here: a plugin's own hook may still give the route its row after this one.
  app.addHook("onRoute", (route) => {
    seen.push(route);
  });
  app.addHook("onReady", async () => {
    const missing = seen.filter((route) => route.config?.access === undefined);
    if (missing.length > 0) {
      throw new Error(
        `Routes without a row in the authorization table (access.ts): ${missing.map((r) => `${String(r.method)} ${r.url}`).join(", ")}. Add each to accessTable and give its route config.access.`,
      );
    }
  });
}
