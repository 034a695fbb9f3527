import type { FastifyRequest } from "fastify";
import Fastify, { type FastifyInstance } from "fastify";
import type { CollectorConfig } from "./config.js";
import type { Database } from "./database.js";
import type { FramePrerenderer } from "./framePages.js";
import { createMailer } from "./mailer.js";
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
import { roundDocumentOf } from "./roundDocument.js";
import { adminRoutes } from "./routes/adminRoutes.js";
import { authRoutes } from "./routes/authRoutes.js";
import { invitationRoutes } from "./routes/invitationRoutes.js";
import { packageRoutes } from "./routes/packageRoutes.js";
import { reportRoutes } from "./routes/reportRoutes.js";
import { responseRoutes } from "./routes/responseRoutes.js";
import { roundRoutes } from "./routes/roundRoutes.js";
import { scrambleRows } from "./scramble.js";
import { type StaticFile, type StaticSite, staticSites } from "./staticSites.js";
import { createAuditStore } from "./store/auditStore.js";
import { createClusterStore } from "./store/clusterStore.js";
import { createInvitationStore } from "./store/invitationStore.js";
import { createMeetingKeyStore } from "./store/meetingKeyStore.js";
import { createPackageStore } from "./store/packageStore.js";
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
   * method and path: no query (it can hold a sign-in code), no response id, no address, no
   * header (they carry the respondents' tokens), no body.
   */
  readonly logger?: boolean | { readonly stream: NodeJS.WritableStream };
  /** Seeds the pseudonyms of each referral report; default a fresh UUID per report. */
  readonly referralSeed?: () => string;
  /** Response uploads per minute per client address; default 600 (a venue's tablets share one). */
  readonly uploadsPerMinute?: number;
  /**
   * The survey page (a `frame` site) for `?round=` with the round's first page rendered on the
   * server (`@klynge/widget/server`, or the renderer given) and its round document embedded;
   * default true.
   */
  readonly prerenderFrame?: boolean | FramePrerenderer;
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
  const invitations = createInvitationStore(db);
  const meetingKeys = createMeetingKeyStore(db);
  const packages = createPackageStore(db);
  const reports = createReportMaker({
    packages,
    rounds,
    responses,
    clusters,
    invitations,
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
                path: loggedPath(request.url),
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

  // One scramble at a time in this process (and one across processes: its advisory lock).
  let scrambling: Promise<unknown> = Promise.resolve();
  const scramble = (): Promise<unknown> => {
    scrambling = scrambling
      .then(() => scrambleRows(db))
      .catch((error: unknown) =>
        app.log.error({ message: (error as Error).message }, "scramble failed"),
      );
    return scrambling;
  };
  app.addHook("onClose", async () => {
    await scrambling;
  });

  defineRoute(app, services, "health", async () => ({ ok: true, database: db.kind }));
  authRoutes(app, { ...services, sessions }, config);
  adminRoutes(app, services);
  roundRoutes(app, { ...services, responses, reports, packages, scramble });
  packageRoutes(app, { ...services, packages });
  responseRoutes(
    app,
    { ...services, responses, invitations, meetingKeys },
    options.uploadsPerMinute ?? 600,
  );
  invitationRoutes(
    app,
    {
      ...services,
      invitations,
      meetingKeys,
      responses,
      mailer: config.mail === undefined ? undefined : createMailer(config.mail),
    },
    config,
  );
  reportRoutes(app, { ...services, reports });
  await staticSites(app, options.sites ?? [], options.files ?? [], {
    roundDocument: (roundId) => roundDocumentOf({ rounds, clusters }, roundId),
    prerender: options.prerenderFrame ?? true,
  });
  const home = options.home;
  if (home !== undefined) {
    app.get("/", { config: { access: "pages" } }, async (_request, reply) => reply.redirect(home));
  }

  if (config.retentionCheckMinutes > 0) {
    const run = () =>
      applyRetention({ db, rounds, reports, audit, sessions })
        .catch((error: unknown) =>
          app.log.error({ message: (error as Error).message }, "retention failed"),
        )
        .then(scramble);
    const timer = setInterval(run, config.retentionCheckMinutes * 60_000);
    timer.unref();
    app.addHook("onReady", async () => void run());
    app.addHook("onClose", async () => clearInterval(timer));
  }
  return app;
}

/** A request's path for the log: no query, and no response id (the log has times to the ms). */
function loggedPath(url: string): string {
  return (url.split("?")[0] ?? "").replace(/\/responses\/.*$/, "/responses/:response");
}
