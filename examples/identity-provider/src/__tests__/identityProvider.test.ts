import { createHash } from "node:crypto";
import { once } from "node:events";
import { connect } from "node:net";
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as entry from "../index.js";
import {
  type ClientRegistration,
  type IdentityProvider,
  type SeedUser,
  startIdentityProvider,
} from "../index.js";
import { type Browser, createBrowser, type Landing } from "./createBrowser.js";

const redirectUri = "http://localhost:3000/auth/callback";
const postLogoutRedirectUri = "http://localhost:3000/signed-out";
const wrongCredentials = "Forkert e-mail eller adgangskode.";

const ane: SeedUser = {
  email: "ane@example.dk",
  name: "Ane Jensen",
  password: "korrekt hest batteri",
};
const bo: SeedUser = {
  email: "Bo@Example.dk",
  name: "Bo Hansen",
  password: "en helt anden",
  sub: "bo-1",
};
const users = [ane, bo];
const clients: ClientRegistration[] = [
  {
    clientId: "collector",
    clientSecret: "collector-secret",
    redirectUris: [redirectUri],
    postLogoutRedirectUris: [postLogoutRedirectUri],
  },
  {
    clientId: "post-client",
    clientSecret: "post-secret",
    redirectUris: [redirectUri],
    tokenEndpointAuthMethod: "client_secret_post",
  },
];

// openid-client defaults to client_secret_post when given a secret; "collector" is registered
// with client_secret_basic, so the method is named.
function discover(
  provider: IdentityProvider,
  clientAuth = client.ClientSecretBasic("collector-secret"),
) {
  return client.discovery(new URL(provider.issuer), "collector", undefined, clientAuth, {
    execute: [client.allowInsecureRequests],
  });
}

interface AuthorizationRequest {
  readonly url: string;
  readonly verifier: string;
  readonly state: string;
  readonly nonce: string;
}

async function authorizationRequest(
  config: client.Configuration,
  overrides: Record<string, string> = {},
): Promise<AuthorizationRequest> {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
    ...overrides,
  });
  return { url: url.href, verifier, state, nonce };
}

interface LoginPage {
  readonly url: string;
  readonly action: string;
  readonly uid: string;
  readonly html: string;
  readonly response: Response;
}

function expectLoginPage(landing: Landing): LoginPage {
  if (landing.kind !== "page") {
    throw new Error(`Expected the login form, got a redirect to ${landing.url.href}`);
  }
  const action = /<form method="post" action="([^"]+)">/.exec(landing.html)?.[1];
  const uid = /<input type="hidden" name="uid" value="([^"]+)">/.exec(landing.html)?.[1];
  if (landing.status !== 200 || action === undefined || uid === undefined) {
    throw new Error(
      `Expected the login form, got ${landing.status}: ${landing.html.slice(0, 400)}`,
    );
  }
  return {
    url: landing.url,
    action: new URL(action, landing.url).href,
    uid,
    html: landing.html,
    response: landing.response,
  };
}

function expectCallback(landing: Landing): URL {
  if (landing.kind !== "redirect") {
    throw new Error(
      `Expected a redirect to ${redirectUri}, got page ${landing.status} ${landing.url}: ${landing.html.slice(0, 400)}`,
    );
  }
  return landing.url;
}

function postLogin(
  browser: Browser,
  page: LoginPage,
  fields: { email: string; password: string; uid?: string },
  headers: Record<string, string> = {},
): Promise<Response> {
  const body = new URLSearchParams({
    uid: fields.uid ?? page.uid,
    email: fields.email,
    password: fields.password,
  });
  return browser.request(page.action, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body,
  });
}

async function logIn(browser: Browser, config: client.Configuration, user: SeedUser) {
  const request = await authorizationRequest(config);
  const page = expectLoginPage(await browser.follow(request.url, redirectUri));
  const response = await postLogin(browser, page, user);
  const callback = expectCallback(await browser.followResponse(response, page.action, redirectUri));
  return { request, callback };
}

function exchange(config: client.Configuration, callback: URL, request: AuthorizationRequest) {
  return client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: request.verifier,
    expectedState: request.state,
    expectedNonce: request.nonce,
    idTokenExpected: true,
  });
}

async function waitFor<T>(
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result !== undefined) return result;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

let idp: IdentityProvider;
let config: client.Configuration;
const consoleCalls: string[] = [];

beforeAll(async () => {
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleCalls.push(`console.${method}: ${args.map(String).join(" ")}`);
    });
  }
  idp = await startIdentityProvider({ users, clients });
  config = await discover(idp);
}, 30_000);

