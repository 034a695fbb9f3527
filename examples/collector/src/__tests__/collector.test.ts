import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseReport } from "@klynge/engine";
import { loadRound } from "@klynge/widget";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../database.js";
import { migrate } from "../migrations.js";
import { buildCollector, maxResponseBytes } from "../server.js";
import { freshPostgres, type TestDatabase } from "./fixtures/databases.js";
import { akut, baseline, referralCsv, rehab, responseFor, uuidOf } from "./fixtures/rounds.js";

const json = { "content-type": "application/json" };

describe("collector on PostgreSQL", () => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await freshPostgres();
    app = await buildCollector({ db: database.db, referralSeed: () => "0123456789abcdef-seed" });
    const created = await app.inject({
      method: "POST",
      url: "/api/rounds",
      payload: { round: baseline, version: rehab },
    });
    expect(created.statusCode).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const put = (body: unknown, id = (body as { id: string }).id, round = baseline.id) =>
    app.inject({
      method: "PUT",
      url: `/api/rounds/${round}/responses/${id}`,
      headers: json,
      payload: typeof body === "string" ? body : JSON.stringify(body),
    });

  const stored = async () =>
    Number((await database.db.query<{ n: string }>("select count(*) as n from responses"))[0]?.n);

  it("reports which database it runs on", async () => {
    const health = await app.inject("/api/health");
    expect(health.json()).toEqual({ ok: true, database: database.db.kind });
  });

  describe("rounds", () => {
    it("the same round again is 200, other content under its id 409, a tampered version 400", async () => {
      const again = await app.inject({
        method: "POST",
        url: "/api/rounds",
        payload: { round: baseline, version: rehab },
      });
      expect(again.statusCode).toBe(200);
      const other = await app.inject({
        method: "POST",
        url: "/api/rounds",
        payload: { round: { ...baseline, label: "Noget andet" }, version: rehab },
      });
      expect(other.statusCode).toBe(409);
      expect(other.json().error.code).toBe("round_conflict");
      const tampered = structuredClone(rehab) as { questionnaire: { title: { da: string } } };
      tampered.questionnaire.title.da = "Ændret";
      const forged = await app.inject({
        method: "POST",
        url: "/api/rounds",
        payload: { round: { ...baseline, id: "forfalsket" }, version: tampered },
      });
      expect(forged.statusCode).toBe(400);
      expect(forged.json().error.issues[0].path[0]).toBe("version");
      const mismatch = await app.inject({
        method: "POST",
        url: "/api/rounds",
        payload: { round: { ...baseline, id: "skaev", versionHash: akut.hash }, version: rehab },
      });
      expect(mismatch.statusCode).toBe(400);
      const listed = (await app.inject("/api/rounds")).json().rounds;
      expect(listed.map((r: { round: { id: string } }) => r.round.id)).toEqual([baseline.id]);
    });

    it("serves a round that the widget's loadRound accepts (re-hashed, same round)", async () => {
      const viaInject: typeof fetch = async (input) => {
        const url = new URL(String(input));
        const reply = await app.inject({ method: "GET", url: url.pathname });
        return new Response(reply.body, { status: reply.statusCode });
      };
      const loaded = await loadRound(new URL("http://collector.test/api/"), baseline.id, viaInject);
      expect(loaded.ok && loaded.value.version.hash).toBe(rehab.hash);
      expect(loaded.ok && loaded.value.round).toEqual(baseline);
      const missing = await loadRound(
        new URL("http://collector.test/api/"),
        "findes-ikke",
        viaInject,
      );
      expect(missing).toEqual({ ok: false, error: { code: "not_found" } });
    });
  });

  describe("PUT a response", () => {
    it("stores a new id (201); the same body again is 200; another body under the id is 409", async () => {
      const response = responseFor(1);
      expect((await put(response)).statusCode).toBe(201);
      expect((await put(response)).statusCode).toBe(200);
      const changed = await put(responseFor(1, "slet-ikke"));
      expect(changed.statusCode).toBe(409);
      expect(changed.json().error.code).toBe("conflict");
      const [row] = await database.db.query<{ canonical: string }>(
        "select canonical from responses where id = $1",
        [uuidOf(1)],
      );
      expect(JSON.parse(row?.canonical ?? "{}").answers).toEqual({
        "rehab.kendskab": { choice: "i-nogen-grad" },
      });
    });

    it("refuses bad input with a typed error and loses nothing already stored", async () => {
      const before = await stored();
      const invalid = await put({
        ...responseFor(2),
        answers: { "rehab.kendskab": { choice: "maaske" } },
      });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json().error.code).toBe("invalid_response");
      expect(invalid.json().error.issues.map((i: { code: string }) => i.code)).toContain(
        "unknown_option",
      );
      expect((await put(responseFor(3), uuidOf(3), "ukendt-runde")).statusCode).toBe(404);
      const otherVersion = await put({ ...responseFor(4), versionHash: "f".repeat(64) });
      expect(otherVersion.statusCode).toBe(404);
      expect(otherVersion.json().error.code).toBe("unknown_version");
      expect((await put(responseFor(5), uuidOf(6))).json().error.code).toBe("id_mismatch");
      expect((await put("{ not json", uuidOf(7))).statusCode).toBe(400);
      const huge = {
        ...responseFor(8),
        answers: { "rehab.oplevelse": { text: "x".repeat(maxResponseBytes) } },
      };
      const tooLarge = await put(huge);
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json().error.message.da).toMatch(/for stor/);
      const notJsonType = await app.inject({
        method: "PUT",
        url: `/api/rounds/${baseline.id}/responses/${uuidOf(9)}`,
        headers: { "content-type": "application/xml" },
        payload: "<svar/>",
      });
      expect(notJsonType.statusCode).toBe(415);
      expect(await stored()).toBe(before);
    });

    it("20 concurrent PUTs of one id store it once: one 201, the rest 200 (or 409 for other bodies)", async () => {
      const same = await Promise.all(Array.from({ length: 20 }, () => put(responseFor(20))));
      expect(same.map((r) => r.statusCode).sort()).toEqual([...Array(19).fill(200), 201]);
      const rival = await Promise.all(
        ["i-hoej-grad", "slet-ikke", "i-mindre-grad", "ved-ikke"].map((c) =>
          put(responseFor(21, c)),
        ),
      );
      expect(rival.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
      const rows = await database.db.query("select id from responses where id in ($1, $2)", [
        uuidOf(20),
        uuidOf(21),
      ]);
      expect(rows).toHaveLength(2);
    });

    it("uniqueness is the database's constraint, not only the application's check", async () => {
      const row = responseFor(1);
      await expect(
        database.db.query(
          "insert into responses (id, round_id, version_hash, canonical, submitted_at) values ($1, $2, $3, $4, $5)",
          [row.id.toUpperCase(), row.roundId, row.versionHash, "{}", row.submittedAt],
        ),
      ).rejects.toThrow(/duplicate key|unique/i);
    });
  });

  describe("reports, referrals and CSV", () => {
    it("aggregates with the engine: below k withheld, at k shown; k below 3 refused", async () => {
      for (let n = 30; n < 33; n += 1)
        expect((await put(responseFor(n, "slet-ikke"))).statusCode).toBe(201);
      const reply = await app.inject(`/api/report?rounds=${baseline.id}`);
      expect(reply.statusCode).toBe(200);
      const body = reply.json();
      const report = parseReport(body.report);
      expect(report.success).toBe(true);
      // Responses 1, 20, 21, 30–32: six respondents of 12 invited.
      expect(body.report.rounds[0].respondents).toEqual({ status: "shown", value: 6 });
      expect(body.report.rounds[0].responseRate).toEqual({ status: "shown", value: 0.5 });
      expect(body.referrals).toBeNull();
      expect((await app.inject(`/api/report?rounds=${baseline.id}&k=2`)).statusCode).toBe(400);
      expect((await app.inject("/api/report?rounds=findes-ikke")).statusCode).toBe(404);
      expect((await app.inject("/api/report")).statusCode).toBe(400);
    });

    it("takes the municipality's referral CSV and reports rates under pseudonyms, never a ydernummer", async () => {
      const bad = await app.inject({
        method: "PUT",
        url: `/api/rounds/${baseline.id}/referrals`,
        headers: { "content-type": "text/csv" },
        payload: "ydernummer;tilbud\n012345;Diabetesskole",
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.issues[0].code).toBe("csv_missing_column");
      const good = await app.inject({
        method: "PUT",
        url: `/api/rounds/${baseline.id}/referrals`,
        headers: { "content-type": "text/csv" },
        payload: referralCsv,
      });
      expect(good.json()).toEqual({ rows: 6 });
      const report = await app.inject(`/api/report?rounds=${baseline.id}`);
      const referrals = report.json().referrals;
      expect(referrals.offers.map((o: { offer: string }) => o.offer)).toEqual([
        "Diabetesskole",
        "KOL-rehabilitering",
      ]);
      expect(referrals.pseudonyms).toHaveLength(3);
      expect(report.body).not.toMatch(/012345|023456|034567/);
    });

    it("exports the round's responses as CSV for Excel", async () => {
      const csv = await app.inject(`/api/rounds/${baseline.id}/responses.csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
      expect(csv.body.startsWith("\uFEFFRunde;")).toBe(true);
      expect(csv.body.trim().split("\r\n")).toHaveLength(1 + 6);
    });
  });
});

describe("migrations and the embedded server on disk", () => {
  it("runs each step once, and a data directory keeps rounds and responses across restarts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "klynge-collector-"));
    try {
      const first = await openDatabase({ dataDir: dir });
      expect(first.kind).toBe("embedded");
      const app = await buildCollector({ db: first });
      await app.inject({
        method: "POST",
        url: "/api/rounds",
        payload: { round: baseline, version: rehab },
      });
      const put = await app.inject({
        method: "PUT",
        url: `/api/rounds/${baseline.id}/responses/${uuidOf(1)}`,
        headers: json,
        payload: JSON.stringify(responseFor(1)),
      });
      expect(put.statusCode).toBe(201);
      await app.close();
      await first.close();

      const again = await openDatabase({ dataDir: dir });
      expect(await migrate(again)).toEqual([]);
      const steps = await again.query<{ version: number }>("select version from schema_migrations");
      expect(steps.map((s) => s.version)).toEqual([1]);
      const reopened = await buildCollector({ db: again });
      const listed = (await reopened.inject("/api/rounds")).json().rounds;
      expect(listed).toEqual([{ round: baseline, versionLabel: rehab.label, responses: 1 }]);
      await reopened.close();
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("group commit", () => {
  it("one id twice in one batch, with two bodies: the stored body's PUT is the 201, the other a 409", async () => {
    const database = await freshPostgres();
    const { db } = database;
    const app = await buildCollector({ db });
    try {
      await app.inject({
        method: "POST",
        url: "/api/rounds",
        payload: { round: baseline, version: rehab },
      });
      // Forty at once: the first goes alone, the rest queue behind it and share later inserts.
      const bodies = Array.from({ length: 40 }, (_, i) =>
        responseFor(100 + (i % 20), i < 20 ? "i-hoej-grad" : "slet-ikke"),
      );
      const replies = await Promise.all(
        bodies.map((body) =>
          app.inject({
            method: "PUT",
            url: `/api/rounds/${baseline.id}/responses/${body.id}`,
            headers: json,
            payload: JSON.stringify(body),
          }),
        ),
      );
      const rows = await db.query<{ id: string; canonical: string }>(
        "select id::text as id, canonical from responses",
      );
      expect(rows).toHaveLength(20);
      const stored = new Map(
        rows.map((row) => [row.id, JSON.parse(row.canonical).answers["rehab.kendskab"].choice]),
      );
      bodies.forEach((body, i) => {
        const won =
          stored.get(body.id) === (body.answers["rehab.kendskab"] as { choice?: string }).choice;
        expect(replies[i]?.statusCode).toBe(won ? 201 : 409);
      });
    } finally {
      await app.close();
      await database.drop();
    }
  }, 60_000);
});
