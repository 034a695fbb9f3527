import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import fastifyStatic from "@fastify/static";
import {
  aggregate,
  exportResponsesCsv,
  type Issue,
  parseQuestionnaireVersion,
  parseReferralCsv,
  parseRound,
  prefixIssues,
  type QuestionnaireVersion,
  type Response,
  referralRates,
  validateResponse,
} from "@klynge/engine";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import type { Database } from "./database.js";
import { type ErrorCode, errorMessages } from "./messages.js";
import { migrate } from "./migrations.js";
import { createStore } from "./store.js";

/** Largest response body accepted: a response is a few KB; 64 KiB is far beyond a real one. */
export const maxResponseBytes = 64 * 1024;
/** Largest round (with its version) or referral file accepted. */
export const maxDocumentBytes = 1024 * 1024;

export interface StaticSite {
  /** URL prefix, e.g. "/app/". */
  readonly prefix: string;
  /** Absolute directory. */
  readonly root: string;
  /** Extra headers on every file (e.g. a CSP `frame-ancestors`). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface StaticFile {
  /** URL path, e.g. "/embed.js". */
  readonly path: string;
  /** Absolute file path. */
  readonly file: string;
  readonly type: string;
}

export interface CollectorOptions {
  readonly db: Database;
  /** Static sites served beside the API (the demo's pages). */
  readonly sites?: readonly StaticSite[];
  /** Single files served beside the API (the host script). */
  readonly files?: readonly StaticFile[];
  /** Where `/` redirects to, if anywhere. */
  readonly home?: string;
  /** Fastify's logger; default off. */
  readonly logger?: boolean;
  /** Seeds the pseudonyms of each referral report; default a fresh UUID per report. */
  readonly referralSeed?: () => string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function refuse(
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  issues?: readonly Issue[],
): FastifyReply {
  const error = { code, message: errorMessages[code], ...(issues === undefined ? {} : { issues }) };
  return reply.code(status).send({ error });
}

/**
 * The reference collector: versions, rounds and responses in the database, the engine at every
 * door (rounds re-hashed, responses validated against their own version), reports built by the
 * engine with the anonymity rules, and a CSV export. Migrates the database before it listens.
 */
export async function buildCollector(options: CollectorOptions): Promise<FastifyInstance> {
  const { db } = options;
  await migrate(db);
  const store = createStore(db);
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: maxDocumentBytes });

  app.addContentTypeParser(["text/csv", "text/plain"], { parseAs: "string" }, (_req, body, done) =>
    done(null, body),
  );

  app.setErrorHandler((error: { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) return refuse(reply, 413, "too_large");
    if (status === 415) return refuse(reply, 415, "unsupported_media_type");
    if (status >= 400 && status < 500) return refuse(reply, status, "bad_request");
    request.log.error(error);
    return refuse(reply, 500, "internal");
  });
  app.setNotFoundHandler((_request, reply) => refuse(reply, 404, "not_found"));

  app.get("/api/health", async () => ({ ok: true, database: db.kind }));

  app.get("/api/rounds", async () => ({ rounds: await store.listRounds() }));

  app.post("/api/rounds", async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const version = parseQuestionnaireVersion(body.version);
    if (!version.success)
      return refuse(reply, 400, "invalid_round", prefixIssues(["version"], version.issues));
    const round = parseRound(body.round);
    if (!round.success)
      return refuse(reply, 400, "invalid_round", prefixIssues(["round"], round.issues));
    if (round.data.versionHash !== version.data.hash) {
      return refuse(reply, 400, "invalid_round");
    }
    const share = readOrigins(
      (body.embed as { shareAnswersWith?: unknown } | undefined)?.shareAnswersWith,
    );
    if (share === undefined) return refuse(reply, 400, "invalid_round");
    const outcome = await store.putRound({
      round: round.data,
      version: version.data,
      shareAnswersWith: share,
    });
    if (outcome === "conflict") return refuse(reply, 409, "round_conflict");
    return reply.code(outcome === "created" ? 201 : 200).send({ round: round.data });
  });

  app.get<{ Params: { id: string } }>("/api/rounds/:id", async (request, reply) => {
    const found = await store.getRound(request.params.id);
    if (found === undefined) return refuse(reply, 404, "unknown_round");
    return {
      round: found.round,
      version: found.version,
      embed: { shareAnswersWith: found.shareAnswersWith },
    };
  });

  app.put<{ Params: { id: string; responseId: string } }>(
    "/api/rounds/:id/responses/:responseId",
    { bodyLimit: maxResponseBytes },
    async (request, reply) => {
      const { id, responseId } = request.params;
      const found = await store.getRound(id);
      if (found === undefined) return refuse(reply, 404, "unknown_round");
      const body = request.body as {
        id?: unknown;
        roundId?: unknown;
        versionHash?: unknown;
      } | null;
      if (body === null || typeof body !== "object") return refuse(reply, 400, "bad_request");
      if (!uuidPattern.test(responseId) || body.id !== responseId || body.roundId !== id) {
        return refuse(reply, 400, "id_mismatch");
      }
      let version: QuestionnaireVersion | undefined = found.version;
      if (body.versionHash !== found.version.hash) {
        version =
          typeof body.versionHash === "string"
            ? await store.versionByHash(body.versionHash)
            : undefined;
        if (version === undefined) return refuse(reply, 404, "unknown_version");
      }
      const checked = validateResponse(version, body);
      if (!checked.success) return refuse(reply, 400, "invalid_response", checked.issues);
      const outcome = await store.putResponse(checked.data);
      if (outcome === "conflict") return refuse(reply, 409, "conflict");
      return reply.code(outcome === "created" ? 201 : 200).send({ id: responseId });
    },
  );

  app.put<{ Params: { id: string } }>("/api/rounds/:id/referrals", async (request, reply) => {
    if (typeof request.body !== "string") return refuse(reply, 415, "unsupported_media_type");
    if ((await store.getRound(request.params.id)) === undefined) {
      return refuse(reply, 404, "unknown_round");
    }
    const rows = parseReferralCsv(request.body);
    if (!rows.success) return refuse(reply, 400, "invalid_referrals", rows.issues);
    await store.putReferrals(request.params.id, rows.data);
    return { rows: rows.data.length };
  });

  app.get<{ Querystring: { rounds?: string; k?: string } }>(
    "/api/report",
    async (request, reply) => {
      const ids = (request.query.rounds ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const k = request.query.k === undefined ? undefined : Number(request.query.k);
      if (ids.length === 0 || ids.length > 10) return refuse(reply, 400, "invalid_report_request");
      const found = await Promise.all(ids.map((id) => store.getRound(id)));
      if (found.some((entry) => entry === undefined)) return refuse(reply, 404, "unknown_round");
      const entries = found as NonNullable<(typeof found)[number]>[];
      const versions = new Map<string, QuestionnaireVersion>();
      for (const entry of entries) versions.set(entry.version.hash, entry.version);
      const responses = await store.responsesOf(ids);
      for (const hash of new Set(responses.map((r) => (r as Response).versionHash))) {
        if (!versions.has(hash)) {
          const version = await store.versionByHash(hash);
          if (version !== undefined) versions.set(hash, version);
        }
      }
      const report = aggregate({
        responses,
        rounds: entries.map((entry) => entry.round),
        versions: [...versions.values()],
        // The primary key already guarantees one row per id.
        assumeUniqueIds: true,
        ...(k === undefined ? {} : { k }),
      });
      if (!report.success) return refuse(reply, 400, "invalid_report_request", report.issues);
      let referrals = null;
      for (const id of [...ids].reverse()) {
        const rows = await store.referralsOf(id);
        if (rows !== undefined) {
          referrals = referralRates(rows, {
            seed: options.referralSeed?.() ?? randomUUID(),
            k: report.data.k,
          });
          break;
        }
      }
      return { report: report.data, referrals, generatedAt: new Date().toISOString() };
    },
  );

  app.get<{ Params: { id: string } }>("/api/rounds/:id/responses.csv", async (request, reply) => {
    const found = await store.getRound(request.params.id);
    if (found === undefined) return refuse(reply, 404, "unknown_round");
    const raw = await store.responsesOf([found.round.id]);
    const versions = [found.version];
    const responses = raw.flatMap((r) => {
      const checked = validateResponse(found.version, r);
      return checked.success ? [checked.data] : [];
    });
    const csv = exportResponsesCsv({ versions, responses });
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${found.round.id}.csv"`)
      .send(csv);
  });

  for (const [i, site] of (options.sites ?? []).entries()) {
    await app.register(fastifyStatic, {
      root: site.root,
      prefix: site.prefix,
      decorateReply: i === 0,
      setHeaders(res) {
        for (const [name, value] of Object.entries(site.headers ?? {})) res.header(name, value);
      },
    });
  }

  for (const one of options.files ?? []) {
    app.get(one.path, async (_request, reply) =>
      reply
        .header("content-type", one.type)
        .header("cache-control", "no-cache")
        .send(await readFile(one.file)),
    );
  }
  const home = options.home;
  if (home !== undefined) app.get("/", async (_request, reply) => reply.redirect(home));

  return app;
}

function readOrigins(value: unknown): string[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > 20) return undefined;
  const origins: string[] = [];
  for (const item of value) {
    if (typeof item !== "string" || !URL.canParse(item) || new URL(item).origin !== item) {
      return undefined;
    }
    origins.push(item);
  }
  return origins;
}