afterAll(async () => {
  await idp.close();
  vi.restoreAllMocks();
});

describe("the entry", () => {
  it("exports only startIdentityProvider at run time", () => {
    expect(Object.keys(entry).sort()).toEqual(["startIdentityProvider"]);
  });
});

describe("discovery", () => {
  it("advertises the code flow with S256 PKCE, RS256 ID tokens and the end-session endpoint", () => {
    const metadata = config.serverMetadata();
    expect(idp.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(metadata.issuer).toBe(idp.issuer);
    expect(metadata.response_types_supported).toEqual(["code"]);
    expect(metadata.code_challenge_methods_supported).toEqual(["S256"]);
    expect(metadata.id_token_signing_alg_values_supported).toEqual(["RS256"]);
    expect(metadata.token_endpoint_auth_methods_supported).toEqual(
      expect.arrayContaining(["client_secret_basic", "client_secret_post"]),
    );
    expect(metadata.scopes_supported).toEqual(
      expect.arrayContaining(["openid", "email", "profile"]),
    );
    expect(metadata.end_session_endpoint).toBe(`${idp.issuer}/session/end`);
  });
});

describe("login as a relying party", () => {
  it("logs in with the password and gives an RS256 ID token with e-mail, name and email_verified", async () => {
    const browser = createBrowser();
    const { request, callback } = await logIn(browser, config, ane);
    expect(callback.searchParams.get("state")).toBe(request.state);
    expect(callback.searchParams.get("code")).toEqual(expect.any(String));

    const tokens = await exchange(config, callback, request);
    const claims = tokens.claims();
    expect(claims).toMatchObject({
      iss: idp.issuer,
      aud: "collector",
      email: ane.email,
      email_verified: true,
      name: ane.name,
      nonce: request.nonce,
    });
    const header = JSON.parse(
      Buffer.from(tokens.id_token?.split(".")[0] ?? "", "base64url").toString(),
    );
    expect(header.alg).toBe("RS256");
    // The provider's cookies have their own names, apart from whatever the collector sets.
    expect(browser.cookieNames()).toContain("klynge_idp_session");
    expect(browser.cookieNames().every((name) => name.startsWith("klynge_idp_"))).toBe(true);
  });

  it("matches the e-mail case-insensitively and uses a given sub", async () => {
    const { request, callback } = await logIn(createBrowser(), config, {
      ...bo,
      email: " bo@example.DK ",
    });
    const claims = (await exchange(config, callback, request)).claims();
    expect(claims).toMatchObject({ sub: "bo-1", email: "Bo@Example.dk", name: "Bo Hansen" });
  });

  it("derives the same sub from the e-mail after a restart", async () => {
    const first = await exchangeOnce(idp, config);
    const other = await startIdentityProvider({ users, clients });
    try {
      const second = await exchangeOnce(other, await discover(other));
      expect(second.sub).toBe(first.sub);
      expect(second.sub).not.toContain("@");
    } finally {
      await other.close();
    }

    async function exchangeOnce(provider: IdentityProvider, configuration: client.Configuration) {
      const { request, callback } = await logIn(createBrowser(), configuration, ane);
      expect(new URL(callback).searchParams.get("iss")).toBe(provider.issuer);
      return (await exchange(configuration, callback, request)).claims() ?? { sub: "" };
    }
  }, 20_000);

  it("accepts client_secret_post for a client registered with it", async () => {
    const postConfig = await client.discovery(
      new URL(idp.issuer),
      "post-client",
      undefined,
      client.ClientSecretPost("post-secret"),
      { execute: [client.allowInsecureRequests] },
    );
    const { request, callback } = await logIn(createBrowser(), postConfig, ane);
    expect((await exchange(postConfig, callback, request)).claims()?.email).toBe(ane.email);
  });

  it("refuses a wrong client secret at the token endpoint", async () => {
    const { request, callback } = await logIn(createBrowser(), config, ane);
    const wrong = await discover(idp, client.ClientSecretBasic("not-the-secret"));
    await expect(exchange(wrong, callback, request)).rejects.toMatchObject({
      status: 401,
      cause: [{ parameters: { error: "invalid_client" } }],
    });
  });
});

describe("wrong credentials", () => {
  it("shows the form again with one message for a wrong password and for an unknown e-mail", async () => {
    const browser = createBrowser();
    const request = await authorizationRequest(config);
    const page = expectLoginPage(await browser.follow(request.url, redirectUri));
    expect(page.html).not.toContain(wrongCredentials);

    const wrongPassword = await postLogin(browser, page, { email: ane.email, password: "forkert" });
    const wrongPasswordHtml = await wrongPassword.text();
    expect(wrongPassword.status).toBe(200);
    expect(wrongPassword.headers.get("location")).toBeNull();
    expect(wrongPasswordHtml).toContain(wrongCredentials);
    expect(wrongPasswordHtml).toContain("Wrong e-mail or password.");
    expect(wrongPasswordHtml).toContain('autocomplete="current-password"');

    const unknown = await postLogin(browser, page, {
      email: "ukendt@example.dk",
      password: ane.password,
    });
    const unknownHtml = await unknown.text();
    expect(unknown.status).toBe(200);
    expect(unknown.headers.get("location")).toBeNull();
    // Nothing but the echoed e-mail tells the two refusals apart.
    expect(unknownHtml.replace("ukendt@example.dk", ane.email)).toBe(wrongPasswordHtml);

    // The interaction is still open: the right password then finishes it.
    const right = await postLogin(browser, page, ane);
    const callback = expectCallback(await browser.followResponse(right, page.action, redirectUri));
    expect(callback.searchParams.get("code")).toEqual(expect.any(String));
  });

  it("escapes the echoed e-mail", async () => {
    const browser = createBrowser();
    const page = expectLoginPage(
      await browser.follow((await authorizationRequest(config)).url, redirectUri),
    );
    const response = await postLogin(browser, page, {
      email: '"><script>x()</script>',
      password: "x",
    });
    const html = await response.text();
    expect(html).not.toContain("<script>");
    expect(html).toContain("&quot;&gt;&lt;script&gt;");
  });
});

describe("refused authorization requests", () => {
  it("refuses a request without PKCE at the redirect URI, with no code", async () => {
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: "openid email profile",
      state: "s1",
      nonce: "n1",
    });
    const landing = await createBrowser().follow(url.href, redirectUri);
    const callback = expectCallback(landing);
    expect(callback.searchParams.get("error")).toBe("invalid_request");
    expect(callback.searchParams.get("error_description")).toMatch(/PKCE/);
    expect(callback.searchParams.get("code")).toBeNull();
  });

  it("refuses the plain PKCE method", async () => {
    const request = await authorizationRequest(config, { code_challenge_method: "plain" });
    const callback = expectCallback(await createBrowser().follow(request.url, redirectUri));
    expect(callback.searchParams.get("error")).toBe("invalid_request");
    expect(callback.searchParams.get("code")).toBeNull();
  });

  it("refuses an unknown redirect_uri on its own page, never redirecting there", async () => {
    const request = await authorizationRequest(config, {
      redirect_uri: "http://evil.example/callback",
    });
    const landing = await createBrowser().follow(request.url, "http://evil.example");
    expect(landing.kind).toBe("page");
    if (landing.kind !== "page") return;
    expect(landing.status).toBe(400);
    expect(landing.html).toContain("invalid_redirect_uri");
    expect(landing.html).toContain("Forespørgslen blev afvist.");
  });

  it("refuses an unknown client", async () => {
    const request = await authorizationRequest(config, { client_id: "stranger" });
    const landing = await createBrowser().follow(request.url, redirectUri);
    expect(landing.kind).toBe("page");
    if (landing.kind === "page") expect(landing.html).toContain("invalid_client");
  });
});

