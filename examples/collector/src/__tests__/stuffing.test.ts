import type { Round } from "@klynge/engine";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerOf, createRound, type Pass, passOf, put, storedIn } from "./fixtures/respondents.js";
import { startService, type TestService } from "./fixtures/service.js";

// The stuffing attack from the issue: one client stored 1,999 responses with fresh ids into a
// round that invited 10 GPs. Now 2,000 PUTs with fresh ids store nothing without a token or with
// a spent one, and no more than the number invited through the open link. The upload limit per
// address is raised here, so the credential alone is tested; the limit is tested last.

const attempts = 2_000;
let service: TestService;

beforeAll(async () => {
  service = await startService({ uploadsPerMinute: 1_000_000 });
}, 60_000);
afterAll(() => service?.close());

/** `attempts` PUTs of fresh responses (ids from `first`), 100 in flight at a time. */
async function stuff(round: Round, first: number, pass: Pass): Promise<Map<string, number>> {
  const outcomes = new Map<string, number>();
  for (let start = 0; start < attempts; start += 100) {
    const replies: LightMyRequestResponse[] = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        put(service.anonymous, answerOf(round, first + start + i), pass),
      ),
    );
    for (const reply of replies) {
      const key =
        reply.statusCode < 300
          ? String(reply.statusCode)
          : `${reply.statusCode} ${reply.json().error.code}`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
  }
  return outcomes;
}

async function anonymousLinks(round: Round, count: number): Promise<string[]> {
  const made = await service.coordinator.request({
    method: "POST",
    url: `/api/rounds/${round.id}/invitations`,
    payload: { anonymous: count },
  });
  return made.json().invitations.map((i: { link: string }) => passOf(i.link));
}

describe(`the stuffing attack: ${attempts} PUTs with fresh ids`, () => {
  it("without a token: 0 stored, every one 401 pass_required", async () => {
    const round = await createRound(service, "klynge-syd.stopning-uden", 10);
    await anonymousLinks(round, 10);
    const outcomes = await stuff(round, 100_000, {});
    expect(Object.fromEntries(outcomes)).toEqual({ "401 pass_required": attempts });
    expect(await storedIn(service, round.id)).toBe(0);
  }, 60_000);

  it("with one spent token: nothing beyond its one answer, every one 403 invitation_spent", async () => {
    const round = await createRound(service, "klynge-syd.stopning-brugt", 10);
    const [token = ""] = await anonymousLinks(round, 10);
    expect(
      (await put(service.anonymous, answerOf(round, 1), { invitation: token })).statusCode,
    ).toBe(201);
    const outcomes = await stuff(round, 200_000, { invitation: token });
    expect(Object.fromEntries(outcomes)).toEqual({ "403 invitation_spent": attempts });
    expect(await storedIn(service, round.id)).toBe(1);
  }, 60_000);

  it("with one unspent token, all at once: exactly one stored", async () => {
    const round = await createRound(service, "klynge-syd.stopning-kaploeb", 10);
    const [token = ""] = await anonymousLinks(round, 10);
    const outcomes = await stuff(round, 300_000, { invitation: token });
    expect(Object.fromEntries(outcomes)).toEqual({
      "201": 1,
      "403 invitation_spent": attempts - 1,
    });
    expect(await storedIn(service, round.id)).toBe(1);
    const listed = await service.coordinator.request({
      method: "GET",
      url: `/api/rounds/${round.id}/invitations`,
    });
    expect(listed.json()).toMatchObject({ invited: 10, used: 1 });
  }, 60_000);

  it("through the open link of a round that invited 10: at most 10 stored, the rest 403 answers_full; the report's rate is 100 %, marked «åbent link»", async () => {
    const round = await createRound(service, "klynge-syd.stopning-aaben", 10);
    const opened = await service.coordinator.request({
      method: "PUT",
      url: `/api/rounds/${round.id}/open-link`,
      payload: { open: true },
    });
    expect(opened.statusCode).toBe(200);
    const outcomes = await stuff(round, 400_000, {});
    expect(Object.fromEntries(outcomes)).toEqual({
      "201": 10,
      "403 answers_full": attempts - 10,
    });
    expect(await storedIn(service, round.id)).toBe(10);
    const report = await service.coordinator.request({
      method: "GET",
      url: `/api/report?rounds=${round.id}`,
    });
    const [summary] = report.json().report.rounds;
    expect(summary.respondents).toEqual({ status: "shown", value: 10 });
    expect(summary.responseRate).toEqual({ status: "shown", value: 1 });
    expect(report.json().openLinkRounds).toEqual([round.id]);
  }, 60_000);
});

describe("the upload limit per address", () => {
  it("still holds for the open link: past it 429, and another address is not held back", async () => {
    const limited = await startService({ uploadsPerMinute: 20 });
    try {
      const round = await createRound(limited, "klynge-syd.graense", 100);
      await limited.coordinator.request({
        method: "PUT",
        url: `/api/rounds/${round.id}/open-link`,
        payload: { open: true },
      });
      const statuses: number[] = [];
      for (let n = 0; n < 21; n += 1) {
        statuses.push((await put(limited.anonymous, answerOf(round, 500_000 + n))).statusCode);
      }
      expect(statuses.slice(0, 20).every((status) => status === 201)).toBe(true);
      expect(statuses[20]).toBe(429);
      const other = await limited.app.inject({
        method: "PUT",
        url: `/api/rounds/${round.id}/responses/${answerOf(round, 500_100).id}`,
        remoteAddress: "10.0.0.9",
        headers: { "content-type": "application/json" },
        payload: JSON.stringify(answerOf(round, 500_100)),
      });
      expect(other.statusCode).toBe(201);
      expect(await storedIn(limited, round.id)).toBe(21);
    } finally {
      await limited.close();
    }
  }, 60_000);
});
