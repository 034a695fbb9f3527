import { parseReport } from "@klynge/engine";
import { apiLimits, routes } from "@klynge/engine/contract";
import { loadRound } from "@klynge/widget/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, migrations } from "../migrations.js";
import { createAuditStore } from "../store/auditStore.js";
import { akut, baseline, referralCsv, rehab, responseFor, uuidOf } from "./fixtures/rounds.js";
import { type Caller, startService, type TestService } from "./fixtures/service.js";

const json = { "content-type": "application/json" };

describe("the collector's API", () => {
  let service: TestService;
  let coordinator: Caller;

  beforeAll(async () => {
    service = await startService({ referralSeed: () => "0123456789abcdef-seed" });
    coordinator = service.coordinator;
  }, 60_000);
  afterAll(() => service?.close());

  const put = (body: unknown, id = (body as { id: string }).id, round = baseline.id) =>
    service.anonymous.request({
      method: "PUT",
      url: `/api/rounds/${round}/responses/${id}`,
      headers: json,
      payload: typeof body === "string" ? body : JSON.stringify(body),
    });

  const stored = async () =>
    Number(
      (await service.database.db.query<{ n: string }>("select count(*) as n from responses"))[0]?.n,
    );

  it("migrates each step once: a second run does nothing", async () => {
    expect(await migrate(service.database.db)).toEqual([]);
    const steps = await service.database.db.query<{ version: number }>(
      "select version from schema_migrations order by version",
    );
    expect(steps.map((s) => s.version)).toEqual(migrations.map((m) => m.version));
  });

  it("reports which database it runs on", async () => {
    const health = await service.anonymous.request({ method: "GET", url: "/api/health" });
    expect(health.json()).toEqual({ ok: true, database: service.database.db.kind });
  });

  describe("rounds", () => {
    const create = (round: unknown, version: unknown = rehab, caller = coordinator) =>
      caller.request({
        method: "POST",
        url: "/api/clusters/klynge-syd/rounds",
        payload: { round, version },
      });

    it("the same round again is 200, other content under its id 409, a tampered version 400", async () => {
      expect((await create(baseline)).statusCode).toBe(200);
      const other = await create({ ...baseline, label: "Noget andet" });
      expect(other.statusCode).toBe(409);
      expect(other.json().error.code).toBe("round_conflict");
      const tampered = structuredClone(rehab) as { questionnaire: { title: { da: string } } };
      tampered.questionnaire.title.da = "Ændret";
      const forged = await create({ ...baseline, id: "klynge-syd.forfalsket" }, tampered);
      expect(forged.statusCode).toBe(400);
      expect(forged.json().error.issues[0].path[0]).toBe("version");
      const mismatch = await create({
        ...baseline,
        id: "klynge-syd.skaev",
        versionHash: akut.hash,
      });
      expect(mismatch.statusCode).toBe(400);
      expect(mismatch.json().error.issues[0].code).toBe("version_mismatch");
      const listed = (
        await coordinator.request({ method: "GET", url: "/api/clusters/klynge-syd/rounds" })
      ).json().rounds;
      expect(listed.map((r: { round: { id: string } }) => r.round.id)).toEqual([baseline.id]);
    });

    it("a round's id starts with its cluster's id, so clusters cannot collide", async () => {
      const foreign = await create({ ...baseline, id: "klynge-nord.2027-03" });
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().error.issues[0]).toMatchObject({ path: ["round", "id"] });
      const control = await create({ ...baseline, id: "klynge-syd.2027-04" });
      expect(control.statusCode).toBe(201);
    });

    it("serves a round that the widget's loadRound accepts (re-hashed, same round)", async () => {
      const viaInject: typeof fetch = async (input) => {
        const url = new URL(String(input));
        const reply = await service.app.inject({ method: "GET", url: url.pathname });
        return new Response(reply.body, { status: reply.statusCode });
      };
      const api = new URL("http://collector.test/api/");
      const loaded = await loadRound(api, baseline.id, viaInject);
      expect(loaded.success && loaded.data.version.hash).toBe(rehab.hash);
      expect(loaded.success && loaded.data.round).toEqual(baseline);
      // The cluster's k, for the respondent's intro.
      expect(loaded.success && loaded.data.k).toBe(5);
      const missing = await loadRound(api, "klynge-syd.findes-ikke", viaInject);
      expect(missing).toEqual({ success: false, issues: [{ code: "not_found" }] });
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
      const [row] = await service.database.db.query<{ canonical: string }>(
        "select canonical from responses where id = $1",
        [uuidOf(1)],
      );
      expect(JSON.parse(row?.canonical ?? "{}").answers).toEqual({
        "rehab.kendskab": { choice: "i-nogen-grad" },
      });
    });

    it("keeps no time finer than the day, no address and no token: the row is id, round, version, body", async () => {
      const response = { ...responseFor(2), startedAt: "2027-03-04T23:59:58.123+00:00" };
      expect((await put(response)).statusCode).toBe(201);
      // The same answer sent again with other times of that day is the same response.
      expect((await put({ ...response, submittedAt: "2027-03-04T10:00:00Z" })).statusCode).toBe(
        200,
      );
      const columns = await service.database.db.query<{ column_name: string }>(
        "select column_name from information_schema.columns where table_name = 'responses' order by column_name",
      );
      expect(columns.map((c) => c.column_name)).toEqual([
        "canonical",
        "id",
        "round_id",
        "version_hash",
      ]);
      const [row] = await service.database.db.query<{ canonical: string }>(
        "select canonical from responses where id = $1",
        [uuidOf(2)],
      );
      const body = JSON.parse(row?.canonical ?? "{}");
      expect(body.startedAt).toBe("2027-03-04T00:00:00.000Z");
      expect(body.submittedAt).toBe("2027-03-04T00:00:00.000Z");
    });

    it("refuses bad input with a typed error and loses nothing already stored", async () => {
      const before = await stored();
      const invalid = await put({
        ...responseFor(3),
        answers: { "rehab.kendskab": { choice: "maaske" } },
      });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json().error.code).toBe("invalid_response");
      expect(invalid.json().error.issues.map((i: { code: string }) => i.code)).toContain(
        "unknown_option",
      );
      expect((await put(responseFor(3), uuidOf(3), "klynge-syd.ukendt")).statusCode).toBe(404);
      const otherVersion = await put({ ...responseFor(4), versionHash: "f".repeat(64) });
      expect(otherVersion.statusCode).toBe(404);
      expect(otherVersion.json().error.code).toBe("unknown_version");
      expect((await put(responseFor(5), uuidOf(6))).json().error.code).toBe("id_mismatch");
      expect((await put("{ not json", uuidOf(7))).statusCode).toBe(400);
      const huge = {
        ...responseFor(8),
        answers: { "rehab.oplevelse": { text: "x".repeat(apiLimits.responseBytes) } },
      };
      const tooLarge = await put(huge);
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json().error.message.da).toMatch(/for stor/);
      const notJsonType = await service.anonymous.request({
        method: "PUT",
        url: `/api/rounds/${baseline.id}/responses/${uuidOf(9)}`,
        headers: { "content-type": "application/xml" },
        payload: "<svar/>",
      });
      expect(notJsonType.statusCode).toBe(415);
      const badId = await put(responseFor(10), "ikke-et-id");
      expect(badId.statusCode).toBe(400);
      expect(badId.json().error.code).toBe("invalid_id");
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
    });

    it("uniqueness is the database's constraint, not only the application's check", async () => {
      const row = responseFor(1);
      await expect(
        service.database.db.query(
          "insert into responses (id, round_id, version_hash, canonical) values ($1, $2, $3, $4)",
          [row.id.toUpperCase(), row.roundId, row.versionHash, "{}"],
        ),
      ).rejects.toThrow(/duplicate key|unique/i);
    });

    it("one id twice in one batch, with two bodies: the stored body's PUT is the 201, the other a 409", async () => {
      // Forty at once: the first goes alone, the rest queue behind it and share later inserts.
      const bodies = Array.from({ length: 40 }, (_, i) =>
        responseFor(100 + (i % 20), i < 20 ? "i-hoej-grad" : "slet-ikke"),
      );
      const replies = await Promise.all(bodies.map((body) => put(body)));
      const rows = await service.database.db.query<{ id: string; canonical: string }>(
        "select id::text as id, canonical from responses where id = any($1::uuid[])",
        [bodies.map((b) => b.id)],
      );
      expect(rows).toHaveLength(20);
      const chosen = new Map(
        rows.map((row) => [row.id, JSON.parse(row.canonical).answers["rehab.kendskab"].choice]),
      );
      bodies.forEach((body, i) => {
        const won =
          chosen.get(body.id) === (body.answers["rehab.kendskab"] as { choice?: string }).choice;
        expect(replies[i]?.statusCode).toBe(won ? 201 : 409);
      });
    });
  });

  describe("the audit trail", () => {
    it("lists newest first, a hundred at a time, every entry once across pages", async () => {
      const audit = createAuditStore(service.database.db);
      for (let i = 0; i < 130; i += 1) {
        await audit.record({
          actor: "system",
          action: "report_read",
          target: `t${i}`,
          outcome: "ok",
        });
      }
      const page = (before?: string) =>
        service.admin.request({
          method: "GET",
          url: `/api/audit${before === undefined ? "" : `?before=${before}`}`,
        });
      const first = (await page()).json();
      expect(first.entries).toHaveLength(100);
      const ids = first.entries.map((e: { id: number }) => e.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      const rest: number[] = [];
      let next: string | null = first.next;
      while (next !== null) {
        const more = (await page(next)).json();
        rest.push(...more.entries.map((e: { id: number }) => e.id));
        next = more.next;
      }
      const all = [...ids, ...rest];
      expect(new Set(all).size).toBe(all.length);
      expect(all).toEqual([...all].sort((a, b) => b - a));
      const [count] = await service.database.db.query<{ n: string }>(
        "select count(*) as n from audit_log",
      );
      expect(all).toHaveLength(Number(count?.n));
    });
  });

  describe("reports, referrals and CSV", () => {
    const report = (query: string, caller = coordinator) =>
      caller.request({ method: "GET", url: `/api/report?${query}` });

    it("aggregates with the engine and the cluster's k, which no caller can change", async () => {
      const reply = await report(`rounds=${baseline.id}`);
      expect(reply.statusCode).toBe(200);
      expect(routes.report.reply.safeParse(reply.json()).success).toBe(true);
      const body = reply.json();
      expect(parseReport(body.report).success).toBe(true);
      expect(body.report.k).toBe(5);
      expect(body.report.rounds[0].respondents.status).toBe("shown");
      expect(body.referrals).toBeNull();
      const lower = await report(`rounds=${baseline.id}&k=3`);
      expect(lower.statusCode).toBe(400);
      expect(lower.json().error.code).toBe("bad_request");
      expect((await report("rounds=klynge-syd.findes-ikke")).statusCode).toBe(404);
      expect((await report("")).statusCode).toBe(400);
      // The admin sets k = 3 for the cluster: now every report uses 3 and says so.
      const patched = await service.admin.request({
        method: "PATCH",
        url: "/api/clusters/klynge-syd",
        payload: { k: 3 },
      });
      expect(patched.json().cluster.k).toBe(3);
      expect((await report(`rounds=${baseline.id}`)).json().report.k).toBe(3);
      const tooLow = await service.admin.request({
        method: "PATCH",
        url: "/api/clusters/klynge-syd",
        payload: { k: 2 },
      });
      expect(tooLow.statusCode).toBe(400);
      await service.admin.request({
        method: "PATCH",
        url: "/api/clusters/klynge-syd",
        payload: { k: 5 },
      });
    });

    it("takes the municipality's referral CSV and reports rates under pseudonyms, never a ydernummer", async () => {
      const upload = (payload: string) =>
        coordinator.request({
          method: "PUT",
          url: `/api/rounds/${baseline.id}/referrals`,
          headers: { "content-type": "text/csv" },
          payload,
        });
      const bad = await upload("ydernummer;tilbud\n012345;Diabetesskole");
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.issues[0].code).toBe("csv_missing_column");
      expect((await upload(referralCsv)).json()).toEqual({ rows: 6 });
      const reply = await report(`rounds=${baseline.id}`);
      const referrals = reply.json().referrals;
      expect(referrals.offers.map((o: { offer: string }) => o.offer)).toEqual([
        "Diabetesskole",
        "KOL-rehabilitering",
      ]);
      expect(referrals.pseudonyms).toHaveLength(3);
      expect(reply.body).not.toMatch(/012345|023456|034567/);
    });

    it("exports the round's responses as CSV for Excel, to its coordinator", async () => {
      const csv = await coordinator.request({
        method: "GET",
        url: `/api/rounds/${baseline.id}/responses.csv`,
      });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
      expect(csv.body.startsWith("\uFEFFRunde;")).toBe(true);
      expect(csv.body.trim().split("\r\n").length).toBe(1 + (await stored()));
    });
  });
});
