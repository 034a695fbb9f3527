import type { FastifyRequest } from "fastify";
import Fastify, { type FastifyInstance } from "fastify";
import type { CollectorConfig } from "./config.js";
import type { Database } from "./database.js";
import { migrate } from "./migrations.js";
import { clientErrorHandler, errorsPlugin, frameworkErrors } from "./plugins/errors.js";
import {
  decorateAudit,
  defineRoute,
  type RoutingServices,
  requireAccessOnEveryRoute,
} from "./plugins/routing.js";
import { securityPlugin } from "./plugins/security.js";
import { sessionsPlugin } from "./plugins/sessions.js";
import { zodValidatorCompiler } from "./plugins/validation.js";
import { createReportMaker } from "./reports.js";
import { applyRetention } from "./retention.js";
import { adminRoutes } from "./routes/adminRoutes.js";
import { authRoutes } from "./routes/authRoutes.js";
import { reportRoutes } from "./routes/reportRoutes.js";
import { responseRoutes } from "./routes/responseRoutes.js";
import { roundRoutes } from "./routes/roundRoutes.js";
import { type StaticFile, type StaticSite, staticSites } from "./staticSites.js";
import { createAuditStore } from "./store/auditStore.js";
import { createClusterStore } from "./store/clusterStore.js";
import { createResponseStore } from "./store/responseStore.js";
import { createRoundStore } from "./store/roundStore.js";
import { createSessionStore } from "./store/sessionStore.js";

export type { StaticFile, StaticSite } from "./staticSites.js";

export interface CollectorOptions {
  readonly db: Database;
  readonly config: CollectorConfig;
  /** Built pages served beside the API (the survey frame, the meeting app, the staff pages). */
  readonly sites?: readonly StaticSite[];
  /** Single files served beside the API (the host script). */
  readonly files?: readonly StaticFile[];
  /** Where `/` redirects to, if anywhere. */
  readonly home?: string;
  /**
   * Fastify's logger (to stdout, or to the stream given); default off. Requests are logged by
   * method and path: no query (it can hold a sign-in code), no address, no header, no body.
   */
  readonly logger?: boolean | { readonly stream: NodeJS.WritableStream };
  /** Seeds the pseudonyms of each referral report; default a fresh UUID per report. */
  readonly referralSeed?: () => string;
  /** Response uploads per minute per client address; default 600 (a venue's tablets share one). */
  readonly uploadsPerMinute?: number;
  /** A request must arrive whole within this time; default 30 s. */
  readonly requestTimeoutMs?: number;
}

/**
 * The collector: the API of `@klynge/engine/contract` over PostgreSQL. Staff sign in with
 * OpenID Connect; every route is authorized from `accessTable`; the engine checks every round,
 * version and response at the door and makes every report, with the cluster's k. Migrates the
 * database and registers the configured admins before it serves.
 */
export async function buildCollector(options: CollectorOptions): Promise<FastifyInstance> {
  const { db, config } = options;
  await migrate(db);
  const clusters = createClusterStore(db);
  const rounds = createRoundStore(db);
  const responses = createResponseStore(db);
  const audit = createAuditStore(db);
  const sessions = createSessionStore(db);
  const reports = createReportMaker({
    rounds,
    responses,
    clusters,
    ...(options.referralSeed === undefined ? {} : { referralSeed: options.referralSeed }),
  });
  for (const email of config.adminEmails) await clusters.bootstrapAdmin(email);

  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const app = Fastify({
    logger:
      options.logger !== undefined && options.logger !== false
        ? {
            ...(options.logger === true ? {} : { stream: options.logger.stream }),
            serializers: {
              // The path only: a query can hold a sign-in code; no client address either.
              req: (request: FastifyRequest) => ({
                method: request.method,
                path: request.url.split("?")[0],
              }),
            },
          }
        : false,
    trustProxy: config.trustProxy,
    requestTimeout,
    connectionTimeout: requestTimeout * 2,
    http: { headersTimeout: Math.min(10_000, requestTimeout), connectionsCheckingInterval: 1_000 },
    frameworkErrors,
    clientErrorHandler,
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSchemaErrorFormatter((errors) => errors as unknown as Error);
  requireAccessOnEveryRoute(app);

  await app.register(errorsPlugin);
  await app.register(securityPlugin, {
    embedders: config.embedders,
    https: config.publicUrl.startsWith("https:"),
  });
  await app.register(sessionsPlugin, {
    sessions,
    clusters,
    secret: config.sessionSecret,
    secure: config.publicUrl.startsWith("https:"),
  });
  const services: RoutingServices = { clusters, rounds, audit };
  decorateAudit(app, services);

  app.addContentTypeParser(["text/csv", "text/plain"], { parseAs: "string" }, (_req, body, done) =>
    done(null, body),
  );

  defineRoute(app, services, "health", async () => ({ ok: true, database: db.kind }));
  authRoutes(app, { ...services, sessions }, config);
  adminRoutes(app, services);
  roundRoutes(app, { ...services, responses, reports });
  responseRoutes(app, { ...services, responses }, options.uploadsPerMinute ?? 600);
  reportRoutes(app, { ...services, reports });
  await staticSites(app, options.sites ?? [], options.files ?? []);
  const home = options.home;
  if (home !== undefined) {
    app.get("/", { config: { access: "pages" } }, async (_request, reply) => reply.redirect(home));
  }

  if (config.retentionCheckMinutes > 0) {
    const run = () =>
      applyRetention({ db, rounds, reports, audit, sessions }).catch((error: unknown) =>
        app.log.error({ message: (error as Error).message }, "retention failed"),
      );
    const timer = setInterval(run, config.retentionCheckMinutes * 60_000);
    timer.unref();
    app.addHook("onReady", async () => void run());
    app.addHook("onClose", async () => clearInterval(timer));
  }
  return app;
}
