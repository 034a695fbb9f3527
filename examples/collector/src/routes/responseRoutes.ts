import { validateResponse, withDayPrecision } from "@klynge/engine";
import { apiLimits } from "@klynge/engine/contract";
import type { FastifyInstance } from "fastify";
import { defineRoute, type RoutingServices } from "../plugins/routing.js";
import type { ResponseStore } from "../store/responseStore.js";

/** What respondents reach without an account: the round to answer, and the PUT of an answer. */
export function responseRoutes(
  app: FastifyInstance,
  services: RoutingServices & { readonly responses: ResponseStore },
  uploadsPerMinute: number,
): void {
  const { rounds, responses } = services;

  defineRoute(app, services, "roundDocument", async (request, reply) => {
    const { round } = request.params as { round: string };
    const found = await rounds.getRound(round);
    if (found === undefined) return reply.refuse("unknown_round");
    reply.header("cache-control", "no-cache");
    return {
      round: found.round,
      version: found.version,
      embed: { shareAnswersWith: found.shareAnswersWith },
    };
  });

  defineRoute(
    app,
    services,
    "putResponse",
    async (request, reply) => {
      const { round, response: responseId } = request.params as {
        round: string;
        response: string;
      };
      const found = await rounds.getRound(round);
      if (found === undefined) return reply.refuse("unknown_round");
      const body = request.body as { id?: unknown; roundId?: unknown; versionHash?: unknown };
      if (body === null || typeof body !== "object" || Array.isArray(body)) {
        return reply.refuse("bad_request");
      }
      if (body.id !== responseId || body.roundId !== round) return reply.refuse("id_mismatch");
      let version = found.version;
      if (body.versionHash !== found.version.hash) {
        const other =
          typeof body.versionHash === "string"
            ? await rounds.versionByHash(body.versionHash)
            : undefined;
        if (other === undefined) return reply.refuse("unknown_version");
        version = other;
      }
      const checked = validateResponse(version, body);
      if (!checked.success) return reply.refuse("invalid_response", checked.issues);
      const outcome = await responses.putResponse(withDayPrecision(checked.data));
      if (outcome === "conflict") return reply.refuse("conflict");
      if (outcome === "archived") return reply.refuse("responses_deleted");
      return reply.code(outcome === "created" ? 201 : 200).send({ id: responseId });
    },
    { bodyLimit: apiLimits.responseBytes, perMinute: uploadsPerMinute },
  );
}
