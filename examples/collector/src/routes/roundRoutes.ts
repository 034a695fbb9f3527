import {
  checkNewVersion,
  createIssue,
  exportResponsesCsv,
  parseQuestionnaireVersion,
  parseReferralCsv,
  parseRound,
  prefixIssues,
  tabulateResponses,
  validateResponse,
} from "@klynge/engine";
import { answersFileName, roundBelongsTo } from "@klynge/engine/contract";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { attachment } from "../attachment.js";
import { defineRoute, type RoutingServices } from "../plugins/routing.js";
import type { ReportMaker } from "../reports.js";
import { writeResponseWorkbook } from "../responseWorkbook.js";
import type { PackageStore } from "../store/packageStore.js";
import type { ResponseStore } from "../store/responseStore.js";
import type { StoredRound } from "../store/roundStore.js";

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A cluster's versions and rounds, and what its coordinators do with a round. */
export function roundRoutes(
  app: FastifyInstance,
  services: RoutingServices & {
    readonly responses: ResponseStore;
    readonly reports: ReportMaker;
    readonly packages: PackageStore;
    /** Starts the scramble (see scramble.ts) without waiting for it. */
    readonly scramble: () => Promise<unknown>;
  },
): void {
  const { rounds, clusters, responses, reports } = services;
  const actorName = (request: { access: { staff: { name: string } | null } }) =>
    request.access.staff?.name ?? "";

  defineRoute(app, services, "listVersions", async (request) => ({
    versions: await rounds.listVersions(request.access.clusterId as string),
  }));

  defineRoute(app, services, "getVersion", async (request, reply) => {
    const { hash } = request.params as { hash: string };
    const version = await rounds.clusterVersion(request.access.clusterId as string, hash);
    if (version === undefined) return reply.refuse("unknown_version");
    return { version };
  });

  defineRoute(app, services, "publishVersion", async (request, reply) => {
    const clusterId = request.access.clusterId as string;
    const parsed = parseQuestionnaireVersion(request.body.version);
    // A version published now also meets the rules for a cluster's own questions (a stored one
    // made before a rule existed stays readable: only parseQuestionnaireVersion applies to reads).
    const issues = parsed.success ? checkNewVersion(parsed.data) : parsed.issues;
    if (!parsed.success || issues.length > 0) {
      await request.audit("refused");
      return reply.refuse("invalid_version", prefixIssues(["version"], issues));
    }
    const added = await rounds.publishVersion(clusterId, parsed.data, actorName(request));
    await request.audit("ok", `${parsed.data.label} (${parsed.data.hash.slice(0, 12)})`);
    const entry = (await rounds.listVersions(clusterId)).find((v) => v.hash === parsed.data.hash);
    return reply.code(added ? 201 : 200).send({ version: entry });
  });

  defineRoute(app, services, "listRounds", async (request) => ({
    rounds: await rounds.listRounds(request.access.clusterId as string),
  }));

  defineRoute(app, services, "createRound", async (request, reply) => {
    const clusterId = request.access.clusterId as string;
    const version = parseQuestionnaireVersion(request.body.version);
    if (!version.success) {
      return reply.refuse("invalid_round", prefixIssues(["version"], version.issues));
    }
    // A version new to the cluster is published with the round: the same rules as publishVersion.
    if ((await rounds.clusterVersion(clusterId, version.data.hash)) === undefined) {
      const issues = checkNewVersion(version.data);
      if (issues.length > 0)
        return reply.refuse("invalid_round", prefixIssues(["version"], issues));
    }
    const round = parseRound(request.body.round);
    if (!round.success) return reply.refuse("invalid_round", prefixIssues(["round"], round.issues));
    if (round.data.versionHash !== version.data.hash) {
      return reply.refuse("invalid_round", [
        createIssue("version_mismatch", ["round", "versionHash"], {
          expected: version.data.hash,
          received: round.data.versionHash,
        }),
      ]);
    }
    if (!roundBelongsTo(round.data.id, clusterId)) {
      return reply.refuse("invalid_round", [
        createIssue("invalid_format", ["round", "id"], {
          expected: `${clusterId}.…`,
          received: round.data.id,
        }),
      ]);
    }
    const share = request.body.embed?.shareAnswersWith ?? [];
    const approved = new Set(await clusters.allowedOrigins());
    if (share.some((origin) => !approved.has(origin))) {
      await request.audit("refused", `${round.data.id}: ${share.join(" ")}`);
      return reply.refuse("origin_not_allowed");
    }
    const outcome = await rounds.putRound({
      round: round.data,
      version: version.data,
      clusterId,
      shareAnswersWith: share,
      createdBy: actorName(request),
      plan: await services.packages.planForNewRound(version.data, (hash) =>
        rounds.clusterVersion(clusterId, hash),
      ),
    });
    if (outcome === "conflict") return reply.refuse("round_conflict");
    if (outcome === "created") await request.audit("ok", round.data.id);
    const entry = await rounds.roundEntry(round.data.id);
    return reply.code(outcome === "created" ? 201 : 200).send({ round: entry });
  });

  defineRoute(app, services, "putReferrals", async (request, reply) => {
    const { round } = request.params as { round: string };
    const rows = parseReferralCsv(request.body);
    if (!rows.success) {
      await request.audit("refused");
      return reply.refuse("invalid_referrals", rows.issues);
    }
    await rounds.putReferrals(round, rows.data);
    await request.audit("ok", `${round}: ${rows.data.length} rækker`);
    return { rows: rows.data.length };
  });

  defineRoute(app, services, "closeRound", async (request) => {
    const { round } = request.params as { round: string };
    await rounds.closeRound(round);
    await request.audit("ok");
    // A closed round's last answers need not wait for the next scheduled scramble.
    void services.scramble();
    return { round: await rounds.roundEntry(round) };
  });

  defineRoute(app, services, "deleteResponses", async (request, reply) => {
    const { round } = request.params as { round: string };
    const found = await rounds.readRound(round);
    if (found === undefined) return reply.refuse("unknown_round");
    const deleted = await reports.archive(found);
    await request.audit("ok", `${round}: ${deleted} svar slettet`);
    void services.scramble();
    return { round: await rounds.roundEntry(round), deleted };
  });

  /** The round's stored responses that the engine accepts, with their versions. */
  async function validResponsesOf(found: StoredRound) {
    const stored = await responses.responsesOf([found.round.id]);
    const versions = await reports.versionsOf([found], stored);
    const valid = stored.flatMap((raw: unknown) => {
      const response = raw as { versionHash?: unknown };
      const version = versions.find((v) => v.hash === response.versionHash);
      if (version === undefined) return [];
      const checked = validateResponse(version, raw);
      return checked.success ? [checked.data] : [];
    });
    return { versions, valid };
  }

  /** The round named in the path, if its raw answers are still kept; else the refusal is sent. */
  async function exportableRound(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<StoredRound | undefined> {
    const { round } = request.params as { round: string };
    const found = await rounds.readRound(round);
    if (found === undefined) {
      reply.refuse("unknown_round");
      return undefined;
    }
    if (found.rawDeletedOn !== null) {
      await request.audit("refused");
      reply.refuse("responses_deleted");
      return undefined;
    }
    return found;
  }

  defineRoute(app, services, "exportResponses", async (request, reply) => {
    const found = await exportableRound(request, reply);
    if (found === undefined) return reply;
    const { versions, valid } = await validResponsesOf(found);
    const csv = exportResponsesCsv({ versions, responses: valid });
    await request.audit("ok", `${found.round.id}: ${valid.length} svar`);
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${found.round.id}.csv"`)
      .header("cache-control", "no-store")
      .send(csv);
  });

  defineRoute(app, services, "exportResponsesXlsx", async (request, reply) => {
    const found = await exportableRound(request, reply);
    if (found === undefined) return reply;
    const { versions, valid } = await validResponsesOf(found);
    const workbook = await writeResponseWorkbook(
      tabulateResponses({ versions, responses: valid, timeZone: "Europe/Copenhagen" }),
    );
    await request.audit("ok", `${found.round.id}: ${valid.length} svar (regneark)`);
    return reply
      .header("content-type", xlsxType)
      .header("content-disposition", attachment(answersFileName(found.round.label)))
      .header("cache-control", "no-store")
      .send(workbook);
  });
}
