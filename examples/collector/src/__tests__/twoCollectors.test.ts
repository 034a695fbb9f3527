import { invitationHeader } from "@klynge/engine/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessCaller } from "../inProcessCaller.js";
import { buildCollector } from "../server.js";
import { createClusterStore } from "../store/clusterStore.js";
import { createSessionStore } from "../store/sessionStore.js";
import { freshDatabase, type TestDatabase } from "./fixtures/databases.js";
import { passOf } from "./fixtures/respondents.js";
import { baseline, rehab, responseFor, uuidOf } from "./fixtures/rounds.js";
import { people, seedClusters, testConfig } from "./fixtures/service.js";

// The collector keeps no state of its own: two collectors on one database serve the same
// sessions, and a response sent to both is stored once.

let database: TestDatabase;
let first: Awaited<ReturnType<typeof buildCollector>>;
let second: Awaited<ReturnType<typeof buildCollector>>;

beforeAll(async () => {
  database = await freshDatabase();
  first = await buildCollector({ db: database.db, config: testConfig });
  second = await buildCollector({ db: database.db, config: testConfig });
  await seedClusters(first, database.db);
}, 60_000);
afterAll(async () => {
  await first?.close();
  await second?.close();
  await database?.drop();
});

describe("two collectors on one PostgreSQL", () => {
  it("a session begun on one is valid on the other, its CSRF token too; signing out on one ends it on both", async () => {
    const staff = (await createClusterStore(database.db).listStaff()).find(
      (s) => s.email === people.coordinator.email,
    );
    const { token } = await createSessionStore(database.db).createSession(staff?.id ?? "", 1);
    const jar: Record<string, string> = { klynge_session: token };
    const session = await first.inject({ method: "GET", url: "/api/session", cookies: jar });
    for (const cookie of session.cookies as { name: string; value: string }[]) {
      jar[cookie.name] = cookie.value;
    }
    const headers = { "x-csrf-token": session.json().csrfToken as string };
    const created = await second.inject({
      method: "POST",
      url: "/api/clusters/klynge-syd/rounds",
      cookies: jar,
      headers,
      payload: { round: { ...baseline, id: "klynge-syd.to-processer" }, version: rehab },
    });
    expect(created.statusCode).toBe(201);
    const out = await first.inject({ method: "POST", url: "/auth/logout", cookies: jar, headers });
    expect(out.statusCode).toBe(200);
    const after = await second.inject({
      method: "GET",
      url: "/api/clusters/klynge-syd/rounds",
      cookies: jar,
    });
    expect(after.statusCode).toBe(401);
  });

  it("the same response sent to both at once is stored once: one 201, one 200", async () => {
    const response = responseFor(7);
    const put = (app: typeof first) =>
      app.inject({
        method: "PUT",
        url: `/api/rounds/${baseline.id}/responses/${response.id}`,
        headers: { "content-type": "application/json" },
        payload: JSON.stringify(response),
      });
    const replies = await Promise.all([put(first), put(second)]);
    expect(replies.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    const rows = await database.db.query("select 1 from responses where id = $1", [response.id]);
    expect(rows).toHaveLength(1);
  });

  it("one invitation used on both at once for two responses: one stored, the other 403 invitation_spent; a copy of one response with its token to both: one 201, one 200", async () => {
    const coordinator = await inProcessCaller(first, database.db, people.coordinator.email);
    const round = { ...baseline, id: "klynge-syd.to-invitationer", invited: 5 };
    await coordinator.request({
      method: "POST",
      url: "/api/clusters/klynge-syd/rounds",
      payload: { round, version: rehab },
    });
    const made = await coordinator.request({
      method: "POST",
      url: `/api/rounds/${round.id}/invitations`,
      payload: { anonymous: 2 },
    });
    const [one, two] = made.json().invitations.map((i: { link: string }) => passOf(i.link));
    const put = (app: typeof first, n: number, token: string) =>
      app.inject({
        method: "PUT",
        url: `/api/rounds/${round.id}/responses/${uuidOf(n)}`,
        headers: { "content-type": "application/json", [invitationHeader]: token },
        payload: JSON.stringify(responseFor(n, "i-nogen-grad", round)),
      });
    const rival = await Promise.all([put(first, 100, one), put(second, 101, one)]);
    expect(rival.map((r) => r.statusCode).sort()).toEqual([201, 403]);
    expect(rival.find((r) => r.statusCode === 403)?.json().error.code).toBe("invitation_spent");
    const copies = await Promise.all([put(first, 102, two), put(second, 102, two)]);
    expect(copies.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    const [row] = await database.db.query<{ n: string }>(
      "select count(*) as n from responses where round_id = $1",
      [round.id],
    );
    expect(Number(row?.n)).toBe(2);
  });
});
