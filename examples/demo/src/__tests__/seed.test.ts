import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCollector, inProcessCaller } from "@klynge/example-collector";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  freshDatabase,
  type TestDatabase,
} from "../../../collector/src/__tests__/fixtures/databases.js";
import { testConfig } from "../../../collector/src/__tests__/fixtures/service.js";
import { demoUsers } from "../demoUsers.js";
import { demoRounds, seedDemo } from "../seed.js";

describe("the demo's seed", () => {
  const dir = mkdtempSync(join(tmpdir(), "klynge-demo-"));
  const users = demoUsers(dir);
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await freshDatabase();
    app = await buildCollector({
      db: database.db,
      config: { ...testConfig, adminEmails: [users.admin.email] },
    });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps the staff's passwords in the data folder, for its owner only, the same on the next start", () => {
    expect(statSync(join(dir, "demo-users.json")).mode & 0o077).toBe(0);
    expect(demoUsers(dir)).toEqual(users);
    expect(new Set(Object.values(users).map((u) => u.password)).size).toBe(4);
  });

  it("stores two clusters, staff with roles, a baseline and an edited follow-up through the API, once", async () => {
    expect(await seedDemo(app, database.db, users, "http://127.0.0.1:5173")).toBe(
      "seeded 2 clusters, 4 staff, 2 rounds, 58 responses and a referral file",
    );
    expect(await seedDemo(app, database.db, users, "http://127.0.0.1:5173")).toBe(
      "kept the demo clusters already stored",
    );
    const municipality = await inProcessCaller(app, database.db, users.municipality.email);
    const reply = await municipality.request({
      method: "GET",
      url: `/api/report?rounds=${demoRounds.baseline},${demoRounds.followUp}`,
    });
    const { report, referrals } = reply.json();
    expect(report.rounds.map((r: { respondents: unknown }) => r.respondents)).toEqual([
      { status: "shown", value: 31 },
      { status: "shown", value: 27 },
    ]);
    expect(report.rounds.every((r: { rejected: unknown[] }) => r.rejected.length === 0)).toBe(true);
    const [comparison] = report.comparisons;
    expect(comparison.added).toEqual(["vejle.sundhedscenter"]);
    expect(comparison.removed).toEqual(["rehab.oplysninger"]);
    expect(referrals.offers).toHaveLength(3);
    expect(referrals.pseudonyms).toHaveLength(5);
    const other = await inProcessCaller(app, database.db, users.otherCoordinator.email);
    const hidden = await other.request({ method: "GET", url: "/api/clusters/klynge-syd/rounds" });
    expect(hidden.statusCode).toBe(404);
  });
});
