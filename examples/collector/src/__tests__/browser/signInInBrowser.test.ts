// @vitest-environment node
import { Writable } from "node:stream";
import { type IdentityProvider, startIdentityProvider } from "@klynge/example-identity-provider";
import { launchChromium } from "@klynge/test-support/chromium";
import type { FastifyInstance } from "fastify";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { CollectorConfig } from "../../config.js";
import { inProcessCaller } from "../../inProcessCaller.js";
import { buildCollector } from "../../server.js";
import { createClusterStore } from "../../store/clusterStore.js";
import { freshDatabase, type TestDatabase } from "../fixtures/databases.js";
import { baseline, rehab } from "../fixtures/rounds.js";

// Sign-in for real: Chromium, the collector as the relying party (openid-client), and a local
// OpenID provider (oidc-provider) with a login form that checks passwords. The collector and the
// provider run on different hosts (localhost / 127.0.0.1), so their cookies stay apart.

const people = {
  admin: { email: "admin@kiap.example", name: "Karen KiAP", password: "admin-kodeord-1" },
  coordinator: {
    email: "anne@klynge-syd.example",
    name: "Anne Koordinator",
    password: "anne-kodeord-2",
  },
  municipality: { email: "bo@vejle.example", name: "Bo Kommune", password: "bo-kodeord-3" },
  stranger: { email: "eva@klynge-syd.example", name: "Eva Ukendt", password: "eva-kodeord-4" },
  outsider: { email: "finn@gmail.example", name: "Finn Udefra", password: "finn-kodeord-5" },
};

let database: TestDatabase;
let idp: IdentityProvider;
let app: FastifyInstance;
let collector: string;
let browser: Browser;
const logLines: string[] = [];

beforeAll(async () => {
  database = await freshDatabase();
  // The port is known once listening; the provider needs the callback before that.
  const probe = await import("node:net").then(
    (net) =>
      new Promise<number>((resolve) => {
        const server = net.createServer().listen(0, "127.0.0.1", () => {
          const { port } = server.address() as { port: number };
          server.close(() => resolve(port));
        });
      }),
  );
  collector = `http://localhost:${probe}`;
  idp = await startIdentityProvider({
    users: Object.values(people),
    clients: [
      {
        clientId: "klynge-test",
        clientSecret: "klynge-test-secret",
        redirectUris: [`${collector}/auth/callback`],
        postLogoutRedirectUris: [`${collector}/coordinator/?login=signed-out`],
      },
    ],
  });
  const config: CollectorConfig = {
    publicUrl: collector,
    oidc: {
      issuer: idp.issuer,
      clientId: "klynge-test",
      clientSecret: "klynge-test-secret",
      allowedEmailDomains: ["kiap.example", "klynge-syd.example", "vejle.example"],
    },
    sessionSecret: "test-session-secret-of-at-least-32-characters",
    sessionHours: 8,
    embedders: [],
    adminEmails: [people.admin.email],
    trustProxy: false,
    retentionCheckMinutes: 0,
    linkSecret: "test-link-secret-of-at-least-32-characters",
  };
  app = await buildCollector({
    db: database.db,
    config,
    logger: {
      stream: new Writable({
        write: (chunk, _encoding, done) => done(void logLines.push(String(chunk))),
      }),
    },
  });
  const clusters = createClusterStore(database.db);
  await clusters.createCluster({ id: "klynge-syd", name: "Klynge Syd" });
  for (const [who, role] of [
    ["coordinator", "coordinator"],
    ["municipality", "municipality"],
  ] as const) {
    const staff = await clusters.saveStaff({ email: people[who].email, name: people[who].name });
    await clusters.setMember("klynge-syd", staff.id, role);
  }
  const coordinator = await inProcessCaller(app, database.db, people.coordinator.email);
  await coordinator.request({
    method: "POST",
    url: "/api/clusters/klynge-syd/rounds",
    payload: { round: baseline, version: rehab },
  });
  await app.listen({ host: "localhost", port: probe });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await idp?.close();
  await database?.drop();
});

