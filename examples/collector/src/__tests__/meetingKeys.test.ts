import type { Round } from "@klynge/engine";
import { type MeetingKeyEntry, routes } from "@klynge/engine/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  answerOf,
  createRound,
  passOf,
  passStatus,
  put,
  storedIn,
} from "./fixtures/respondents.js";
import { startService, type TestService } from "./fixtures/service.js";

// Meeting keys: the tablets at the meeting take answers with a key, in its window (and a grace
// period for answers given offline), up to the members who had not answered; revoked, it takes
// none.

let service: TestService;
let round: Round;

const createKey = (roundId: string, hours = 3) =>
  service.coordinator.request({
    method: "POST",
    url: `/api/rounds/${roundId}/meeting-keys`,
    payload: { hours },
  });

beforeAll(async () => {
  service = await startService();
  round = await createRound(service, "klynge-syd.moedet", 6);
}, 60_000);
afterAll(() => service?.close());

describe("meeting keys", () => {
  let key: MeetingKeyEntry;
  let pass: string;

  it("a key is valid from now for the hours asked, plus a grace period of 7 days, for as many answers as members have not answered", async () => {
    // One member answered through an invitation before the meeting.
    const invited = await service.coordinator.request({
      method: "POST",
      url: `/api/rounds/${round.id}/invitations`,
      payload: { anonymous: 8 },
    });
    const link = invited.json().invitations[0].link;
    expect(
      (await put(service.anonymous, answerOf(round, 1), { invitation: passOf(link) })).statusCode,
    ).toBe(201);

    const created = await createKey(round.id, 3);
    expect(created.statusCode).toBe(201);
    expect(routes.createMeetingKey.reply.safeParse(created.json()).success).toBe(true);
    key = created.json().key;
    const hour = 3_600_000;
    const from = Date.parse(key.validFrom);
    expect(Math.abs(from - Date.now())).toBeLessThan(60_000);
    expect(Date.parse(key.validUntil) - from).toBe(3 * hour);
    expect(Date.parse(key.graceUntil) - Date.parse(key.validUntil)).toBe(7 * 24 * hour);
    // Eight invitations made (they, not the round's own 6, are the members), one answered.
    expect(key.cap).toBe(7);
    expect(key.used).toBe(0);
    expect(key.link).toMatch(
      /^http:\/\/collector\.test\/app\/\?round=klynge-syd\.moedet#key=[A-Za-z0-9_-]{43}$/,
    );
    pass = passOf(key.link ?? "");
    expect((await passStatus(service.anonymous, round.id, { key: pass })).json()).toEqual({
      kind: "meeting-key",
      usable: true,
      validUntil: key.validUntil,
      graceUntil: key.graceUntil,
      remaining: 7,
    });
    // The key is stored as a hash only.
    const rows = await service.database.db.query<{ row: string }>(
      "select t::text as row from meeting_keys t",
    );
    expect(rows.map((r) => r.row).join()).not.toContain(pass);
  });

  it("three answers with the key are stored; the key's list counts them; the key does not spend invitations", async () => {
    const statuses = await Promise.all(
      [10, 11, 12].map(
        async (n) => (await put(service.anonymous, answerOf(round, n), { key: pass })).statusCode,
      ),
    );
    expect(statuses).toEqual([201, 201, 201]);
    expect(await storedIn(service, round.id)).toBe(4);
    const listed = await service.coordinator.request({
      method: "GET",
      url: `/api/rounds/${round.id}/meeting-keys`,
    });
    expect(listed.json().keys).toEqual([{ ...key, used: 3 }]);
    const invitations = await service.coordinator.request({
      method: "GET",
      url: `/api/rounds/${round.id}/invitations`,
    });
    expect(invitations.json()).toMatchObject({ invited: 8, used: 1, withoutInvitation: 3 });
  });

  it("revoked, the key takes no more: a fourth answer is refused with meeting_key_revoked, nothing stored; a tablet re-sending a stored one still hears 200", async () => {
    const byMunicipality = await service.municipality.request({
      method: "DELETE",
      url: `/api/rounds/${round.id}/meeting-keys/${key.id}`,
    });
    expect(byMunicipality.statusCode).toBe(403);
    const revoked = await service.coordinator.request({
      method: "DELETE",
      url: `/api/rounds/${round.id}/meeting-keys/${key.id}`,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().key).toMatchObject({ revoked: true, used: 3 });
    expect(revoked.json().key.link).toBeUndefined();
    const fourth = await put(service.anonymous, answerOf(round, 13), { key: pass });
    expect(fourth.statusCode).toBe(403);
    expect(fourth.json().error.code).toBe("meeting_key_revoked");
    expect(fourth.json().error.message.da).toMatch(/trukket tilbage.*kan eksporteres/);
    expect((await passStatus(service.anonymous, round.id, { key: pass })).json().error.code).toBe(
      "meeting_key_revoked",
    );
    expect((await put(service.anonymous, answerOf(round, 12), { key: pass })).statusCode).toBe(200);
    expect(await storedIn(service, round.id)).toBe(4);
    const trail = await service.database.db.query<{ action: string; outcome: string }>(
      "select action, outcome from audit_log where action like 'meeting_key%' order by id",
    );
    expect(trail).toEqual([
      { action: "meeting_key_created", outcome: "ok" },
      { action: "meeting_key_revoked", outcome: "refused" },
      { action: "meeting_key_revoked", outcome: "ok" },
    ]);
  });

  it("past its window the key takes answers given at the meeting until the grace period ends, then meeting_key_expired", async () => {
    const second = (await createKey(round.id, 1)).json().key as MeetingKeyEntry;
    expect(second.cap).toBe(4);
    const secondPass = passOf(second.link ?? "");
    // The meeting is over: the window has passed, the grace period runs.
    await service.database.db.query(
      "update meeting_keys set valid_from = now() - interval '3 hours', valid_until = now() - interval '1 hour' where id = $1",
      [second.id],
    );
    const status = await passStatus(service.anonymous, round.id, { key: secondPass });
    expect(status.json()).toMatchObject({ kind: "meeting-key", usable: false, remaining: 4 });
    expect(
      (await put(service.anonymous, answerOf(round, 20), { key: secondPass })).statusCode,
    ).toBe(201);
    // The grace period is over too.
    await service.database.db.query(
      "update meeting_keys set valid_until = now() - interval '8 days', grace_until = now() - interval '1 second', valid_from = now() - interval '9 days' where id = $1",
      [second.id],
    );
    const late = await put(service.anonymous, answerOf(round, 21), { key: secondPass });
    expect(late.statusCode).toBe(403);
    expect(late.json().error.code).toBe("meeting_key_expired");
    expect(
      (await passStatus(service.anonymous, round.id, { key: secondPass })).json().error.code,
    ).toBe("meeting_key_expired");
    expect(await storedIn(service, round.id)).toBe(5);
    const listed = await service.coordinator.request({
      method: "GET",
      url: `/api/rounds/${round.id}/meeting-keys`,
    });
    expect(listed.json().keys.map((k: MeetingKeyEntry) => k.link === undefined)).toEqual([
      true,
      true,
    ]);
  });

  it("the cap holds, also for answers sent at once: of 8 concurrent answers with a key of cap 3, three are stored, five answers_full", async () => {
    const third = (await createKey(round.id, 2)).json().key as MeetingKeyEntry;
    expect(third.cap).toBe(3);
    const thirdPass = passOf(third.link ?? "");
    const replies = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        put(service.anonymous, answerOf(round, 30 + i), { key: thirdPass }),
      ),
    );
    expect(replies.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, ...Array(5).fill(403)]);
    expect(
      new Set(replies.filter((r) => r.statusCode === 403).map((r) => r.json().error.code)),
    ).toEqual(new Set(["answers_full"]));
    expect(await storedIn(service, round.id)).toBe(8);
    // Everyone invited has answered: a new key has no places.
    const fourth = (await createKey(round.id, 2)).json().key as MeetingKeyEntry;
    expect(fourth.cap).toBe(0);
    const none = await put(service.anonymous, answerOf(round, 40), {
      key: passOf(fourth.link ?? ""),
    });
    expect(none.json().error.code).toBe("answers_full");
  });

  it("a key of one round is unknown in another; a round with no invited number gets no key", async () => {
    const elsewhere = await createRound(service, "klynge-syd.andet-moede", 10);
    const key = (await createKey(elsewhere.id)).json().key as MeetingKeyEntry;
    const foreign = await put(service.anonymous, answerOf(round, 50), {
      key: passOf(key.link ?? ""),
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe("pass_unknown");
    const control = await put(service.anonymous, answerOf(elsewhere, 50), {
      key: passOf(key.link ?? ""),
    });
    expect(control.statusCode).toBe(201);
    const unknown = await createRound(service, "klynge-syd.moede-uden-tal");
    const refused = await createKey(unknown.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("invited_unknown");
  });
});
