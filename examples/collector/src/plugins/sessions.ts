import cookie from "@fastify/cookie";
import csrf from "@fastify/csrf-protection";
import type { Membership, Staff } from "@klynge/engine/contract";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { ClusterStore } from "../store/clusterStore.js";
import { hashToken, type SessionStore } from "../store/sessionStore.js";

export interface SignedIn {
  readonly staff: Staff;
  readonly memberships: readonly Membership[];
  readonly expiresAt: Date;
  /** Binds the CSRF token to this session. */
  readonly tokenHash: string;
  readonly token: string;
}

export interface SessionsOptions {
  readonly sessions: SessionStore;
  readonly clusters: ClusterStore;
  readonly secret: string;
  /** Cookies `Secure` and `__Host-` prefixed (HTTPS). */
  readonly secure: boolean;
}

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in staff member, read from the database once per request; null when none. */
    signedIn(): Promise<SignedIn | null>;
  }
  interface FastifyInstance {
    sessionCookie: {
      readonly name: string;
      set(reply: FastifyReply, token: string, expiresAt: Date): void;
      clear(reply: FastifyReply): void;
    };
    /**
     * A preHandler: a request with a session must carry its CSRF token (`x-csrf-token`), else it
     * is refused with `csrf`; a request without a session passes (it can change nothing).
     */
    csrfCheck(request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void): void;
  }
}

const cache = new WeakMap<FastifyRequest, Promise<SignedIn | null>>();

/**
 * Staff sessions: a random token in an HttpOnly, SameSite=Lax cookie (Secure and `__Host-` over
 * HTTPS); the database keeps its hash, the staff member and the expiry, so any collector process
 * can read it. CSRF: a token bound to the session (@fastify/csrf-protection, its secret in its
 * own cookie), sent as `x-csrf-token` on every state-changing request.
 */
export const sessionsPlugin = fp(async (app: FastifyInstance, options: SessionsOptions) => {
  const prefix = options.secure ? "__Host-" : "";
  const name = `${prefix}klynge_session`;
  const base = { httpOnly: true, sameSite: "lax", secure: options.secure, path: "/" } as const;
  await app.register(cookie);
  await app.register(csrf, {
    sessionPlugin: "@fastify/cookie",
    cookieKey: `${prefix}klynge_csrf`,
    cookieOpts: base,
    getUserInfo: (request) => (request as FastifyRequest & { csrfUser?: string }).csrfUser ?? "",
    csrfOpts: { hmacKey: options.secret },
  });

  app.decorate("sessionCookie", {
    name,
    set(reply: FastifyReply, token: string, expiresAt: Date) {
      reply.setCookie(name, token, { ...base, expires: expiresAt });
    },
    clear(reply: FastifyReply) {
      reply.clearCookie(name, base);
    },
  });

  app.decorateRequest("signedIn", function signedIn(this: FastifyRequest) {
    let found = cache.get(this);
    if (found === undefined) {
      found = readSignedIn(this.cookies[name], options);
      cache.set(this, found);
    }
    return found;
  });

  app.decorate(
    "csrfCheck",
    (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
      request.signedIn().then((signedIn) => {
        if (signedIn === null) return done();
        (request as FastifyRequest & { csrfUser?: string }).csrfUser = signedIn.tokenHash;
        // Calls done when the token is right; sends its 403 (mapped to `csrf`) when not.
        app.csrfProtection(request, reply, done);
      }, done);
    },
  );
});

async function readSignedIn(
  token: string | undefined,
  options: SessionsOptions,
): Promise<SignedIn | null> {
  if (token === undefined || token.length < 20 || token.length > 100) return null;
  const session = await options.sessions.readSession(token);
  if (session === undefined) return null;
  const staff = await options.clusters.staffById(session.staffId);
  if (staff === undefined) return null;
  return {
    staff,
    memberships: await options.clusters.memberships(staff.id),
    expiresAt: session.expiresAt,
    tokenHash: hashToken(token),
    token,
  };
}
