import { validateResponse, withDayPrecision } from "@klynge/engine";
import { apiLimits } from "@klynge/engine/contract";
import type { FastifyInstance } from "fastify";
import { credentialOf } from "../passTokens.js";
import { defineRoute, type RoutingServices } from "../plugins/routing.js";
import { roundDocumentOf } from "../roundDocument.js";
import type { InvitationStore } from "../store/invitationStore.js";
import type { MeetingKeyStore } from "../store/meetingKeyStore.js";
import type { ResponseStore } from "../store/responseStore.js";

/**
 * What respondents reach without an account: the round to answer, what their credential (an
 * invitation's token or a meeting key, in a header) allows, and the PUT of an answer.
 */
export function responseRoutes(
  app: FastifyInstance,
  services: RoutingServices & {
    readonly responses: ResponseStore;
    readonly invitations: InvitationStore;
    readonly meetingKeys: MeetingKeyStore;
  },
  uploadsPerMinute: number,
): void {
  const { rounds, responses, invitations, meetingKeys } = services;

  defineRoute(app, services, "roundDocument", async (request, reply) => {
    const { round } = request.params as { round: string };
    const document = await roundDocumentOf(services, round);
    if (document === undefined) return reply.refuse("unknown_round");
    reply.header("cache-control", "no-cache");
    return document;
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
      if (found.rawDeletedOn !== null) return reply.refuse("responses_deleted");
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
      const outcome = await responses.putResponse(
        withDayPrecision(checked.data),
        credentialOf(request.headers),
      );
      if (outcome === "created" || outcome === "same") {
        return reply.code(outcome === "created" ? 201 : 200).send({ id: responseId });
      }
      return reply.refuse(outcome === "archived" ? "responses_deleted" : outcome);
    },
    { bodyLimit: apiLimits.responseBytes, perMinute: uploadsPerMinute },
  );

  defineRoute(
    app,
    services,
    "passStatus",
    async (request, reply) => {
      const { round } = request.params as { round: string };
      // Read afresh: the open link and the invitations change.
      const found = await rounds.readRound(round);
      if (found === undefined) return reply.refuse("unknown_round");
      if (found.rawDeletedOn !== null) return reply.refuse("responses_deleted");
      reply.header("cache-control", "no-store");
      const credential = credentialOf(request.headers);
      if (credential.kind === "malformed") return reply.refuse("pass_unknown");
      if (credential.kind === "invitation") {
        const invitation = await invitations.byHash(credential.hash);
        if (invitation?.roundId !== round) return reply.refuse("pass_unknown");
        return { kind: "invitation" as const, usable: !invitation.used };
      }
      if (credential.kind === "meeting-key") {
        const key = await meetingKeys.byHash(credential.hash);
        if (key?.roundId !== round) return reply.refuse("pass_unknown");
        if (key.revoked) return reply.refuse("meeting_key_revoked");
        if (key.expired) return reply.refuse("meeting_key_expired");
        const remaining = Math.max(0, key.cap - key.used);
        return {
          kind: "meeting-key" as const,
          usable: key.open && remaining > 0,
          validUntil: key.validUntil,
          graceUntil: key.graceUntil,
          remaining,
        };
      }
      if (!found.openLink) return reply.refuse("pass_required");
      const answered = await responses.countResponses(round);
      return { kind: "open-link" as const, usable: answered < (found.invited ?? 0) };
    },
    { perMinute: uploadsPerMinute },
  );
}
