import { randomUUID } from "node:crypto";
import type { Database } from "../database.js";
import { invitedSql } from "./invitationStore.js";

/**
 * After a meeting key's window, answers given at the meeting (on a tablet that was offline) are
 * still taken this long.
 */
export const meetingKeyGraceDays = 7;

export interface StoredMeetingKey {
  readonly id: string;
  readonly roundId: string;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly graceUntil: string;
  readonly cap: number;
  readonly used: number;
  readonly revoked: boolean;
  /** Now is inside [validFrom, validUntil]. */
  readonly open: boolean;
  /** Now is past graceUntil. */
  readonly expired: boolean;
}

interface KeyRow {
  id: string;
  round_id: string;
  valid_from: Date;
  valid_until: Date;
  grace_until: Date;
  cap: number;
  used: number;
  revoked: boolean;
  open: boolean;
  expired: boolean;
}

const columns = `id::text as id, round_id, valid_from, valid_until, grace_until, cap, used, revoked,
  now() between valid_from and valid_until as open, now() > grace_until as expired`;

const fromRow = (row: KeyRow): StoredMeetingKey => ({
  id: row.id,
  roundId: row.round_id,
  validFrom: new Date(row.valid_from).toISOString(),
  validUntil: new Date(row.valid_until).toISOString(),
  graceUntil: new Date(row.grace_until).toISOString(),
  cap: row.cap,
  used: row.used,
  revoked: row.revoked,
  open: row.open,
  expired: row.expired,
});

/** Meeting keys: tablets enrolled with one take answers in its window, up to its cap. */
export function createMeetingKeyStore(db: Database) {
  return {
    /**
     * A key valid from now for `hours`, taking at most as many answers as members have not
     * answered yet (invited minus responses); undefined when the round's invited number is
     * unknown. The window is the database's clock, the one every collector shares.
     */
    async create(
      roundId: string,
      hours: number,
      hashOf: (id: string) => string,
    ): Promise<StoredMeetingKey | undefined> {
      const id = randomUUID();
      const [row] = await db.query<KeyRow>(
        `insert into meeting_keys (id, round_id, key_hash, valid_from, valid_until, grace_until, cap)
         select $1, r.id, $3, now(), now() + make_interval(hours => $4),
           now() + make_interval(hours => $4, days => $5),
           greatest(0, ${invitedSql("r")} - (select count(*)::int from responses s where s.round_id = r.id))
         from rounds r where r.id = $2 and ${invitedSql("r")} is not null
         returning ${columns}`,
        [id, roundId, hashOf(id), hours, meetingKeyGraceDays],
      );
      return row === undefined ? undefined : fromRow(row);
    },

    /** The round's keys, newest first. */
    async list(roundId: string): Promise<StoredMeetingKey[]> {
      const rows = await db.query<KeyRow>(
        `select ${columns} from meeting_keys where round_id = $1 order by valid_from desc, id`,
        [roundId],
      );
      return rows.map(fromRow);
    },

    async revoke(roundId: string, id: string): Promise<StoredMeetingKey | undefined> {
      const [row] = await db.query<KeyRow>(
        `update meeting_keys set revoked = true where round_id = $1 and id = $2 returning ${columns}`,
        [roundId, id],
      );
      return row === undefined ? undefined : fromRow(row);
    },

    async byHash(hash: string): Promise<StoredMeetingKey | undefined> {
      const [row] = await db.query<KeyRow>(
        `select ${columns} from meeting_keys where key_hash = $1`,
        [hash],
      );
      return row === undefined ? undefined : fromRow(row);
    },
  };
}

export type MeetingKeyStore = ReturnType<typeof createMeetingKeyStore>;
