import type { Database } from "./database.js";
import type { ReportMaker } from "./reports.js";
import type { AuditStore } from "./store/auditStore.js";
import type { RoundStore } from "./store/roundStore.js";
import type { SessionStore } from "./store/sessionStore.js";

export interface RetentionOptions {
  readonly db: Database;
  readonly rounds: RoundStore;
  readonly reports: ReportMaker;
  readonly audit: AuditStore;
  readonly sessions: SessionStore;
}

/**
 * Deletes the raw answers of rounds closed longer ago than their cluster keeps them (the
 * round's suppressed report stays), and expired sessions. Several collectors may run it: an
 * advisory lock lets one at a time work. Returns the rounds it archived.
 */
export async function applyRetention(options: RetentionOptions): Promise<string[]> {
  const { db, rounds, reports, audit } = options;
  // The lock is held by this transaction (one connection) while the work runs on others.
  return db.transaction(async (query) => {
    const [lock] = await query<{ locked: boolean }>(
      "select pg_try_advisory_xact_lock(4243) as locked",
    );
    if (lock?.locked !== true) return [];
    await options.sessions.deleteExpired();
    const archived: string[] = [];
    for (const id of await rounds.roundsDueForDeletion()) {
      const found = await rounds.readRound(id);
      if (found === undefined || found.rawDeletedOn !== null) continue;
      const deleted = await reports.archive(found);
      await audit.record({
        actor: "system",
        action: "responses_deleted",
        clusterId: found.clusterId,
        target: `${id}: ${deleted} svar slettet (opbevaringstid udløbet)`,
        outcome: "ok",
      });
      archived.push(id);
    }
    return archived;
  });
}
