import type { InvitationEntry, InvitationList, MeetingKeyEntry } from "@klynge/engine/contract";
import type { FastifyInstance } from "fastify";
import type { CollectorConfig } from "../config.js";
import type { Mailer } from "../mailer.js";
import { fillMailText, mailTexts } from "../mailTexts.js";
import { derivePass, hashPass, invitationLink, meetingKeyLink } from "../passTokens.js";
import { defineRoute, type RoutingServices } from "../plugins/routing.js";
import type { InvitationStore, StoredInvitation } from "../store/invitationStore.js";
import type { MeetingKeyStore, StoredMeetingKey } from "../store/meetingKeyStore.js";
import type { ResponseStore } from "../store/responseStore.js";

export interface InvitationServices extends RoutingServices {
  readonly invitations: InvitationStore;
  readonly meetingKeys: MeetingKeyStore;
  readonly responses: ResponseStore;
  /** Absent when no SMTP server is configured. */
  readonly mailer: Mailer | undefined;
}

/**
 * How respondents are let into a round, as its coordinators set it up: the open link,
 * invitations (named or anonymous) and their mails, meeting keys for the tablets.
 */
export function invitationRoutes(
  app: FastifyInstance,
  services: InvitationServices,
  config: Pick<CollectorConfig, "publicUrl" | "linkSecret">,
): void {
  const { rounds, clusters, invitations, meetingKeys, responses, mailer } = services;
  const invitationToken = (id: string) => derivePass(config.linkSecret, "invitation", id);
  const keyOf = (id: string) => derivePass(config.linkSecret, "meeting-key", id);

  async function listing(roundId: string): Promise<InvitationList> {
    const stored = await invitations.list(roundId);
    const used = stored.filter((invitation) => invitation.used).length;
    const answered = await responses.countResponses(roundId);
    return {
      invited: stored.length,
      used,
      withoutInvitation: Math.max(0, answered - used),
      invitations: stored.map((invitation) => entryOf(roundId, invitation)),
    };
  }

  function entryOf(roundId: string, invitation: StoredInvitation): InvitationEntry {
    const entry: InvitationEntry = {
      id: invitation.id,
      name: invitation.name,
      email: invitation.email,
      used: invitation.used,
      mailedOn: invitation.mailedOn,
    };
    // A member with an e-mail gets the link by mail only; an anonymous link, or a member without
    // an e-mail, is shown for the coordinator to hand out, while the secret still makes its token.
    if (invitation.email !== null) return entry;
    const token = invitationToken(invitation.id);
    return hashPass(token) === invitation.tokenHash
      ? { ...entry, link: invitationLink(config.publicUrl, roundId, token) }
      : entry;
  }

  function keyEntry(key: StoredMeetingKey): MeetingKeyEntry {
    const entry: MeetingKeyEntry = {
      id: key.id,
      validFrom: key.validFrom,
      validUntil: key.validUntil,
      graceUntil: key.graceUntil,
      cap: key.cap,
      used: key.used,
      revoked: key.revoked,
    };
    return key.revoked || key.expired
      ? entry
      : { ...entry, link: meetingKeyLink(config.publicUrl, key.roundId, keyOf(key.id)) };
  }

  const roundOf = (request: { params: unknown }) => (request.params as { round: string }).round;

  defineRoute(app, services, "setOpenLink", async (request, reply) => {
    const round = roundOf(request);
    const found = await rounds.readRound(round);
    if (found === undefined) return reply.refuse("unknown_round");
    const { open } = request.body;
    if (found.rawDeletedOn !== null) {
      await request.audit("refused");
      return reply.refuse("responses_deleted");
    }
    if (open && found.invited === null) {
      await request.audit("refused", `${round}: åbent link uden antal inviterede`);
      return reply.refuse("invited_unknown");
    }
    await rounds.setOpenLink(round, open);
    await request.audit("ok", `${round}: åbent link ${open ? "slået til" : "slået fra"}`);
    return { round: await rounds.roundEntry(round) };
  });

  defineRoute(app, services, "createInvitations", async (request, reply) => {
    const round = roundOf(request);
    const found = await rounds.readRound(round);
    if (found === undefined) return reply.refuse("unknown_round");
    if (found.rawDeletedOn !== null) {
      await request.audit("refused");
      return reply.refuse("responses_deleted");
    }
    const body = request.body;
    const members =
      "members" in body
        ? body.members.map((member) => ({
            name: member.name,
            email: member.email?.toLowerCase() ?? null,
          }))
        : Array.from({ length: body.anonymous }, () => ({ name: null, email: null }));
    await invitations.create(round, members, (id) => hashPass(invitationToken(id)));
    const kind = "members" in body ? "navngivne" : "anonyme";
    await request.audit("ok", `${round}: ${members.length} ${kind} invitationer`);
    return reply.code(201).send(await listing(round));
  });

  defineRoute(app, services, "listInvitations", async (request) => listing(roundOf(request)));

  defineRoute(app, services, "mailTemplate", async (request) => {
    const { kind } = request.query as { kind: "invitation" | "reminder" };
    return (await invitations.mailText(roundOf(request), kind)) ?? mailTexts[kind];
  });

  defineRoute(app, services, "sendInvitations", async (request, reply) => {
    const round = roundOf(request);
    const { kind, subject, text } = request.body;
    if (mailer === undefined) {
      await request.audit("refused", `${round}: ingen mailserver`);
      return reply.refuse("mail_not_configured");
    }
    const found = await rounds.readRound(round);
    if (found === undefined) return reply.refuse("unknown_round");
    if (found.rawDeletedOn !== null) {
      await request.audit("refused");
      return reply.refuse("responses_deleted");
    }
    const cluster = await clusters.getCluster(found.clusterId);
    const named = (await invitations.list(round)).filter((invitation) => invitation.name !== null);
    // Invitations go to those not mailed yet (members added later get theirs); reminders to all
    // who have not used their link. Neither to a member whose link is used.
    const recipients = named.filter(
      (invitation) =>
        invitation.email !== null &&
        !invitation.used &&
        (kind === "reminder" || invitation.mailedOn === null),
    );
    await invitations.saveMailText(round, kind, { subject, text });
    let batch: Awaited<ReturnType<Mailer["open"]>>;
    try {
      batch = await mailer.open();
    } catch (error) {
      request.log.error({ code: (error as { code?: string }).code }, "mail server unreachable");
      await request.audit("refused", `${round}: mailserveren kunne ikke nås`);
      return reply.refuse("mail_failed");
    }
    const sent: string[] = [];
    let failed = 0;
    try {
      for (const invitation of recipients) {
        const token = invitationToken(invitation.id);
        // The link secret changed since the invitation was made: a new token, the old one dies.
        if (hashPass(token) !== invitation.tokenHash) {
          if (!(await invitations.reissue(invitation.id, hashPass(token)))) continue;
        }
        const values = {
          navn: invitation.name ?? "",
          link: invitationLink(config.publicUrl, round, token),
          runde: found.round.label,
          klynge: cluster?.name ?? found.round.cluster,
        };
        try {
          await batch.send({
            to: { name: invitation.name ?? "", address: invitation.email ?? "" },
            // A link belongs in the body only: subjects are shown in lists and logs.
            subject: fillMailText(subject, { ...values, link: "" }),
            text: fillMailText(text, values),
          });
          sent.push(invitation.id);
        } catch (error) {
          // The code only: the server's reply can quote the recipient.
          request.log.warn({ code: (error as { code?: string }).code }, "mail refused");
          failed += 1;
        }
      }
    } finally {
      batch.close();
    }
    await invitations.markMailed(sent);
    const what = kind === "invitation" ? "invitationer" : "påmindelser";
    await request.audit("ok", `${round}: ${sent.length} ${what} sendt, ${failed} fejlede`);
    return { sent: sent.length, skipped: named.length - recipients.length, failed };
  });

  defineRoute(app, services, "createMeetingKey", async (request, reply) => {
    const round = roundOf(request);
    const found = await rounds.readRound(round);
    if (found === undefined) return reply.refuse("unknown_round");
    if (found.rawDeletedOn !== null) {
      await request.audit("refused");
      return reply.refuse("responses_deleted");
    }
    const { hours } = request.body;
    const key = await meetingKeys.create(round, hours, (id) => hashPass(keyOf(id)));
    if (key === undefined) {
      await request.audit("refused", `${round}: mødenøgle uden antal inviterede`);
      return reply.refuse("invited_unknown");
    }
    await request.audit("ok", `${round}: mødenøgle i ${hours} timer, højst ${key.cap} svar`);
    return reply.code(201).send({ key: keyEntry(key) });
  });

  defineRoute(app, services, "listMeetingKeys", async (request) => ({
    keys: (await meetingKeys.list(roundOf(request))).map(keyEntry),
  }));

  defineRoute(app, services, "revokeMeetingKey", async (request, reply) => {
    const { round, key: id } = request.params as { round: string; key: string };
    const key = await meetingKeys.revoke(round, id);
    if (key === undefined) {
      await request.audit("refused");
      return reply.refuse("not_found");
    }
    await request.audit("ok", `${round}: mødenøgle trukket tilbage`);
    return { key: keyEntry(key) };
  });
}
