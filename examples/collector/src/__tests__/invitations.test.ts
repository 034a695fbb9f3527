import { randomBytes } from "node:crypto";
import type { Round } from "@klynge/engine";
import {
  type InvitationList,
  invitationHeader,
  passTokenSchema,
  routes,
} from "@klynge/engine/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentialOf } from "../passTokens.js";
import { createResponseStore } from "../store/responseStore.js";
import {
  answerOf,
  createRound,
  passOf,
  passStatus,
  put,
  storedIn,
  tokenOf,
} from "./fixtures/respondents.js";
import { baseline, uuidOf } from "./fixtures/rounds.js";
import { startService, type TestService } from "./fixtures/service.js";

// Invitations: one answer per link, refusals typed and changing nothing, the coordinator's
// tracking, the response rate from the invitations; the open link and its cap.

let service: TestService;
let round: Round;
let other: Round;
let list: InvitationList;
/** The other round's one anonymous link. */
let otherLink: string;

const members = [
  { name: "Birgitte Holm", email: "Birgitte.Holm@praksis.example" },
  { name: "Anders Bak", email: "anders@praksis.example" },
  { name: "Carsten Dal" },
];

const invitations = (roundId: string) =>
  service.coordinator.request({ method: "GET", url: `/api/rounds/${roundId}/invitations` });

beforeAll(async () => {
  service = await startService();
  round = await createRound(service, "klynge-syd.invitationer", 40);
  other = await createRound(service, "klynge-syd.anden-runde", 40);
  const created = await service.coordinator.request({
    method: "POST",
    url: `/api/rounds/${round.id}/invitations`,
    payload: { members },
  });
  expect(created.statusCode).toBe(201);
  const anonymous = await service.coordinator.request({
    method: "POST",
    url: `/api/rounds/${round.id}/invitations`,
    payload: { anonymous: 2 },
  });
  expect(anonymous.statusCode).toBe(201);
  list = anonymous.json();
  expect(routes.listInvitations.reply.safeParse(list).success).toBe(true);
  const foreign = await service.coordinator.request({
    method: "POST",
    url: `/api/rounds/${other.id}/invitations`,
    payload: { anonymous: 1 },
  });
  expect(foreign.statusCode).toBe(201);
  otherLink = foreign.json().invitations[0].link;
}, 60_000);
afterAll(() => service?.close());

const named = (name: string) => {
  const found = list.invitations.find((invitation) => invitation.name === name);
  if (found === undefined) throw new Error(`no invitation for ${name}`);
  return found;
};

describe("making invitations", () => {
  it("one per member (named, e-mail in lower case) or per anonymous link; links for the anonymous ones and members without an e-mail", () => {
    expect(list.invited).toBe(5);
    expect(list.used).toBe(0);
    expect(list.invitations.map((i) => i.name)).toEqual([
      "Anders Bak",
      "Birgitte Holm",
      "Carsten Dal",
      null,
      null,
    ]);
    expect(named("Birgitte Holm").email).toBe("birgitte.holm@praksis.example");
    expect(named("Carsten Dal").email).toBeNull();
    // A member with an e-mail gets the link by mail only.
    for (const invitation of list.invitations) {
      expect(invitation.link === undefined).toBe(invitation.email !== null);
    }
    const link = list.invitations[3]?.link ?? "";
    expect(link).toMatch(
      /^http:\/\/collector\.test\/frame\/\?round=klynge-syd\.invitationer#invitation=[A-Za-z0-9_-]{43}$/,
    );
    expect(passTokenSchema.safeParse(passOf(link)).success).toBe(true);
  });

  it("the database keeps the token's SHA-256, never the token (which is made from the id with the secret)", async () => {
    const token = tokenOf(named("Anders Bak").id);
    const rows = await service.database.db.query<{ row: string }>(
      "select t::text as row from invitations t",
    );
    expect(rows.map((r) => r.row).join("\n")).not.toContain(token);
    const [row] = await service.database.db.query<{ token_hash: string }>(
      "select token_hash from invitations where id = $1",
      [named("Anders Bak").id],
    );
    const { createHash } = await import("node:crypto");
    expect(row?.token_hash).toBe(createHash("sha256").update(token).digest("hex"));
    const columns = await service.database.db.query<{ column_name: string }>(
      "select column_name from information_schema.columns where table_name = 'invitations' order by column_name",
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      "email",
      "id",
      "mailed_on",
      "name",
      "round_id",
      "token_hash",
      "used",
    ]);
  });

  it("only the round's coordinators make or see them", async () => {
    for (const caller of [service.municipality, service.otherCoordinator, service.anonymous]) {
      const reply = await caller.request({
        method: "GET",
        url: `/api/rounds/${round.id}/invitations`,
      });
      expect(reply.statusCode).toBeGreaterThanOrEqual(401);
      expect(reply.body).not.toContain("Birgitte");
      const made = await caller.request({
        method: "POST",
        url: `/api/rounds/${round.id}/invitations`,
        payload: { anonymous: 1 },
      });
      expect(made.statusCode).toBeGreaterThanOrEqual(401);
    }
    expect((await invitations(round.id)).json().invited).toBe(5);
  });
});

