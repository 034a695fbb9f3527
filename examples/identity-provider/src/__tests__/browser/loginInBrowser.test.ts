import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { seriousViolations } from "@klynge/test-support/axe";
import { launchChromium } from "@klynge/test-support/chromium";
import * as client from "openid-client";
import type { Browser, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type IdentityProvider, startIdentityProvider } from "../../index.js";

// The provider in a real Chromium, behind a minimal relying party (openid-client, as the
// collector will use it): what only a browser checks — the CSP's form-action on the redirects
// after the login POST, Sec-Fetch-Site and Origin on that POST, http cookies, the keyboard, a
// 360 px screen, axe-core.

const ane = { email: "ane@example.dk", name: "Ane Jensen", password: "korrekt hest batteri" };

interface RelyingParty {
  readonly origin: string;
  readonly loginOrigins: string[];
  configure(config: client.Configuration): void;
  close(): Promise<void>;
}

// The relying party runs on "localhost", the provider on "127.0.0.1": two hosts, so two cookie
// jars (cookies are not separated by port).
async function startRelyingParty(): Promise<RelyingParty> {
  let config: client.Configuration | undefined;
  let pending: { verifier: string; state: string; nonce: string } | undefined;
  let idToken = "";
  const loginOrigins: string[] = [];
  const server: Server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", origin);
    if (config === undefined) throw new Error("relying party not configured");
    if (url.pathname === "/login") {
      pending = {
        verifier: client.randomPKCECodeVerifier(),
        state: client.randomState(),
        nonce: client.randomNonce(),
      };
      const target = client.buildAuthorizationUrl(config, {
        redirect_uri: `${origin}/callback`,
        scope: "openid email profile",
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: "S256",
        state: pending.state,
        nonce: pending.nonce,
      });
      response.writeHead(303, { location: target.href }).end();
    } else if (url.pathname === "/callback" && pending !== undefined) {
      const tokens = await client.authorizationCodeGrant(config, url, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      pending = undefined;
      idToken = tokens.id_token ?? "";
      const claims = tokens.claims();
      response
        .writeHead(200, { "content-type": "text/html; charset=utf-8" })
        .end(
          `<!doctype html><title>RP</title><h1>Hej ${claims?.name}</h1><p id="email">${claims?.email}</p>`,
        );
    } else if (url.pathname === "/logout") {
      const target = client.buildEndSessionUrl(config, {
        id_token_hint: idToken,
        post_logout_redirect_uri: `${origin}/signed-out`,
      });
      response.writeHead(303, { location: target.href }).end();
    } else if (url.pathname === "/signed-out") {
      response
        .writeHead(200, { "content-type": "text/html; charset=utf-8" })
        .end("<!doctype html><title>RP</title><h1>Logget ud hos RP</h1>");
    } else {
      response.writeHead(404).end();
    }
  }

  return {
    origin,
    loginOrigins,
    configure: (value) => {
      config = value;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

let rp: RelyingParty;
let idp: IdentityProvider;
let browser: Browser;

beforeAll(async () => {
  rp = await startRelyingParty();
  idp = await startIdentityProvider({
    users: [ane],
    clients: [
      {
        clientId: "collector",
        clientSecret: "collector-secret",
        redirectUris: [`${rp.origin}/callback`],
        postLogoutRedirectUris: [`${rp.origin}/signed-out`],
      },
    ],
  });
  rp.configure(
    await client.discovery(
      new URL(idp.issuer),
      "collector",
      undefined,
      client.ClientSecretBasic("collector-secret"),
      { execute: [client.allowInsecureRequests] },
    ),
  );
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await idp?.close();
  await rp?.close();
});

describe("login in Chromium", () => {
  test("a user signs in with the keyboard on a 360 px screen, is sent back to the relying party, and signs out", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const problems: string[] = [];
    // CSP refusals (a blocked stylesheet, a form-action refusing a redirect) show up here.
    page.on("console", (message) => {
      const text = message.text();
      if (text.startsWith("Failed to load resource")) return; // reported with its URL below
      if (message.type() === "error" || message.type() === "warning") problems.push(text);
    });
    page.on("response", (response) => {
      const url = new URL(response.url());
      if (response.status() >= 400 && url.pathname !== "/favicon.ico") {
        problems.push(`${response.status()} ${response.url()}`);
      }
    });
    page.on("pageerror", (error) => problems.push(error.message));
    const loginPosts: Request[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().includes("/login")) loginPosts.push(request);
    });

    await page.goto(`${rp.origin}/login`);
    await expect.poll(() => page.url()).toMatch(new RegExp(`^${idp.issuer}/interaction/`));
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain(
      "Log ind",
    );

    // Readable at 360 px: nothing wider than the screen; the stylesheet (allowed by its hash) applies.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    expect(
      await page.getByRole("button").evaluate((button) => getComputedStyle(button).backgroundColor),
    ).toBe("rgb(29, 78, 216)");
    expect(await seriousViolations(page)).toEqual([]);

    // The e-mail field has the focus; Tab moves to the password; Enter submits.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("email");
    await page.keyboard.type(ane.email);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("password");
    await page.keyboard.type("forkert");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("alert").textContent()).resolves.toContain(
      "Forkert e-mail eller adgangskode.",
    );
    expect(await page.getByLabel(/E-mail/).inputValue()).toBe(ane.email);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("password");
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.type(ane.password);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${rp.origin}/callback?**`);
    await expect(page.getByRole("heading").textContent()).resolves.toBe("Hej Ane Jensen");

    // What Chromium sent with the login POSTs: the check in interactionRoutes relies on it.
    expect(loginPosts).toHaveLength(2);
    for (const post of loginPosts) {
      const headers = await post.allHeaders();
      expect(headers["sec-fetch-site"]).toBe("same-origin");
      expect(headers.origin).toBe("null");
    }

    // Sign out at the provider, confirm in Danish, and come back; then the form is shown again.
    await page.goto(`${rp.origin}/logout`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain(
      "Vil du logge ud?",
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: /Ja, log mig ud/ }).press("Enter");
    await page.waitForURL(`${rp.origin}/signed-out**`);

    await page.goto(`${rp.origin}/login`);
    await expect.poll(() => page.url()).toMatch(new RegExp(`^${idp.issuer}/interaction/`));
    await expect(page.getByLabel(/Adgangskode/).isVisible()).resolves.toBe(true);

    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
