import {
  canonicalJson,
  type QuestionnaireVersion,
  type ReferralRow,
  type Response,
  type Round,
} from "@klynge/engine";
import type { Database } from "./database.js";

export type PutOutcome = "created" | "same" | "conflict";

export interface StoredRound {
  readonly round: Round;
  readonly version: QuestionnaireVersion;
  readonly shareAnswersWith: readonly string[];
}

/** Every read and write of the collector, as SQL that PGlite and PostgreSQL both run. */
export function createStore(db: Database) {
  // Rounds and versions never change once stored (another body under a round id is a 409), so a
  // round found once is kept in memory: a PUT then costs one insert, not a join and a parse of
  // the version. Only hits are kept; a round created by another instance is found on its first use.
  const rounds = new Map<string, StoredRound>();
  return {
    /** Stores the round and its version (the version once; it is content-addressed). */
    async putRound(entry: StoredRound): Promise<PutOutcome> {
      const canonical = canonicalJson({ round: entry.round, share: entry.shareAnswersWith });
      return db.transaction(async (query) => {
        await query(
          `insert into questionnaire_versions (hash, label, body) values ($1, $2, $3)
           on conflict (hash) do nothing`,
          [entry.version.hash, entry.version.label, JSON.stringify(entry.version)],
        );
        const inserted = await query(
          `insert into rounds (id, version_hash, body, canonical, share_answers_with)
           values ($1, $2, $3, $4, $5) on conflict (id) do nothing returning id`,
          [
            entry.round.id,
            entry.round.versionHash,
            JSON.stringify(entry.round),
            canonical,
            JSON.stringify(entry.shareAnswersWith),
          ],
        );
        if (inserted.length > 0) return "created";
        const [existing] = await query<{ canonical: string }>(
          "select canonical from rounds where id = $1",
          [entry.round.id],
        );
        return existing?.canonical === canonical ? "same" : "conflict";
      });
    },

    async getRound(id: string): Promise<StoredRound | undefined> {
      const cached = rounds.get(id);
      if (cached !== undefined) return cached;
      const [row] = await db.query<{
        round: Round;
        version: QuestionnaireVersion;
        share: string[];
      }>(
        `select r.body as round, v.body as version, r.share_answers_with as share
         from rounds r join questionnaire_versions v on v.hash = r.version_hash where r.id = $1`,
        [id],
      );
      if (row === undefined) return undefined;
      const found = { round: row.round, version: row.version, shareAnswersWith: row.share };
      rounds.set(id, found);
      return found;
    },

    async listRounds(): Promise<{ round: Round; versionLabel: string; responses: number }[]> {
      const rows = await db.query<{ round: Round; label: string; responses: string | number }>(
        `select r.body as round, v.label, (select count(*) from responses s where s.round_id = r.id) as responses
         from rounds r join questionnaire_versions v on v.hash = r.version_hash
         order by r.created_at, r.id`,
      );
      return rows.map((row) => ({
        round: row.round,
        versionLabel: row.label,
        responses: Number(row.responses),
      }));
    },

    async versionByHash(hash: string): Promise<QuestionnaireVersion | undefined> {
      const [row] = await db.query<{ body: QuestionnaireVersion }>(
        "select body from questionnaire_versions where hash = $1",
        [hash],
      );
      return row?.body;
    },

    /**
     * Stores a validated response once: the primary key decides. The same body again is "same";
     * another body under the id (in any round) is "conflict".
     */
    async putResponse(response: Response): Promise<PutOutcome> {
      const canonical = canonicalJson(response);
      const inserted = await db.query(
        `insert into responses (id, round_id, version_hash, canonical, body)
         values ($1, $2, $3, $4, $5) on conflict (id) do nothing returning id`,
        [response.id, response.roundId, response.versionHash, canonical, canonical],
      );
      if (inserted.length > 0) return "created";
      const [existing] = await db.query<{ canonical: string }>(
        "select canonical from responses where id = $1",
        [response.id],
      );
      return existing?.canonical === canonical ? "same" : "conflict";
    },

    /** The rounds' responses as stored (untrusted until the engine reads them). */
    async responsesOf(roundIds: readonly string[]): Promise<unknown[]> {
      const rows = await db.query<{ body: unknown }>(
        "select body from responses where round_id = any($1) order by received_at, id",
        [roundIds],
      );
      return rows.map((row) => row.body);
    },

    async putReferrals(roundId: string, rows: readonly ReferralRow[]): Promise<void> {
      await db.query(
        `insert into referral_files (round_id, rows) values ($1, $2)
         on conflict (round_id) do update set rows = excluded.rows, uploaded_at = now()`,
        [roundId, JSON.stringify(rows)],
      );
    },

    async referralsOf(roundId: string): Promise<ReferralRow[] | undefined> {
      const [row] = await db.query<{ rows: ReferralRow[] }>(
        "select rows from referral_files where round_id = $1",
        [roundId],
      );
      return row?.rows;
    },

    async countResponses(): Promise<number> {
      const [row] = await db.query<{ n: string | number }>("select count(*) as n from responses");
      return Number(row?.n ?? 0);
    },
  };
}

export type Store = ReturnType<typeof createStore>;
