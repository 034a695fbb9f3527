import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditReports, type QuestionnaireVersion, type Report } from "@klynge/engine";
import { buildCollector, inProcessCaller } from "@klynge/example-collector";
import { freshDatabase, type TestDatabase } from "@klynge/example-collector/testing/databases";
import { testConfig } from "@klynge/example-collector/testing/service";
import { templateVersion } from "@klynge/question-bank";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freeTexts, otherTexts } from "../demoTexts.js";
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
    const seed = () =>
      seedDemo(app, database.db, users, "http://127.0.0.1:5173", testConfig.linkSecret);
    expect(await seed()).toBe(
      "seeded 2 clusters, 4 staff, 2 rounds, 80 invitations, 58 responses and a referral file",
    );
    expect(await seed()).toBe("kept the demo clusters already stored");
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
    expect(report.rounds.map((r: { invited: number }) => r.invited)).toEqual([40, 40]);
    const other = await inProcessCaller(app, database.db, users.otherCoordinator.email);
    const hidden = await other.request({ method: "GET", url: "/api/clusters/klynge-syd/rounds" });
    expect(hidden.statusCode).toBe(404);
  });

  it("publishes reports that the engine's audit finds no disclosure in, each round alone and the pair together, for the municipality and the coordinator", async () => {
    for (const user of [users.municipality, users.coordinator]) {
      const caller = await inProcessCaller(app, database.db, user.email);
      const reportOf = async (rounds: string[]): Promise<Report> =>
        (
          await caller.request({ method: "GET", url: `/api/report?rounds=${rounds.join(",")}` })
        ).json().report;
      const versionOf = async (round: string): Promise<QuestionnaireVersion> =>
        (await caller.request({ method: "GET", url: `/api/rounds/${round}` })).json().version;
      const { baseline, followUp } = demoRounds;
      const reports = [
        await reportOf([baseline]),
        await reportOf([followUp]),
        await reportOf([baseline, followUp]),
      ];
      // Something is withheld in the demo (the audit has figures to check), not everything.
      const withheld = JSON.stringify(reports).match(/"status":"suppressed"/g)?.length ?? 0;
      expect(withheld).toBeGreaterThan(0);
      expect(reports[2]?.rounds.map((r) => r.respondents)).toEqual([
        { status: "shown", value: 31 },
        { status: "shown", value: 27 },
      ]);
      const audit = auditReports(reports, {
        versions: [await versionOf(baseline), await versionOf(followUp)],
      });
      expect(audit).toEqual({ success: true, data: [] });
    }
  });

  it("invites the 40 GPs to each round: the answers from links spent invitations, the tablets' a meeting key; the follow-up's open link takes the kiap.dk page's answers", async () => {
    const coordinator = await inProcessCaller(app, database.db, users.coordinator.email);
    const listed = async (round: string) =>
      (
        await coordinator.request({ method: "GET", url: `/api/rounds/${round}/invitations` })
      ).json();
    const baseline = await listed(demoRounds.baseline);
    const followUp = await listed(demoRounds.followUp);
    // Every third seeded answer came from a tablet at the meeting.
    expect(baseline).toMatchObject({ invited: 40, used: 21, withoutInvitation: 10 });
    expect(followUp).toMatchObject({ invited: 40, used: 18, withoutInvitation: 9 });
    expect(baseline.invitations[0]).toMatchObject({ used: false, mailedOn: null });
    expect(baseline.invitations.every((i: { email: string }) => i.email.endsWith(".example"))).toBe(
      true,
    );
    expect(new Set(baseline.invitations.map((i: { name: string }) => i.name)).size).toBe(40);
    const rounds = (
      await coordinator.request({ method: "GET", url: "/api/clusters/klynge-syd/rounds" })
    ).json().rounds;
    expect(
      rounds.map((r: { openLink: boolean; invitations: unknown }) => [r.openLink, r.invitations]),
    ).toEqual([
      [false, { invited: 40, used: 21 }],
      [true, { invited: 40, used: 18 }],
    ]);
    const keys = (
      await coordinator.request({
        method: "GET",
        url: `/api/rounds/${demoRounds.followUp}/meeting-keys`,
      })
    ).json().keys;
    expect(keys.map((k: { used: number }) => k.used)).toEqual([9]);
    // The kiap.dk page's way in: the open link, with places left under the 40 invited.
    const pass = await app.inject({
      method: "GET",
      url: `/api/rounds/${demoRounds.followUp}/pass`,
    });
    expect(pass.json()).toEqual({ kind: "open-link", usable: true });
    const closed = await app.inject({
      method: "GET",
      url: `/api/rounds/${demoRounds.baseline}/pass`,
    });
    expect(closed.json().error.code).toBe("pass_required");
    // The seed's answers were scrambled: one xmin for each round's responses and invitations.
    const [xmins] = await database.db.query<{ n: string }>(
      "select count(distinct xmin::text) as n from (select xmin from responses union all select xmin from invitations) t",
    );
    expect(Number(xmins?.n)).toBe(1);
  });

  it("answers each text question from that question's own texts, and 'Andet' likewise", async () => {
    const rows = await database.db.query<{ canonical: string }>("select canonical from responses");
    const answered = new Map<string, string[]>();
    const others = new Map<string, string[]>();
    for (const row of rows) {
      const { answers } = JSON.parse(row.canonical) as {
        answers: Record<string, { text?: string; otherText?: string }>;
      };
      for (const [id, answer] of Object.entries(answers)) {
        if (answer.text !== undefined) answered.set(id, [...(answered.get(id) ?? []), answer.text]);
        if (answer.otherText !== undefined) {
          others.set(id, [...(others.get(id) ?? []), answer.otherText]);
        }
      }
    }
    const rehabTexts = templateVersion("rehab")
      .questionnaire.questions.filter((q) => q.type === "text")
      .map((q) => q.id);
    // Every rehab text question but none else got answers (the follow-up has the same four).
    expect([...answered.keys()].sort()).toEqual([...rehabTexts].sort());
    for (const [id, texts] of answered) {
      const own = freeTexts[id] ?? [];
      expect(
        texts.filter((t) => !own.includes(t)),
        `${id}: texts not from its own list`,
      ).toEqual([]);
      // Not one text repeated for every GP: the answers vary.
      expect(new Set(texts).size, id).toBeGreaterThan(2);
    }
    expect(others.size).toBeGreaterThan(0);
    for (const [id, texts] of others) {
      const own = otherTexts[id] ?? [];
      expect(
        texts.filter((t) => !own.includes(t)),
        `${id}: "Andet" texts not from its own list`,
      ).toEqual([]);
    }
    // Some GPs write the same short answer: it is there to be counted together.
    const all = [...answered.values()].flat();
    expect(all.length).toBeGreaterThan(new Set(all).size);
  });

  it("has texts written for every text question of KiAP's rehab and akut templates, and only those", () => {
    const textQuestions = (["rehab", "akut"] as const).flatMap((id) =>
      templateVersion(id)
        .questionnaire.questions.filter((q) => q.type === "text")
        .map((q) => q.id),
    );
    expect(Object.keys(freeTexts).sort()).toEqual(textQuestions.sort());
    for (const id of textQuestions) expect(freeTexts[id]?.length, id).toBeGreaterThanOrEqual(8);
    const withOther = (["rehab", "akut"] as const).flatMap((id) =>
      templateVersion(id)
        .questionnaire.questions.filter(
          (q) => q.type === "multi" && q.options.some((o) => o.kind === "other"),
        )
        .map((q) => q.id),
    );
    expect(Object.keys(otherTexts).sort()).toEqual(withOther.sort());
  });
});
