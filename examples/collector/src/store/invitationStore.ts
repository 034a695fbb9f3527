import { randomUUID } from "node:crypto";
import type { Database } from "../database.js";

/**
 * How many members a round invited, in SQL, for the round aliased `round`: its invitations when
 * it has any, else the number given with the round, else null (unknown).
 */
export const invitedSql = (round: string): string =>
  `coalesce(nullif((select count(*)::int from invitations i where i.round_id = ${round}.id), 0), (${round}.body->>'invited')::int)`;

export interface StoredInvitation {
  readonly id: string;
  /** Null for an anonymous link. */
  readonly name: string | null;
  readonly email: string | null;
  readonly used: boolean;
  readonly mailedOn: string | null;
  readonly tokenHash: string;
}

interface InvitationRow {
  id: string;
  name: string | null;
  email: string | null;
  used: boolean;
  mailed_on: string | null;
  token_hash: string;
}

const fromRow = (row: InvitationRow): StoredInvitation => ({
  id: row.id,
  name: row.name,
  email: row.email,
  used: row.used,
  mailedOn: row.mailed_on,
  tokenHash: row.token_hash,
});

const columns =
  "id::text as id, name, email, used, to_char(mailed_on, 'YYYY-MM-DD') as mailed_on, token_hash";

/**
 * A round's invitations: whom each is for, whether it was used, the day a mail last went to it,
 * and its token's hash. Never when it was used, nor by which response (see the README's
 * anonymity section).
 */
export function createInvitationStore(db: Database) {
  return {
    /** Makes one invitation per member (a random id; the token's hash from `hashOf(id)`). */
    async create(
      roundId: string,
      members: readonly { readonly name: string | null; readonly email: string | null }[],
      hashOf: (id: string) => string,
    ): Promise<void> {
      const ids = members.map(() => randomUUID());
      await db.query(
        `insert into invitations (id, round_id, token_hash, name, email)
         select m.id, $1, m.token_hash, m.name, m.email
         from unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) as m (id, token_hash, name, email)`,
        [roundId, ids, ids.map(hashOf), members.map((m) => m.name), members.map((m) => m.email)],
      );
    },

    /** Named invitations not used first (by name), then the rest (named, then anonymous). */
    async list(roundId: string): Promise<StoredInvitation[]> {
      const rows = await db.query<InvitationRow>(
        `select ${columns} from invitations where round_id = $1
         order by (name is null or used), name nulls last, id`,
        [roundId],
      );
      return rows.map(fromRow);
    },

    /** Invitations made and used, per round (rounds without any are absent). */
    async counts(
      roundIds: readonly string[],
    ): Promise<Map<string, { invited: number; used: number }>> {
      const rows = await db.query<{ round_id: string; invited: number; used: number }>(
        `select round_id, count(*)::int as invited, (count(*) filter (where used))::int as used
         from invitations where round_id = any($1) group by round_id`,
        [roundIds],
      );
      return new Map(rows.map((row) => [row.round_id, { invited: row.invited, used: row.used }]));
    },

    /** The invitation whose token hashes to `hash`, if any. */
    async byHash(hash: string): Promise<{ roundId: string; used: boolean } | undefined> {
      const [row] = await db.query<{ round_id: string; used: boolean }>(
        "select round_id, used from invitations where token_hash = $1",
        [hash],
      );
      return row === undefined ? undefined : { roundId: row.round_id, used: row.used };
    },

    /**
     * A new token for an invitation not yet used (its old link stops working): when the link
     * secret changed since the invitation was made, a mail must carry a token that works.
     */
    async reissue(id: string, tokenHash: string): Promise<boolean> {
      const rows = await db.query(
        "update invitations set token_hash = $2 where id = $1 and not used returning id",
        [id, tokenHash],
      );
      return rows.length > 0;
    },

    /** Records that a mail went to these invitations today. */
    async markMailed(ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return;
      await db.query("update invitations set mailed_on = current_date where id = any($1::uuid[])", [
        ids,
      ]);
    },

    /** The texts last sent for the round, if any. */
    async mailText(
      roundId: string,
      kind: "invitation" | "reminder",
    ): Promise<{ subject: string; text: string } | undefined> {
      const [row] = await db.query<{ subject: string; text: string }>(
        "select subject, text from mail_texts where round_id = $1 and kind = $2",
        [roundId, kind],
      );
      return row;
    },

    async saveMailText(
      roundId: string,
      kind: "invitation" | "reminder",
      mail: { subject: string; text: string },
    ): Promise<void> {
      await db.query(
        `insert into mail_texts (round_id, kind, subject, text) values ($1, $2, $3, $4)
         on conflict (round_id, kind) do update set subject = excluded.subject, text = excluded.text`,
        [roundId, kind, mail.subject, mail.text],
      );
    },
  };
}

export type InvitationStore = ReturnType<typeof createInvitationStore>;