describe("the login form's POST", () => {
  async function openForm() {
    const browser = createBrowser();
    const page = expectLoginPage(
      await browser.follow((await authorizationRequest(config)).url, redirectUri),
    );
    return { browser, page };
  }

  it("refuses a form sent from another site or another port of this host", async () => {
    const { browser, page } = await openForm();
    for (const headers of [
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site", origin: "http://127.0.0.1:3000" },
      { origin: "http://evil.example" },
    ]) {
      const response = await postLogin(browser, page, ane, headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(response.headers.get("location")).toBeNull();
      await response.body?.cancel();
    }
    // A same-origin browser POST (Origin: null under Referrer-Policy: no-referrer) goes through.
    const same = await postLogin(browser, page, ane, {
      "sec-fetch-site": "same-origin",
      origin: "null",
    });
    expect(same.status).toBe(303);
  });

  it("refuses a POST without the interaction cookie or with another uid", async () => {
    const { browser, page } = await openForm();
    const stranger = createBrowser();
    const noCookie = await postLogin(stranger, page, ane);
    expect(noCookie.status).toBe(400);
    expect(await noCookie.text()).toContain("udløbet eller ugyldig");

    const otherUid = await postLogin(browser, page, { ...ane, uid: "someone-else" });
    expect(otherUid.status).toBe(400);
    await otherUid.body?.cancel();
  });

  it("refuses an oversized form (413) and another content type (415)", async () => {
    const { browser, page } = await openForm();
    const big = await postLogin(browser, page, { email: ane.email, password: "x".repeat(10_000) });
    expect(big.status).toBe(413);
    await big.body?.cancel();

    const json = await browser.request(page.action, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ uid: page.uid, email: ane.email, password: ane.password }),
    });
    expect(json.status).toBe(415);
    await json.body?.cancel();

    // Neither refusal used up the interaction.
    expect((await postLogin(browser, page, ane)).status).toBe(303);
  });
});

