import { randomBytes } from "node:crypto";
import type { Database } from "./database.js";

/** The tables rewritten in a random physical order (response and invitation ids as keys). */
const shuffled = ["responses", "invitations"] as const;

/**
 * Wipes what PostgreSQL's own bookkeeping says about which response spent which invitation.
 *
 * A response and the invitation it spent are written by one transaction: until this runs, both
 * rows carry that transaction's id (`xmin`), the invitation's old row version carries it as
 * `xmax`, and the rows lie in the heap in the order they arrived. Here, for every round whose
 * responses, invitations or meeting keys were written since its last scramble (a row whose
 * `xmin` is not the round's own):
 * 1. one transaction rewrites all their rows and the round's, so they share one `xmin`;
 * 2. each table is rewritten (CLUSTER) in the order of a salted hash of its ids — random, and
 *    unrelated to arrival even if a client chose time-ordered ids; the old files, with the old
 *    row versions, are deleted;
 * 3. VACUUM cleans up what is left (the other tables' old row versions) and refreshes statistics.
 * One collector at a time (an advisory lock); returns the rounds scrambled.
 */
export async function scrambleRows(db: Database): Promise<string[]> {
  // The lock is held by this transaction (one connection) while the work runs on others.
  return db.transaction(async (lockQuery) => {
    const [lock] = await lockQuery<{ locked: boolean }>(
      "select pg_try_advisory_xact_lock(4244) as locked",
    );
    if (lock?.locked !== true) return [];
    const due = await db.query<{ id: string }>(
      `select r.id from rounds r
       where exists (select 1 from responses s where s.round_id = r.id and s.xmin <> r.xmin)
          or exists (select 1 from invitations i where i.round_id = r.id and i.xmin <> r.xmin)
          or exists (select 1 from meeting_keys k where k.round_id = r.id and k.xmin <> r.xmin)
       order by r.id`,
    );
    const ids = due.map((row) => row.id);
    if (ids.length === 0) return [];
    await db.transaction(async (query) => {
      // In the order a PUT's batch locks them (rounds, invitations, meeting keys, each by id),
      // so the two never wait on each other in a cycle.
      await query("select 1 from rounds where id = any($1) order by id for no key update", [ids]);
      await query("select 1 from invitations where round_id = any($1) order by id for update", [
        ids,
      ]);
      await query("select 1 from meeting_keys where round_id = any($1) order by id for update", [
        ids,
      ]);
      await query("update invitations set used = used where round_id = any($1)", [ids]);
      await query("update meeting_keys set used = used where round_id = any($1)", [ids]);
      await query("update responses set canonical = canonical where round_id = any($1)", [ids]);
      await query("update rounds set open_link = open_link where id = any($1)", [ids]);
    });
    for (const table of shuffled) {
      const salt = randomBytes(16).toString("hex");
      await db.transaction(async (query) => {
        await query(`lock table ${table} in access exclusive mode`);
        await query(`create index ${table}_scramble on ${table} (md5(id::text || '${salt}'))`);
        await query(`cluster ${table} using ${table}_scramble`);
        await query(`drop index ${table}_scramble`);
      });
    }
    await db.query("vacuum (analyze) responses, invitations, meeting_keys, rounds");
    return ids;
  });
}