/** Goes through the collector's sign-in and the provider's login form; returns where it ended. */
async function signIn(page: Page, who: keyof typeof people, next = "/api/session"): Promise<URL> {
  await page.goto(`${collector}/auth/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel(/E-mail/).fill(people[who].email);
  await page.getByLabel(/Adgangskode/).fill(people[who].password);
  await page.getByRole("button", { name: /Log ind/ }).click();
  await page.waitForURL((url) => url.origin === collector);
  return new URL(page.url());
}

async function sessionOf(page: Page): Promise<{
  user: { email: string; admin: boolean } | null;
  memberships?: { cluster: { id: string }; role: string }[];
  csrfToken?: string;
}> {
  return page.evaluate(async () => (await fetch("/api/session")).json());
}

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext();
  context.setDefaultTimeout(20_000);
  return context;
}

describe("staff sign in through the OpenID provider", () => {
  test.each([
    ["admin", true, []],
    ["coordinator", false, [{ cluster: "klynge-syd", role: "coordinator" }]],
    ["municipality", false, [{ cluster: "klynge-syd", role: "municipality" }]],
  ] as const)(
    "as %s: a session with the role, an HttpOnly SameSite cookie, no token in the URL",
    async (who, admin, roles) => {
      const context = await newContext();
      const page = await context.newPage();
      const landed = await signIn(page, who);
      expect(landed.pathname).toBe("/api/session");
      expect(landed.search).toBe("");
      const session = await sessionOf(page);
      expect(session.user?.email).toBe(people[who].email);
      expect(session.user?.admin).toBe(admin);
      expect(session.memberships?.map((m) => ({ cluster: m.cluster.id, role: m.role }))).toEqual(
        roles,
      );
      const cookie = (await context.cookies(collector)).find((c) => c.name === "klynge_session");
      expect(cookie?.httpOnly).toBe(true);
      expect(cookie?.sameSite).toBe("Lax");
      // The role decides: raw answers for the coordinator only.
      const csv = await page.evaluate(
        async (round) => (await fetch(`/api/rounds/${round}/responses.csv`)).status,
        baseline.id,
      );
      expect(csv).toBe(who === "coordinator" ? 200 : 403);
      // The database holds a hash of the session's token, never the token.
      const rows = await database.db.query<{ token_hash: string }>(
        "select token_hash from sessions",
      );
      expect(rows.map((r) => r.token_hash)).not.toContain(cookie?.value);
      await context.close();
    },
    60_000,
  );

  test("someone the provider knows but who is not staff, or from another domain, gets no session and a plain reason", async () => {
    for (const [who, reason] of [
      ["stranger", "not-staff"],
      ["outsider", "domain"],
    ] as const) {
      const context = await newContext();
      const page = await context.newPage();
      const landed = await signIn(page, who);
      expect(landed.pathname).toBe("/coordinator/");
      expect(landed.searchParams.get("login")).toBe(reason);
      expect((await sessionOf(page)).user).toBeNull();
      await context.close();
    }
    const refused = await database.db.query<{ actor: string; outcome: string }>(
      "select actor, outcome from audit_log where action = 'sign_in' and outcome = 'refused'",
    );
    expect(refused.map((r) => r.actor)).toContain(
      `${people.stranger.name} <${people.stranger.email}>`,
    );
  }, 60_000);

  test("sign-out ends the session here and at the provider; the next sign-in asks for the password again", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, "coordinator");
    const { csrfToken } = await sessionOf(page);
    const out = await page.evaluate(async (token) => {
      const reply = await fetch("/auth/logout", {
        method: "POST",
        headers: { "x-csrf-token": token ?? "" },
      });
      return (await reply.json()) as { redirectTo: string };
    }, csrfToken);
    expect(new URL(out.redirectTo).origin).toBe(idp.issuer);
    expect((await sessionOf(page)).user).toBeNull();
    await page.goto(out.redirectTo);
    await page.getByRole("button", { name: /Ja, log mig ud/ }).click();
    await page.waitForURL((url) => url.origin === collector);
    expect(new URL(page.url()).searchParams.get("login")).toBe("signed-out");
    await page.goto(`${collector}/auth/login?next=/api/session`);
    await expect(page.getByLabel(/Adgangskode/).isVisible()).resolves.toBe(true);
    await context.close();
  }, 60_000);

  test("an expired session is signed out: the API says so in the documented shape", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, "coordinator");
    const url = `/api/clusters/klynge-syd/rounds`;
    expect(await page.evaluate(async (u) => (await fetch(u)).status, url)).toBe(200);
    await database.db.query("update sessions set expires_at = now() - interval '1 second'");
    const expired = await page.evaluate(async (u) => {
      const reply = await fetch(u);
      return { status: reply.status, body: await reply.json() };
    }, url);
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe("signed_out");
    expect((await sessionOf(page)).user).toBeNull();
    await context.close();
  }, 60_000);

  test("a sign-in callback without its attempt (another browser, replayed) is refused", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${collector}/auth/callback?code=stolen&state=guessed`);
    expect(new URL(page.url()).searchParams.get("login")).toBe("interrupted");
    expect((await sessionOf(page)).user).toBeNull();
    await context.close();
  }, 60_000);
});