describe("the login page", () => {
  it("sends the security headers, and its CSP allows exactly its own stylesheet", async () => {
    const page = expectLoginPage(
      await createBrowser().follow((await authorizationRequest(config)).url, redirectUri),
    );
    const headers = page.response.headers;
    const csp = headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`form-action 'self' http://localhost:3000`);
    expect(csp).not.toContain("unsafe-inline");
    const style = /<style>([\s\S]*?)<\/style>/.exec(page.html)?.[1] ?? "";
    const hash = createHash("sha256").update(style).digest("base64");
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(page.html).not.toContain("<script");
    expect(page.html).not.toMatch(/ style="/);

    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("referrer-policy")).toBe("no-referrer");
    expect(headers.get("cache-control")).toBe("no-store");
    expect(headers.get("content-type")).toBe("text/html; charset=utf-8");
  });

  it("is Danish first, with English beside it, labelled fields and autocomplete", async () => {
    const { html } = expectLoginPage(
      await createBrowser().follow((await authorizationRequest(config)).url, redirectUri),
    );
    expect(html).toContain('<html lang="da">');
    expect(html).toMatch(/<h1>Log ind <span class="en" lang="en">Sign in<\/span><\/h1>/);
    expect(html).toContain('<label for="email">E-mail</label>');
    expect(html).toMatch(
      /<label for="password">Adgangskode <span class="en" lang="en">Password<\/span><\/label>/,
    );
    expect(html).toMatch(/<input id="email" name="email" type="email" autocomplete="username"/);
    expect(html).toMatch(
      /<input id="password" name="password" type="password" autocomplete="current-password"/,
    );
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<button type="submit">');
  });
});

describe("sessions", () => {
  it("signs in again without the form while the session lasts, and asks again after RP-initiated logout", async () => {
    const browser = createBrowser();
    const { request, callback } = await logIn(browser, config, ane);
    const tokens = await exchange(config, callback, request);

    // Single sign-on: the provider's session answers a new request without the form.
    const again = await authorizationRequest(config);
    expectCallback(await browser.follow(again.url, redirectUri));

    const endSession = client.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token ?? "",
      post_logout_redirect_uri: postLogoutRedirectUri,
      state: "logout-state",
    });
    const confirm = await browser.follow(endSession.href, postLogoutRedirectUri);
    if (confirm.kind !== "page")
      throw new Error(`Expected the logout page, got ${confirm.url.href}`);
    expect(confirm.html).toContain("Vil du logge ud?");
    expect(confirm.response.headers.get("content-security-policy")).toContain("script-src 'none'");
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)">/.exec(
      confirm.html,
    )?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.html)?.[1];
    expect(action).toBe(`${idp.issuer}/session/end/confirm`);

    const loggedOut = await browser.request(action ?? "", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ xsrf: xsrf ?? "", logout: "yes" }),
    });
    const back = await browser.followResponse(loggedOut, action ?? "", postLogoutRedirectUri);
    if (back.kind !== "redirect") throw new Error(`Expected a redirect back, got ${back.status}`);
    expect(back.url.searchParams.get("state")).toBe("logout-state");

    const afterLogout = await authorizationRequest(config);
    expectLoginPage(await browser.follow(afterLogout.url, redirectUri));
  });

  it("shows the Danish sign-out page when the client gives no post_logout_redirect_uri", async () => {
    const browser = createBrowser();
    const { request, callback } = await logIn(browser, config, ane);
    const tokens = await exchange(config, callback, request);
    const confirm = await browser.follow(
      client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token ?? "" }).href,
      postLogoutRedirectUri,
    );
    if (confirm.kind !== "page") throw new Error("Expected the logout page");
    const action = /action="([^"]+)"/.exec(confirm.html)?.[1] ?? "";
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.html)?.[1] ?? "";
    const done = await browser.followResponse(
      await browser.request(action, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ xsrf, logout: "yes" }),
      }),
      action,
      postLogoutRedirectUri,
    );
    if (done.kind !== "page") throw new Error("Expected the sign-out page");
    expect(done.html).toContain("Du er logget ud.");
    expect(done.html).toContain("You are signed out.");
  });

  it("allows exactly the provider's own inline script on its auto-submitting logout page", async () => {
    // Without a session, the end-session endpoint answers with a self-submitting form (form_post).
    const landing = await createBrowser().follow(
      client.buildEndSessionUrl(config, { client_id: "collector" }).href,
      postLogoutRedirectUri,
    );
    if (landing.kind !== "page") throw new Error("Expected the self-submitting page");
    const script = /<script>([\s\S]*?)<\/script>/.exec(landing.html)?.[1] ?? "";
    expect(script).toContain("submit()");
    const hash = createHash("sha256").update(script).digest("base64");
    const csp = landing.response.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(
      new RegExp(`(^|; )script-src 'sha256-${hash.replace(/[+/]/g, "\\$&")}'(;|$)`),
    );
  });

  it("ends the provider's session sessionTtlSeconds after the login, even while it is being used", async () => {
    const ttlSeconds = 4;
    const short = await startIdentityProvider({ users, clients, sessionTtlSeconds: ttlSeconds });
    try {
      const shortConfig = await discover(short);
      const browser = createBrowser();
      const request = await authorizationRequest(shortConfig);
      const page = expectLoginPage(await browser.follow(request.url, redirectUri));
      const loginStarted = Date.now();
      const response = await postLogin(browser, page, ane);
      expectCallback(await browser.followResponse(response, page.action, redirectUri));

      // Right after the login the session answers without the form ...
      expectCallback(
        await browser.follow((await authorizationRequest(shortConfig)).url, redirectUri),
      );
      // ... and each request that uses it does not renew it: the form comes back on time.
      await waitFor(
        async () => {
          const landing = await browser.follow(
            (await authorizationRequest(shortConfig)).url,
            redirectUri,
          );
          return landing.kind === "page" ? expectLoginPage(landing) : undefined;
        },
        20_000,
        "the login form after the session expired",
      );
      // Expiry times are whole seconds (the session's exp, the cookie's expires): at least ttl - 1 s.
      expect(Date.now() - loginStarted).toBeGreaterThanOrEqual((ttlSeconds - 1) * 1000);
    } finally {
      await short.close();
    }
  }, 30_000);
});