describe("answering with an invitation", () => {
  it("a token answers once: 201; the same response again 200 (also after it was spent); another response with it 403 invitation_spent, nothing stored", async () => {
    const token = tokenOf(named("Birgitte Holm").id);
    const first = answerOf(round, 1);
    const usable = await passStatus(service.anonymous, round.id, { invitation: token });
    expect(usable.json()).toEqual({ kind: "invitation", usable: true });
    expect((await put(service.anonymous, first, { invitation: token })).statusCode).toBe(201);
    expect((await put(service.anonymous, first, { invitation: token })).statusCode).toBe(200);
    expect((await put(service.anonymous, first)).statusCode).toBe(200);
    const second = await put(service.anonymous, answerOf(round, 2), { invitation: token });
    expect(second.statusCode).toBe(403);
    expect(second.json().error.code).toBe("invitation_spent");
    expect(second.json().error.message.da).toBe(
      "Dette link er allerede brugt. Kontakt koordinatoren, hvis du ikke har svaret.",
    );
    // Another body under the used response's id is still the conflict it always was.
    expect((await put(service.anonymous, answerOf(round, 1, "slet-ikke"))).statusCode).toBe(409);
    expect(await storedIn(service, round.id)).toBe(1);
    const spent = await passStatus(service.anonymous, round.id, { invitation: token });
    expect(spent.statusCode).toBe(200);
    expect(spent.json()).toEqual({ kind: "invitation", usable: false });
  });

  it("no pass 401 pass_required; an unknown token, another round's, a malformed one or a meeting key of nothing 403 pass_unknown; nothing stored", async () => {
    const before = await storedIn(service, round.id);
    const cases: [Parameters<typeof put>[2], number, string][] = [
      [{}, 401, "pass_required"],
      [{ invitation: randomBytes(32).toString("base64url") }, 403, "pass_unknown"],
      [{ invitation: tokenOf(uuidOf(77)) }, 403, "pass_unknown"],
      [{ invitation: passOf(otherLink) }, 403, "pass_unknown"],
      [{ invitation: "for-kort" }, 403, "pass_unknown"],
      [{ invitation: `${"a".repeat(43)}!` }, 403, "pass_unknown"],
      [{ key: randomBytes(32).toString("base64url") }, 403, "pass_unknown"],
    ];
    for (const [pass, status, code] of cases) {
      const reply = await put(service.anonymous, answerOf(round, 10), pass);
      expect(reply.statusCode, JSON.stringify(pass)).toBe(status);
      expect(reply.json().error.code).toBe(code);
      const asked = await passStatus(service.anonymous, round.id, pass);
      expect(asked.statusCode, JSON.stringify(pass)).toBe(status);
      expect(asked.json().error.code).toBe(code);
    }
    expect(await storedIn(service, round.id)).toBe(before);
    // The control: a token of this round is let in.
    const control = await put(service.anonymous, answerOf(round, 10), {
      invitation: passOf(linkOf(3)),
    });
    expect(control.statusCode).toBe(201);
  });

  it("the other round's token works in its own round, and only there", async () => {
    const token = passOf(otherLink);
    expect(
      (await put(service.anonymous, answerOf(round, 20), { invitation: token })).statusCode,
    ).toBe(403);
    expect(
      (await put(service.anonymous, answerOf(other, 20), { invitation: token })).statusCode,
    ).toBe(201);
  });

  it("a round with no invitation, no meeting key and no open link takes no answers", async () => {
    const bare = await createRound(service, "klynge-syd.uden-adgang", 10);
    const reply = await put(service.anonymous, answerOf(bare, 30));
    expect(reply.statusCode).toBe(401);
    expect(reply.json().error.code).toBe("pass_required");
    expect(await storedIn(service, bare.id)).toBe(0);
  });

  it("concurrent PUTs with one token: of ten responses one is stored (the rest invitation_spent); ten copies of one response: one 201, nine 200", async () => {
    const token = tokenOf(named("Carsten Dal").id);
    const before = await storedIn(service, round.id);
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        put(service.anonymous, answerOf(round, 40 + i), { invitation: token }),
      ),
    );
    expect(replies.map((r) => r.statusCode).sort()).toEqual([201, ...Array(9).fill(403)]);
    expect(await storedIn(service, round.id)).toBe(before + 1);
    const anonymousToken = passOf(linkOf(4));
    const copies = await Promise.all(
      Array.from({ length: 10 }, () =>
        put(service.anonymous, answerOf(round, 60), { invitation: anonymousToken }),
      ),
    );
    expect(copies.map((r) => r.statusCode).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    expect(await storedIn(service, round.id)).toBe(before + 2);
  });

  it("in one batch (one transaction), a token lets one response in: the rest of the batch is invitation_spent, one stored", async () => {
    const store = createResponseStore(service.database.db);
    const batchRound = await createRound(service, "klynge-syd.en-batch", 10);
    const [fresh] = await anonymousTokens(batchRound.id, 1);
    const credential = credentialOf({ [invitationHeader]: fresh });
    // The first call is stored alone; the ten queue behind it and go in together.
    const decoy = store.putResponse(answerOf(baseline, 70), { kind: "none" });
    const batch = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.putResponse(answerOf(batchRound, 71 + i), credential),
      ),
    );
    expect(await decoy).toBe("created");
    expect(batch.sort()).toEqual(["created", ...Array(9).fill("invitation_spent")]);
    const ids = batch.map((_, i) => uuidOf(71 + i));
    const [row] = await service.database.db.query<{ n: string }>(
      "select count(*) as n from responses where id = any($1::uuid[])",
      [ids],
    );
    expect(Number(row?.n)).toBe(1);
  });

  it("a PUT is never audited, stored or refused", async () => {
    const count = async () =>
      Number(
        (await service.database.db.query<{ n: string }>("select count(*) as n from audit_log"))[0]
          ?.n,
      );
    const before = await count();
    expect(
      (await put(service.anonymous, answerOf(other, 21), { invitation: passOf(otherLink) }))
        .statusCode,
    ).toBe(403);
    expect((await put(service.anonymous, answerOf(round, 22))).statusCode).toBe(401);
    expect((await put(service.anonymous, answerOf(round, 1))).statusCode).toBe(200);
    expect(await count()).toBe(before);
    // The control: a coordinator's action in the same time is.
    await invitations(round.id);
    await service.coordinator.request({ method: "POST", url: `/api/rounds/${other.id}/close` });
    expect(await count()).toBe(before + 1);
  });
});

