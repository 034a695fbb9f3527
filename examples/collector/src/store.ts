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

/** Every read and write of the collector, as SQL. */
export function createStore(db: Database) {
  // Rounds and versions never change once stored (another body under a round id is a 409), so a
  // round found once is kept in memory: a PUT then costs one insert, not a join and a parse of
  // the version. Only hits are kept; a round created by another instance is found on its first use.
  const rounds = new Map<string, StoredRound>();
  const batcher = createInsertBatcher(db);
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
     * another body under the id (in any round) is "conflict". Resolves after the commit.
     */
    putResponse(response: Response): Promise<PutOutcome> {
      return batcher.put(response);
    },

    /** The rounds' responses as stored (untrusted until the engine reads them). */
    async responsesOf(roundIds: readonly string[]): Promise<unknown[]> {
      const rows = await db.query<{ canonical: string }>(
        "select canonical from responses where round_id = any($1) order by received_at, id",
        [roundIds],
      );
      return rows.map((row) => JSON.parse(row.canonical) as unknown);
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

interface Pending {
  readonly response: Response;
  readonly canonical: string;
  readonly resolve: (outcome: PutOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/** Rows per insert statement, well under PostgreSQL's 65,535 parameters (5 per row). */
const maxBatch = 500;

/**
 * Group commit: responses that arrive while an insert is running wait for it, then go in
 * together in one statement (one transaction, one WAL flush) instead of one commit each. Each
 * caller still hears only after the commit that holds its row, so an acknowledged response is
 * durable; alone, a response is inserted at once.
 */
function createInsertBatcher(db: Database) {
  let queue: Pending[] = [];
  let running = false;

  async function flush(batch: Pending[]): Promise<void> {
    const params: unknown[] = [];
    const values = batch.map((item, i) => {
      const r = item.response;
      params.push(r.id, r.roundId, r.versionHash, item.canonical, r.submittedAt);
      const at = i * 5;
      return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5})`;
    });
    const inserted = await db.query<{ id: string }>(
      `insert into responses (id, round_id, version_hash, canonical, submitted_at)
       values ${values.join(", ")} on conflict (id) do nothing returning id`,
      params,
    );
    const created = new Set(inserted.map((row) => row.id.toLowerCase()));
    const others = batch.filter((item) => !created.has(item.response.id.toLowerCase()));
    const stored = new Map<string, string>();
    if (others.length > 0 || batch.length > created.size) {
      const ids = [...new Set(batch.map((item) => item.response.id.toLowerCase()))];
      const rows = await db.query<{ id: string; canonical: string }>(
        "select id::text as id, canonical from responses where id = any($1::uuid[])",
        [ids],
      );
      for (const row of rows) stored.set(row.id.toLowerCase(), row.canonical);
    }
    for (const item of batch) {
      const id = item.response.id.toLowerCase();
      // With one id twice in a batch, "created" goes to the copy whose body is the stored one.
      const mine = !stored.has(id) || stored.get(id) === item.canonical;
      if (created.has(id) && mine) {
        created.delete(id);
        item.resolve("created");
      } else item.resolve(stored.get(id) === item.canonical ? "same" : "conflict");
    }
  }

  async function drain(): Promise<void> {
    running = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        await flush(batch);
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    running = false;
  }

  return {
    put(response: Response): Promise<PutOutcome> {
      return new Promise<PutOutcome>((resolve, reject) => {
        queue.push({ response, canonical: canonicalJson(response), resolve, reject });
        if (!running) void drain();
      });
    },
  };
}
