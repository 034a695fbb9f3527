import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { Database } from "./database.js";
import { createClusterStore } from "./store/clusterStore.js";
import { createSessionStore } from "./store/sessionStore.js";

/** Calls the API in-process (Fastify's inject), as a staff member or anonymously. */
export interface InProcessCaller {
  /** The staff member's e-mail, or "anonymous". */
  readonly name: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/**
 * A staff member's session made straight in the database, without the identity provider, for
 * seed scripts and tests that run beside the collector (they hold the database anyway). Every
 * request still goes through the API: the authorization table, the CSRF check, the engine.
 */
export async function inProcessCaller(
  app: FastifyInstance,
  db: Database,
  email: string,
  hours = 1,
): Promise<InProcessCaller> {
  const staff = (await createClusterStore(db).listStaff()).find((s) => s.email === email);
  if (staff === undefined) throw new Error(`inProcessCaller: ${email} is not staff.`);
  const { token } = await createSessionStore(db).createSession(staff.id, hours);
  const jar: Record<string, string> = { klynge_session: token, "__Host-klynge_session": token };
  const session = await app.inject({ method: "GET", url: "/api/session", cookies: jar });
  for (const cookie of session.cookies as { name: string; value: string }[]) {
    jar[cookie.name] = cookie.value;
  }
  const csrfToken = (session.json() as { csrfToken?: string }).csrfToken;
  if (csrfToken === undefined) throw new Error(`inProcessCaller: no session for ${email}.`);
  return {
    name: email,
    request: (options) =>
      app.inject({
        ...options,
        cookies: { ...jar, ...(options.cookies ?? {}) },
        headers: { "x-csrf-token": csrfToken, ...(options.headers ?? {}) },
      }),
  };
}
