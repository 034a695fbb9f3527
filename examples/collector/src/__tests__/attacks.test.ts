import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync } from "node:zlib";
import { errorBodySchema } from "@klynge/engine/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseline, referralCsv, rehab, responseFor } from "./fixtures/rounds.js";
import { type Caller, startService, type TestService } from "./fixtures/service.js";

// The attacks an outsider made with curl against the open collector, each refused now, each with
// a control that the same request from the right person still works.

const pages = mkdtempSync(join(tmpdir(), "klynge-pages-"));
for (const site of ["coordinator", "frame"]) {
  mkdirSync(join(pages, site, "assets"), { recursive: true });
  writeFileSync(join(pages, site, "index.html"), `<!doctype html><title>${site}</title>`);
  const script = `console.log(${JSON.stringify(site.repeat(400))});`;
  writeFileSync(join(pages, site, "assets", "index-AbCd1234.js"), script);
  writeFileSync(join(pages, site, "assets", "index-AbCd1234.js.br"), brotliCompressSync(script));
}

let service: TestService;
const json = { "content-type": "application/json" };

beforeAll(async () => {
  service = await startService({
    sites: [
      { prefix: "/coordinator/", root: join(pages, "coordinator"), kind: "page" },
      { prefix: "/frame/", root: join(pages, "frame"), kind: "frame" },
    ],
    requestTimeoutMs: 1_500,
  });
  for (let n = 1; n <= 6; n += 1) {
    const put = await service.anonymous.request({
      method: "PUT",
      url: `/api/rounds/${baseline.id}/responses/${responseFor(n).id}`,
      headers: json,
      payload: JSON.stringify(responseFor(n, n <= 2 ? "i-hoej-grad" : "i-nogen-grad")),
    });
    expect(put.statusCode).toBe(201);
  }
}, 60_000);
afterAll(async () => {
  await service?.close();
  rmSync(pages, { recursive: true, force: true });
});

const audited = async (action: string) =>
  service.database.db.query<{ actor: string; outcome: string }>(
    "select actor, outcome from audit_log where action = $1 order by id",
    [action],
  );

describe("raw answers", () => {
  const csv = (caller: Caller) =>
    caller.request({ method: "GET", url: `/api/rounds/${baseline.id}/responses.csv` });

  it("go to no one but the round's coordinators, and every export is in the audit", async () => {
    expect((await csv(service.anonymous)).statusCode).toBe(401);
    expect((await csv(service.municipality)).statusCode).toBe(403);
    expect((await csv(service.otherCoordinator)).statusCode).toBe(404);
    expect((await csv(service.admin)).statusCode).toBe(403);
    const allowed = await csv(service.coordinator);
    expect(allowed.statusCode).toBe(200);
    expect(allowed.body.trim().split("\r\n")).toHaveLength(1 + 6);
    const trail = await audited("responses_exported");
    expect(trail.map((t) => t.outcome)).toEqual(["refused", "refused", "refused", "ok"]);
    expect(trail.at(-1)?.actor).toMatch(/Anne Koordinator/);
  });

  it("hold no time finer than the day (the CSV shows days)", async () => {
    const body = (await csv(service.coordinator)).body;
    expect(body).not.toMatch(/T09:0[04]/);
    expect(body).toMatch(/2027-03-04/);
  });
});