describe("startIdentityProvider", () => {
  it("refuses options that cannot work, saying how to fix them", async () => {
    await expect(startIdentityProvider({ users, clients, sessionTtlSeconds: 0 })).rejects.toThrow(
      /sessionTtlSeconds/,
    );
    await expect(startIdentityProvider({ users, clients: [] })).rejects.toThrow(
      /at least one client/,
    );
    await expect(
      startIdentityProvider({ users: [ane, { ...ane, email: "ANE@example.dk" }], clients }),
    ).rejects.toThrow(/seeded twice/);
  }, 20_000);

  it("closes promptly while a connection is in the middle of a request", async () => {
    const other = await startIdentityProvider({ users, clients });
    const { hostname, port } = new URL(other.issuer);
    const socket = connect(Number(port), hostname);
    await once(socket, "connect");
    // Headers without their final blank line: the server waits for the rest (headersTimeout).
    socket.write(`GET /.well-known/openid-configuration HTTP/1.1\r\nHost: ${hostname}\r\n`);
    // close() destroys the socket: the reset it sees is the expected outcome, not an error.
    socket.on("error", () => {});
    const socketClosed = new Promise((resolve) => socket.once("close", resolve));
    await other.close();
    await socketClosed;
    await expect(fetch(`${other.issuer}/.well-known/openid-configuration`)).rejects.toThrow();
  }, 20_000);
});

describe("the console", () => {
  // oidc-provider prints each of its notices once per process, so the spies are installed before
  // the first provider starts (beforeAll above) and this test, the last, reads what they saw.
  it("stays silent through login, a failed login, userinfo and logout", async () => {
    const browser = createBrowser();
    const request = await authorizationRequest(config);
    const page = expectLoginPage(await browser.follow(request.url, redirectUri));
    await (await postLogin(browser, page, { email: ane.email, password: "forkert" })).text();
    const response = await postLogin(browser, page, ane);
    const callback = expectCallback(
      await browser.followResponse(response, page.action, redirectUri),
    );
    const tokens = await exchange(config, callback, request);
    const userinfo = await client.fetchUserInfo(
      config,
      tokens.access_token,
      tokens.claims()?.sub ?? "",
    );
    expect(userinfo.email).toBe(ane.email);
    const logout = await browser.follow(
      client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token ?? "" }).href,
      postLogoutRedirectUri,
    );
    expect(logout.kind).toBe("page");
    expect(consoleCalls).toEqual([]);
  });
});
