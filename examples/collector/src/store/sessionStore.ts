import { createHash, randomBytes } from "node:crypto";
import type { Database } from "../database.js";

/** The cookie's value is random; only its hash is stored, so the table signs no one in. */
export const hashToken = (token: string): string =>
  createHash("sha256").update(token).digest("hex");

export const newToken = (): string => randomBytes(32).toString("base64url");

export interface SignInAttempt {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** Where to go after signing in: a path on this site. */
  readonly next: string;
}

/** Staff sessions and sign-in attempts, in the database so that several collectors share them. */
export function createSessionStore(db: Database) {
  return {
    async createSession(
      staffId: string,
      hours: number,
    ): Promise<{ token: string; expiresAt: Date }> {
      const token = newToken();
      const [row] = await db.query<{ expires_at: Date }>(
        `insert into sessions (token_hash, staff_id, expires_at)
         values ($1, $2, now() + make_interval(secs => $3)) returning expires_at`,
        [hashToken(token), staffId, Math.round(hours * 3600)],
      );
      return { token, expiresAt: new Date(row?.expires_at ?? 0) };
    },

    /** The session's staff id and expiry, when the token names a session that has not expired. */
    async readSession(token: string): Promise<{ staffId: string; expiresAt: Date } | undefined> {
      const [row] = await db.query<{ staff_id: string; expires_at: Date }>(
        "select staff_id, expires_at from sessions where token_hash = $1 and expires_at > now()",
        [hashToken(token)],
      );
      return row === undefined
        ? undefined
        : { staffId: row.staff_id, expiresAt: new Date(row.expires_at) };
    },

    async deleteSession(token: string): Promise<void> {
      await db.query("delete from sessions where token_hash = $1", [hashToken(token)]);
    },

    async createAttempt(attempt: SignInAttempt, minutes: number): Promise<string> {
      const id = newToken();
      await db.query(
        `insert into sign_in_attempts (id_hash, state, nonce, code_verifier, next, expires_at)
         values ($1, $2, $3, $4, $5, now() + make_interval(mins => $6))`,
        [hashToken(id), attempt.state, attempt.nonce, attempt.codeVerifier, attempt.next, minutes],
      );
      return id;
    },

    /** Reads and deletes the attempt: a callback can be used once. */
    async takeAttempt(id: string): Promise<SignInAttempt | undefined> {
      const [row] = await db.query<{
        state: string;
        nonce: string;
        code_verifier: string;
        next: string;
      }>(
        `delete from sign_in_attempts where id_hash = $1 and expires_at > now()
         returning state, nonce, code_verifier, next`,
        [hashToken(id)],
      );
      return row === undefined
        ? undefined
        : { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, next: row.next };
    },

    async deleteExpired(): Promise<void> {
      await db.query("delete from sessions where expires_at <= now()");
      await db.query("delete from sign_in_attempts where expires_at <= now()");
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