/** The tokens of `count` anonymous links made for a round that has no other invitations. */
async function anonymousTokens(roundId: string, count: number): Promise<string[]> {
  const made = await service.coordinator.request({
    method: "POST",
    url: `/api/rounds/${roundId}/invitations`,
    payload: { anonymous: count },
  });
  const links: string[] = made.json().invitations.map((i: { link: string }) => i.link);
  expect(links).toHaveLength(count);
  return links.map(passOf);
}

/** The anonymous invitation at `index` of the listing: its link. */
function linkOf(index: number): string {
  const link = list.invitations[index]?.link;
  if (link === undefined) throw new Error(`invitation ${index} has no link`);
  return link;
}

describe("tracking and the response rate", () => {
  it("the coordinator sees invited, used, answers without an invitation, and who has not answered (first); the rounds list says the same", async () => {
    const listed: InvitationList = (await invitations(round.id)).json();
    expect(listed.invited).toBe(5);
    expect(listed.used).toBe(4);
    expect(listed.withoutInvitation).toBe(0);
    expect(listed.invitations.filter((i) => i.name !== null && !i.used).map((i) => i.name)).toEqual(
      ["Anders Bak"],
    );
    expect(listed.invitations[0]?.name).toBe("Anders Bak");
    const rounds = await service.coordinator.request({
      method: "GET",
      url: "/api/clusters/klynge-syd/rounds",
    });
    const entry = rounds
      .json()
      .rounds.find((r: { round: { id: string } }) => r.round.id === round.id);
    expect(entry.invitations).toEqual({ invited: 5, used: 4 });
    expect(entry.openLink).toBe(false);
    expect(entry.responses).toBe(4);
  });

  it("the report counts the response rate against the invitations made, not the round's own number", async () => {
    const reply = await service.coordinator.request({
      method: "GET",
      url: `/api/report?rounds=${round.id}`,
    });
    expect(routes.report.reply.safeParse(reply.json()).success).toBe(true);
    const [summary] = reply.json().report.rounds;
    expect(round.invited).toBe(40);
    expect(summary.invited).toBe(5);
    expect(reply.json().openLinkRounds).toEqual([]);
  });
});