describe("another cluster's data", () => {
  it("is a 404, not a 403: its rounds, its versions, its report, its cluster", async () => {
    for (const url of [
      "/api/clusters/klynge-syd/rounds",
      "/api/clusters/klynge-syd/versions",
      "/api/clusters/klynge-syd",
      `/api/report?rounds=${baseline.id}`,
    ]) {
      const reply = await service.otherCoordinator.request({ method: "GET", url });
      expect(reply.statusCode, url).toBe(404);
      const control = await service.coordinator.request({ method: "GET", url });
      expect(control.statusCode, url).toBe(200);
    }
  });

  it("is not in the list of clusters", async () => {
    const mine = await service.otherCoordinator.request({ method: "GET", url: "/api/clusters" });
    expect(mine.json().clusters.map((c: { id: string }) => c.id)).toEqual(["klynge-nord"]);
    const all = await service.admin.request({ method: "GET", url: "/api/clusters" });
    expect(
      all
        .json()
        .clusters.map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual(["klynge-nord", "klynge-syd"]);
  });
});

describe("rounds", () => {
  const create = (caller: Caller, id: string, share?: string[]) =>
    caller.request({
      method: "POST",
      url: "/api/clusters/klynge-syd/rounds",
      payload: {
        round: { ...baseline, id },
        version: rehab,
        ...(share === undefined ? {} : { embed: { shareAnswersWith: share } }),
      },
    });

  it("are created by the cluster's coordinators only", async () => {
    expect((await create(service.anonymous, "klynge-syd.a1")).statusCode).toBe(401);
    expect((await create(service.municipality, "klynge-syd.a2")).statusCode).toBe(403);
    expect((await create(service.otherCoordinator, "klynge-syd.a3")).statusCode).toBe(404);
    expect((await create(service.admin, "klynge-syd.a4")).statusCode).toBe(403);
    expect((await create(service.coordinator, "klynge-syd.a5")).statusCode).toBe(201);
    const ids = (
      await service.coordinator.request({ method: "GET", url: "/api/clusters/klynge-syd/rounds" })
    )
      .json()
      .rounds.map((r: { round: { id: string } }) => r.round.id);
    expect(ids).toEqual([baseline.id, "klynge-syd.a5"]);
  });

  it("share answers only with origins on the admins' list", async () => {
    const attacker = await create(service.coordinator, "klynge-syd.a6", ["https://evil.example"]);
    expect(attacker.statusCode).toBe(400);
    expect(attacker.json().error.code).toBe("origin_not_allowed");
    expect(
      (await service.anonymous.request({ method: "GET", url: "/api/rounds/klynge-syd.a6" }))
        .statusCode,
    ).toBe(404);
    // Only an admin adds an origin to the list.
    const byCoordinator = await service.coordinator.request({
      method: "PUT",
      url: "/api/allowed-origins",
      payload: { origins: ["https://evil.example"] },
    });
    expect(byCoordinator.statusCode).toBe(403);
    const listed = await service.admin.request({
      method: "PUT",
      url: "/api/allowed-origins",
      payload: { origins: ["https://kiap.example"] },
    });
    expect(listed.json().origins).toEqual(["https://kiap.example"]);
    const control = await create(service.coordinator, "klynge-syd.a7", ["https://kiap.example"]);
    expect(control.statusCode).toBe(201);
    const document = await service.anonymous.request({
      method: "GET",
      url: "/api/rounds/klynge-syd.a7",
    });
    expect(document.json().embed.shareAnswersWith).toEqual(["https://kiap.example"]);
  });
});

describe("the municipality's referral figures", () => {
  const upload = (caller: Caller, payload: string) =>
    caller.request({
      method: "PUT",
      url: `/api/rounds/${baseline.id}/referrals`,
      headers: { "content-type": "text/csv" },
      payload,
    });
  const rates = async () =>
    (await service.coordinator.request({ method: "GET", url: `/api/report?rounds=${baseline.id}` }))
      .json()
      .referrals?.offers.map((o: { averageRate: unknown }) => o.averageRate);

  it("are replaced by no one but the cluster's coordinators", async () => {
    expect((await upload(service.coordinator, referralCsv)).statusCode).toBe(200);
    const before = await rates();
    const forged = referralCsv.replace(/;(\d+);(\d+)$/gm, ";900;1000");
    for (const caller of [
      service.anonymous,
      service.municipality,
      service.otherCoordinator,
      service.admin,
    ]) {
      expect((await upload(caller, forged)).statusCode).toBeGreaterThanOrEqual(401);
    }
    expect(await rates()).toEqual(before);
    expect((await upload(service.coordinator, forged)).statusCode).toBe(200);
    expect(await rates()).not.toEqual(before);
    expect((await upload(service.coordinator, referralCsv)).statusCode).toBe(200);
  });
});

describe("the anonymity threshold", () => {
  it("is the cluster's policy: a query's k is refused, the report says the k it used", async () => {
    const url = `/api/report?rounds=${baseline.id}`;
    for (const k of ["3", "1", "5"]) {
      const lower = await service.coordinator.request({ method: "GET", url: `${url}&k=${k}` });
      expect(lower.statusCode).toBe(400);
    }
    const report = await service.municipality.request({ method: "GET", url });
    expect(report.json().report.k).toBe(5);
    // Six answers: two "I høj grad" are withheld at k = 5.
    const kendskab = report
      .json()
      .report.questions.find((q: { id: string }) => q.id === "rehab.kendskab");
    const hoej = kendskab.perRound[0].options.find(
      (o: { code: string }) => o.code === "i-hoej-grad",
    );
    expect(hoej.cell.status).toBe("suppressed");
    expect((await audited("report_read")).length).toBeGreaterThan(0);
  });
});

describe("CSRF", () => {
  it("a state-changing request with a valid session cookie but no token, or another session's token, is refused and changes nothing", async () => {
    const other = await service.signIn("koordinator@klynge-syd.example");
    const request = {
      method: "POST" as const,
      url: "/api/clusters/klynge-syd/rounds",
      payload: { round: { ...baseline, id: "klynge-syd.csrf" }, version: rehab },
    };
    const missing = await service.coordinator.request({
      ...request,
      headers: { "x-csrf-token": "" },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe("csrf");
    const session = await other.request({ method: "GET", url: "/api/session" });
    const foreign = await service.coordinator.request({
      ...request,
      headers: { "x-csrf-token": session.json().csrfToken, origin: "https://evil.example" },
    });
    expect(foreign.statusCode).toBe(403);
    expect(
      (await service.anonymous.request({ method: "GET", url: "/api/rounds/klynge-syd.csrf" }))
        .statusCode,
    ).toBe(404);
    const control = await service.coordinator.request(request);
    expect(control.statusCode).toBe(201);
  });
});

describe("security headers", () => {
  it("staff pages may not be framed; the survey frame only by the embedders; on every response", async () => {
    const page = await service.anonymous.request({ method: "GET", url: "/coordinator/" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    expect(page.headers["content-security-policy"]).toMatch(/script-src 'self'/);
    expect(page.headers["x-frame-options"]).toBe("DENY");
    const frame = await service.anonymous.request({ method: "GET", url: "/frame/" });
    expect(frame.headers["content-security-policy"]).toMatch(
      /frame-ancestors 'self' https:\/\/kiap\.example/,
    );
    expect(frame.headers["x-frame-options"]).toBeUndefined();
    for (const url of [
      "/api/findes-ikke",
      "/coordinator/findes-ikke",
      "/api/health",
      "/api/rounds/%00",
    ]) {
      const reply = await service.anonymous.request({ method: "GET", url });
      expect(reply.headers["x-content-type-options"], url).toBe("nosniff");
      expect(reply.headers["content-security-policy"], url).toMatch(/frame-ancestors 'none'/);
      expect(reply.headers["referrer-policy"], url).toBe("no-referrer");
    }
  });

  it("content-hashed assets go out compressed and immutable; pages are revalidated", async () => {
    const asset = await service.anonymous.request({
      method: "GET",
      url: "/frame/assets/index-AbCd1234.js",
      headers: { "accept-encoding": "gzip, deflate, br" },
    });
    expect(asset.headers["content-encoding"]).toBe("br");
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(asset.rawPayload.length).toBeLessThan(400);
    const page = await service.anonymous.request({ method: "GET", url: "/frame/" });
    expect(page.headers["cache-control"]).toBe("no-cache");
  });
});

describe("rate limits", () => {
  it("sign-in attempts from one address are limited (429 in the documented shape, with Retry-After)", async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<Caller["request"]>> | undefined;
    for (let i = 0; i < 31; i += 1) {
      last = await service.anonymous.request({ method: "GET", url: "/auth/login?next=/" });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 30).every((status) => status === 303)).toBe(true);
    expect(last?.statusCode).toBe(429);
    expect(last?.json().error.code).toBe("rate_limited");
    expect(Number(last?.headers["retry-after"])).toBeGreaterThan(0);
    // Another address is not held back by this one.
    const other = await service.app.inject({
      method: "GET",
      url: "/auth/login?next=/",
      remoteAddress: "10.0.0.2",
    });
    expect(other.statusCode).toBe(303);
  });
});

describe("malformed requests get the documented error shape, never a 500", () => {
  it("NUL in a round id, bad percent-encoding, an over-long parameter", async () => {
    for (const [method, url, status] of [
      ["GET", "/api/rounds/%00", 400],
      ["GET", "/api/rounds/%E0%A4%A", 400],
      ["GET", `/api/rounds/${"a".repeat(300)}`, 414],
      ["PUT", `/api/rounds/${baseline.id}%00/responses/${responseFor(1).id}`, 400],
      ["PUT", `/api/rounds/${baseline.id}/responses/%00`, 400],
    ] as const) {
      const reply = await service.anonymous.request({ method, url, headers: json, payload: "{}" });
      expect(reply.statusCode, url).toBe(status);
      expect(errorBodySchema.safeParse(reply.json()).success, url).toBe(true);
    }
  });

  it("on a real socket: huge headers (431), a stalled body (408 after the timeout), and the server still answers", async () => {
    const address = await service.app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = new URL(address);
    const raw = (text: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(Number(port), "127.0.0.1");
        let received = "";
        socket.on("data", (chunk) => {
          received += chunk.toString("utf8");
        });
        socket.on("close", () => resolve(received));
        socket.on("error", () => resolve(received));
        socket.write(text);
      });
    const bodyOf = (response: string) =>
      JSON.parse(response.slice(response.indexOf("\r\n\r\n") + 4));

    const huge = await raw(`GET /api/health?${"q=1&".repeat(6_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431/);
    expect(errorBodySchema.safeParse(bodyOf(huge)).success).toBe(true);

    const stalled = await raw(
      `PUT /api/rounds/${baseline.id}/responses/${responseFor(99).id} HTTP/1.1\r\nHost: x\r\n` +
        'Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{"id"',
    );
    expect(stalled).toMatch(/^HTTP\/1\.1 408/);
    expect(bodyOf(stalled).error.code).toBe("request_timeout");

    const health = await fetch(`${address}/api/health`);
    expect(health.status).toBe(200);
  });
});
