import { canonicalJson, type Response } from "@klynge/engine";
import type { Database } from "../database.js";

/** "archived": the round's raw answers were deleted, so it takes no more. */
export type PutOutcome = "created" | "same" | "conflict" | "archived";

/**
 * Responses: one row per id (the primary key decides), the body as canonical JSON with its times
 * cut to the day by the caller; no time, address or token column.
 */
export function createResponseStore(db: Database) {
  const batcher = createInsertBatcher(db);
  return {
    /**
     * Stores a validated response once. The same body again is "same"; another body under the
     * id (in any round) is "conflict". Resolves after the commit.
     */
    putResponse(response: Response): Promise<PutOutcome> {
      return batcher.put(response);
    },

    /** The rounds' responses as stored (untrusted until the engine reads them), in id order. */
    async responsesOf(roundIds: readonly string[]): Promise<unknown[]> {
      const rows = await db.query<{ canonical: string }>(
        "select canonical from responses where round_id = any($1) order by id",
        [roundIds],
      );
      return rows.map((row) => JSON.parse(row.canonical) as unknown);
    },

    async countResponses(roundId?: string): Promise<number> {
      const [row] =
        roundId === undefined
          ? await db.query<{ n: string }>("select count(*) as n from responses")
          : await db.query<{ n: string }>(
              "select count(*) as n from responses where round_id = $1",
              [roundId],
            );
      return Number(row?.n ?? 0);
    },
  };
}

interface Pending {
  readonly response: Response;
  readonly canonical: string;
  readonly resolve: (outcome: PutOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/** Rows per insert statement, well under PostgreSQL's 65,535 parameters (4 per row). */
const maxBatch = 500;

/**
 * Group commit: responses that arrive while an insert is running wait for it, then go in
 * together in one statement (one transaction, one WAL flush) instead of one commit each. Each
 * caller still hears only after the commit that holds its row, so an acknowledged response is
 * durable; alone, a response is inserted at once. A round whose raw answers were deleted takes
 * no more: the insert skips it (the caller checked before; this closes the race).
 */
function createInsertBatcher(db: Database) {
  let queue: Pending[] = [];
  let running = false;

  async function flush(batch: Pending[]): Promise<void> {
    const params: unknown[] = [];
    const values = batch.map((item, i) => {
      const r = item.response;
      params.push(r.id, r.roundId, r.versionHash, item.canonical);
      const at = i * 4;
      return `($${at + 1}::uuid, $${at + 2}, $${at + 3}, $${at + 4})`;
    });
    const inserted = await db.query<{ id: string }>(
      `insert into responses (id, round_id, version_hash, canonical)
       select v.id, v.round_id, v.version_hash, v.canonical
       from (values ${values.join(", ")}) as v (id, round_id, version_hash, canonical)
       join rounds r on r.id = v.round_id and r.raw_deleted_on is null
       on conflict (id) do nothing returning id::text as id`,
      params,
    );
    const created = new Set(inserted.map((row) => row.id.toLowerCase()));
    const stored = new Map<string, string>();
    if (batch.length > created.size) {
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
      if (!created.has(id) && !stored.has(id)) item.resolve("archived");
      else if (created.has(id) && mine) {
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

export type ResponseStore = ReturnType<typeof createResponseStore>;