describe("the open link", () => {
  it("is refused for a round with no invited number; with one, anyone may answer up to it (answers_full after), and the report marks the round", async () => {
    const unknown = await createRound(service, "klynge-syd.aaben-uden-tal");
    const refused = await service.coordinator.request({
      method: "PUT",
      url: `/api/rounds/${unknown.id}/open-link`,
      payload: { open: true },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("invited_unknown");

    const open = await createRound(service, "klynge-syd.aaben", 3);
    expect((await passStatus(service.anonymous, open.id)).json().error.code).toBe("pass_required");
    const opened = await service.coordinator.request({
      method: "PUT",
      url: `/api/rounds/${open.id}/open-link`,
      payload: { open: true },
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.json().round.openLink).toBe(true);
    expect((await passStatus(service.anonymous, open.id)).json()).toEqual({
      kind: "open-link",
      usable: true,
    });
    const statuses: number[] = [];
    for (let n = 100; n < 105; n += 1) {
      statuses.push((await put(service.anonymous, answerOf(open, n))).statusCode);
    }
    expect(statuses).toEqual([201, 201, 201, 403, 403]);
    const full = await put(service.anonymous, answerOf(open, 110));
    expect(full.json().error.code).toBe("answers_full");
    expect((await passStatus(service.anonymous, open.id)).json()).toEqual({
      kind: "open-link",
      usable: false,
    });
    // A repeated upload of a stored answer is still 200 when the round is full.
    expect((await put(service.anonymous, answerOf(open, 100))).statusCode).toBe(200);
    expect(await storedIn(service, open.id)).toBe(3);

    // Turned off, the link takes nothing; the report still marks the round.
    await service.coordinator.request({
      method: "PUT",
      url: `/api/rounds/${open.id}/open-link`,
      payload: { open: false },
    });
    expect((await put(service.anonymous, answerOf(open, 120))).json().error.code).toBe(
      "pass_required",
    );
    const report = await service.coordinator.request({
      method: "GET",
      url: `/api/report?rounds=${round.id},${open.id}`,
    });
    expect(report.json().openLinkRounds).toEqual([open.id]);
    const trail = await service.database.db.query<{ target: string; outcome: string }>(
      "select target, outcome from audit_log where action = 'open_link_changed' and target like 'klynge-syd.aaben%' order by id",
    );
    expect(trail).toEqual([
      { target: `${unknown.id}: åbent link uden antal inviterede`, outcome: "refused" },
      { target: `${open.id}: åbent link slået til`, outcome: "ok" },
      { target: `${open.id}: åbent link slået fra`, outcome: "ok" },
    ]);
  });

  it("is capped by the invitations when the round has them: invitations and the open link share the places", async () => {
    const mixed = await createRound(service, "klynge-syd.blandet", 100);
    await service.coordinator.request({
      method: "POST",
      url: `/api/rounds/${mixed.id}/invitations`,
      payload: { anonymous: 2 },
    });
    await service.coordinator.request({
      method: "PUT",
      url: `/api/rounds/${mixed.id}/open-link`,
      payload: { open: true },
    });
    const statuses: number[] = [];
    for (let n = 200; n < 203; n += 1) {
      statuses.push((await put(service.anonymous, answerOf(mixed, n))).statusCode);
    }
    expect(statuses).toEqual([201, 201, 403]);
    // The invitations still work: each member invited has a place of their own.
    const links: InvitationList = (await invitations(mixed.id)).json();
    const token = passOf(links.invitations[0]?.link ?? "");
    expect(
      (await put(service.anonymous, answerOf(mixed, 210), { invitation: token })).statusCode,
    ).toBe(201);
    const listed: InvitationList = (await invitations(mixed.id)).json();
    expect(listed).toMatchObject({ invited: 2, used: 1, withoutInvitation: 2 });
  });
});
