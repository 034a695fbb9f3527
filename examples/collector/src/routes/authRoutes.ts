import type { SessionInfo } from "@klynge/engine/contract";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import * as oidc from "openid-client";
import type { CollectorConfig } from "../config.js";
import { defineRoute, type RoutingServices } from "../plugins/routing.js";
import type { SessionStore } from "../store/sessionStore.js";

/** Why a sign-in did not go through, as the staff pages explain it (`?login=…`). */
export type SignInProblem =
  /** The e-mail is not registered as staff (or is bound to another identity). */
  | "not-staff"
  /** The e-mail's domain is not on the allowed list, or the provider has not verified it. */
  | "domain"
  /** The sign-in was cancelled, took too long, or was opened in another browser. */
  | "interrupted"
  /** The identity provider could not be reached or answered wrongly. */
  | "provider";

const attemptMinutes = 10;
const defaultNext = "/coordinator/";

/** A path on this site to go to after signing in; anything else becomes the staff pages. */
function safeNext(next: string | undefined): string {
  if (next === undefined || !next.startsWith("/") || next.startsWith("//")) return defaultNext;
  // No backslash (read as a slash by browsers), whitespace or control character.
  if ([...next].some((c) => c === "\\" || c.charCodeAt(0) < 0x21)) return defaultNext;
  return next;
}

/**
 * Staff sign-in with OpenID Connect (authorization code + PKCE, openid-client): `/auth/login`
 * sends the browser to the provider, `/auth/callback` checks what comes back, finds the staff
 * member by the verified e-mail (their subject bound at the first sign-in) and starts a session.
 * No token reaches a URL, a log or the database: the provider's tokens are dropped after the
 * ID token is checked; the session cookie's token is stored only as a hash.
 */
export function authRoutes(
  app: FastifyInstance,
  services: RoutingServices & { readonly sessions: SessionStore },
  config: CollectorConfig,
): void {
  const callbackUrl = `${config.publicUrl}/auth/callback`;
  const attemptCookie = config.publicUrl.startsWith("https:")
    ? "__Host-klynge_signin"
    : "klynge_signin";
  const attemptCookieOptions = {
    httpOnly: true,
    sameSite: "lax",
    secure: config.publicUrl.startsWith("https:"),
    path: "/",
  } as const;

  let discovered: Promise<oidc.Configuration> | undefined;
  /** The provider's configuration, read once; a failed read is tried again at the next sign-in. */
  function provider(): Promise<oidc.Configuration> {
    discovered ??= oidc
      .discovery(
        new URL(config.oidc.issuer),
        config.oidc.clientId,
        undefined,
        oidc.ClientSecretBasic(config.oidc.clientSecret),
        config.oidc.issuer.startsWith("http:") ? { execute: [oidc.allowInsecureRequests] } : {},
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  }

  function problem(reply: FastifyReply, reason: SignInProblem): FastifyReply {
    reply.clearCookie(attemptCookie, attemptCookieOptions);
    return reply.redirect(`${defaultNext}?login=${reason}`, 303);
  }

  defineRoute(
    app,
    services,
    "signIn",
    async (request, reply) => {
      const next = safeNext((request.query as { next?: string }).next);
      let configuration: oidc.Configuration;
      try {
        configuration = await provider();
      } catch (error) {
        request.log.warn({ message: (error as Error).message }, "identity provider unreachable");
        return problem(reply, "provider");
      }
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const id = await services.sessions.createAttempt(
        { state, nonce, codeVerifier, next },
        attemptMinutes,
      );
      reply.setCookie(attemptCookie, id, { ...attemptCookieOptions, maxAge: attemptMinutes * 60 });
      const url = oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: callbackUrl,
        scope: "openid email profile",
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
        state,
        nonce,
      });
      return reply.redirect(url.href, 303);
    },
    { perMinute: 30 },
  );

  defineRoute(
    app,
    services,
    "signInCallback",
    async (request, reply) => {
      const attemptId = request.cookies[attemptCookie];
      const attempt =
        attemptId === undefined ? undefined : await services.sessions.takeAttempt(attemptId);
      if (attempt === undefined) return problem(reply, "interrupted");
      if ((request.query as Record<string, string>).error !== undefined) {
        return problem(reply, "interrupted");
      }
      let claims: oidc.IDToken | undefined;
      try {
        const configuration = await provider();
        const tokens = await oidc.authorizationCodeGrant(
          configuration,
          new URL(request.url, config.publicUrl),
          {
            pkceCodeVerifier: attempt.codeVerifier,
            expectedState: attempt.state,
            expectedNonce: attempt.nonce,
            idTokenExpected: true,
          },
        );
        claims = tokens.claims();
      } catch (error) {
        // The message only: openid-client's errors can carry the response, never log that.
        request.log.warn({ message: (error as Error).message }, "sign-in refused");
        return problem(reply, "provider");
      }
      const email = typeof claims?.email === "string" ? claims.email.trim().toLowerCase() : "";
      const domain = email.split("@")[1] ?? "";
      const domains = config.oidc.allowedEmailDomains;
      if (
        claims === undefined ||
        email === "" ||
        claims.email_verified !== true ||
        (domains.length > 0 && !domains.includes(domain))
      ) {
        return problem(reply, "domain");
      }
      const name = typeof claims.name === "string" ? claims.name : email;
      const staff = await services.clusters.staffForSignIn(
        email,
        `${claims.iss}|${claims.sub}`,
        name,
      );
      if (staff === undefined) {
        await services.audit.record({
          actor: { id: null, name, email },
          action: "sign_in",
          outcome: "refused",
        });
        return problem(reply, "not-staff");
      }
      const session = await services.sessions.createSession(staff.id, config.sessionHours);
      await services.audit.record({ actor: staff, action: "sign_in", outcome: "ok" });
      reply.clearCookie(attemptCookie, attemptCookieOptions);
      app.sessionCookie.set(reply, session.token, session.expiresAt);
      return reply.redirect(attempt.next, 303);
    },
    { perMinute: 30 },
  );

  defineRoute(app, services, "signOut", async (request: FastifyRequest, reply) => {
    const signedIn = await request.signedIn();
    let redirectTo = `${defaultNext}?login=signed-out`;
    if (signedIn !== null) {
      await services.sessions.deleteSession(signedIn.token);
      await services.audit.record({ actor: signedIn.staff, action: "sign_out", outcome: "ok" });
      try {
        const configuration = await provider();
        if (configuration.serverMetadata().end_session_endpoint !== undefined) {
          redirectTo = oidc.buildEndSessionUrl(configuration, {
            client_id: config.oidc.clientId,
            post_logout_redirect_uri: `${config.publicUrl}${redirectTo}`,
          }).href;
        }
      } catch {
        // Signed out here; the provider's own session ends when it expires.
      }
    }
    app.sessionCookie.clear(reply);
    return { redirectTo };
  });

  defineRoute(app, services, "session", async (request, reply): Promise<SessionInfo> => {
    const signedIn = await request.signedIn();
    reply.header("cache-control", "no-store");
    if (signedIn === null) return { user: null };
    return {
      user: signedIn.staff,
      memberships: [...signedIn.memberships],
      csrfToken: reply.generateCsrf({ userInfo: signedIn.tokenHash }),
      expiresAt: signedIn.expiresAt.toISOString(),
    };
  });
}
