import { canonicalJson, type Response } from "@klynge/engine";
import type { Database } from "../database.js";
import type { Credential } from "../passTokens.js";
import { invitedSql } from "./invitationStore.js";

/** Why a respondent's credential lets no answer in (the error table's codes). */
export type PassRefusal =
  | "pass_required"
  | "pass_unknown"
  | "invitation_spent"
  | "meeting_key_revoked"
  | "meeting_key_expired"
  | "answers_full";

/** "archived": the round's raw answers were deleted, so it takes no more. */
export type PutOutcome = "created" | "same" | "conflict" | "archived" | PassRefusal;

/**
 * Responses: one row per id (the primary key decides), the body as canonical JSON with its times
 * cut to the day by the caller; no time, address or token column.
 */
export function createResponseStore(db: Database) {
  const batcher = createInsertBatcher(db);
  return {
    /**
     * Stores a validated response once, if `credential` lets it in; a new response spends an
     * invitation (or a place under a meeting key's or the open link's cap) in the transaction
     * that stores it. The same body again is "same" whatever the credential; another body under
     * the id (in any round) is "conflict". Resolves after the commit.
     */
    putResponse(response: Response, credential: Credential): Promise<PutOutcome> {
      return batcher.put(response, credential);
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
  readonly id: string;
  readonly canonical: string;
  readonly credential: Credential;
  readonly resolve: (outcome: PutOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/** Rows per insert statement, well under PostgreSQL's 65,535 parameters (6 per row). */
const maxBatch = 500;

interface InvitationRow {
  id: string;
  round_id: string;
  used: boolean;
  token_hash: string;
}
interface KeyRow {
  id: string;
  round_id: string;
  key_hash: string;
  revoked: boolean;
  expired: boolean;
  cap: number;
  used: number;
}
interface RoundRow {
  id: string;
  archived: boolean;
  open_link: boolean;
  invited: number | null;
}
/** What a batch's transaction reads, in one statement, once the rounds it needs are locked. */
interface Seen {
  invitations: InvitationRow[];
  keys: KeyRow[];
  stored: { id: string; canonical: string }[];
  counts: { round_id: string; n: number }[];
}

/**
 * Group commit: responses that arrive while a batch is being stored wait for it, then go in
 * together in one transaction (one WAL flush) instead of one commit each. Each caller still
 * hears only after the commit that holds its row, so an acknowledged response is durable; alone,
 * a response is stored at once.
 *
 * The batch's transaction, in as few statements as it can: (1) only when an answer comes without
 * a credential, its rounds are locked (`FOR NO KEY UPDATE`: the open link's cap, so two
 * collectors cannot both take the last place); (2) one statement locks the invitations and
 * meeting keys named (`FOR UPDATE`, in id order) and reads them, the responses already stored
 * under the batch's ids and the open rounds' counts; then each response is decided in arrival
 * order (stored already → same/conflict; else its credential); (3) one statement inserts the
 * admitted ones and spends, for those actually inserted, their invitation or meeting-key place;
 * (4) only when something was refused or lost a race, the ids are read again (a retry of the
 * same response on another collector, which waited at the invitation's lock, then finds the
 * response stored: "same", not "spent"). A round whose raw answers were deleted takes no more:
 * the insert skips it (the route checked before; this closes the race).
 */
function createInsertBatcher(db: Database) {
  let queue: Pending[] = [];
  let running = false;

  async function flush(batch: Pending[]): Promise<Map<Pending, PutOutcome>> {
    return db.transaction(async (query) => {
      const outcomes = new Map<Pending, PutOutcome>();
      const hashesOf = (kind: "invitation" | "meeting-key") => [
        ...new Set(
          batch.flatMap((item) => (item.credential.kind === kind ? [item.credential.hash] : [])),
        ),
      ];
      const openRounds = [
        ...new Set(
          batch.flatMap((item) => (item.credential.kind === "none" ? [item.response.roundId] : [])),
        ),
      ].sort();
      const rounds = new Map<string, RoundRow>();
      if (openRounds.length > 0) {
        const rows = await query<RoundRow>(
          `select r.id, r.raw_deleted_on is not null as archived, r.open_link,
             ${invitedSql("r")} as invited from rounds r
           where r.id = any($1) order by r.id for no key update`,
          [openRounds],
        );
        for (const row of rows) rounds.set(row.id, row);
      }
      const [seen] = await query<Seen>(
        `with i as (
           select id::text as id, round_id, used, token_hash from invitations
           where token_hash = any($1) order by id for update),
         k as (
           select id::text as id, round_id, key_hash, revoked, now() > grace_until as expired, cap, used
           from meeting_keys where key_hash = any($2) order by id for update)
         select
           (select coalesce(json_agg(i), '[]') from i) as invitations,
           (select coalesce(json_agg(k), '[]') from k) as keys,
           (select coalesce(json_agg(json_build_object('id', s.id::text, 'canonical', s.canonical)), '[]')
            from responses s where s.id = any($3::uuid[])) as stored,
           (select coalesce(json_agg(c), '[]') from (
              select round_id, count(*)::int as n from responses where round_id = any($4)
              group by round_id) c) as counts`,
        [
          hashesOf("invitation"),
          hashesOf("meeting-key"),
          [...new Set(batch.map((item) => item.id))],
          [...rounds.values()].filter((round) => round.open_link).map((round) => round.id),
        ],
      );
      const invitations = new Map(seen?.invitations.map((row) => [row.token_hash, row]));
      const keys = new Map(seen?.keys.map((row) => [row.key_hash, row]));
      const stored = new Map(seen?.stored.map((row) => [row.id.toLowerCase(), row.canonical]));
      const counted = new Map(seen?.counts.map((row) => [row.round_id, row.n]));

      // In arrival order: the first admitted copy of an id leads; later copies follow it.
      const leaders = new Map<string, Pending>();
      const followers: Pending[] = [];
      const refused = new Map<Pending, PassRefusal | "archived">();
      const spentBy = new Map<Pending, string>();
      const keyOf = new Map<Pending, string>();
      const taken = new Map<string, number>();
      const take = (place: string) => taken.set(place, (taken.get(place) ?? 0) + 1);
      const spent = new Set<string>();

      function admit(item: Pending): PassRefusal | "archived" | undefined {
        const { credential } = item;
        const roundId = item.response.roundId;
        if (credential.kind === "malformed") return "pass_unknown";
        if (credential.kind === "invitation") {
          const invitation = invitations.get(credential.hash);
          if (invitation === undefined || invitation.round_id !== roundId) return "pass_unknown";
          if (invitation.used || spent.has(invitation.id)) return "invitation_spent";
          spent.add(invitation.id);
          spentBy.set(item, invitation.id);
          return undefined;
        }
        if (credential.kind === "meeting-key") {
          const key = keys.get(credential.hash);
          if (key === undefined || key.round_id !== roundId) return "pass_unknown";
          if (key.revoked) return "meeting_key_revoked";
          if (key.expired) return "meeting_key_expired";
          if (key.used + (taken.get(key.id) ?? 0) >= key.cap) return "answers_full";
          take(key.id);
          keyOf.set(item, key.id);
          return undefined;
        }
        const round = rounds.get(roundId);
        if (round?.archived === true) return "archived";
        if (round === undefined || !round.open_link) return "pass_required";
        const place = `round ${roundId}`;
        if ((counted.get(roundId) ?? 0) + (taken.get(place) ?? 0) >= (round.invited ?? 0)) {
          return "answers_full";
        }
        take(place);
        return undefined;
      }

      for (const item of batch) {
        if (stored.has(item.id) || leaders.has(item.id)) {
          followers.push(item);
          continue;
        }
        const refusal = admit(item);
        if (refusal === undefined) leaders.set(item.id, item);
        else refused.set(item, refusal);
      }

      const admitted = [...leaders.values()];
      const created = new Set<string>();
      if (admitted.length > 0) {
        const params: unknown[] = [];
        const values = admitted.map((item, i) => {
          const r = item.response;
          params.push(
            r.id,
            r.roundId,
            r.versionHash,
            item.canonical,
            spentBy.get(item) ?? null,
            keyOf.get(item) ?? null,
          );
          const at = i * 6;
          return `($${at + 1}::uuid, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}::uuid, $${at + 6}::uuid)`;
        });
        // One statement: the responses, and for those inserted (not those another collector
        // stored first), their invitation used or their meeting key counted.
        const inserted = await query<{ id: string }>(
          `with v (id, round_id, version_hash, canonical, invitation, meeting_key) as (
             values ${values.join(", ")}),
           ins as (
             insert into responses (id, round_id, version_hash, canonical)
             select v.id, v.round_id, v.version_hash, v.canonical
             from v join rounds r on r.id = v.round_id and r.raw_deleted_on is null
             on conflict (id) do nothing returning id),
           spent as (
             update invitations set used = true
             where id in (select v.invitation from v join ins on ins.id = v.id)
             returning id),
           keyed as (
             update meeting_keys k set used = k.used + c.n
             from (select v.meeting_key, count(*)::int as n from v join ins on ins.id = v.id
                   where v.meeting_key is not null group by v.meeting_key) c
             where k.id = c.meeting_key returning k.id)
           select id::text as id from ins`,
          params,
        );
        for (const row of inserted) created.add(row.id.toLowerCase());
      }
      for (const item of admitted) {
        if (created.has(item.id)) {
          stored.set(item.id, item.canonical);
          outcomes.set(item, "created");
        } else followers.push(item);
      }
      // A leader not inserted lost a race (another collector stored the id first, or the round
      // was archived meanwhile); a refused response may have been stored by a retry that this
      // statement's snapshot, taken before it waited for a lock, did not see: read them again.
      const unsure = [...followers.filter((item) => !stored.has(item.id)), ...refused.keys()].map(
        (item) => item.id,
      );
      if (unsure.length > 0) {
        for (const row of await query<{ id: string; canonical: string }>(
          "select id::text as id, canonical from responses where id = any($1::uuid[])",
          [[...new Set(unsure)]],
        )) {
          stored.set(row.id.toLowerCase(), row.canonical);
        }
      }
      for (const item of [...followers, ...refused.keys()]) {
        const body = stored.get(item.id);
        outcomes.set(
          item,
          body !== undefined
            ? body === item.canonical
              ? "same"
              : "conflict"
            : (refused.get(item) ?? "archived"),
        );
      }
      return outcomes;
    });
  }

  async function drain(): Promise<void> {
    running = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const outcomes = await flush(batch);
        for (const item of batch) item.resolve(outcomes.get(item) ?? "archived");
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    running = false;
  }

  return {
    put(response: Response, credential: Credential): Promise<PutOutcome> {
      return new Promise<PutOutcome>((resolve, reject) => {
        queue.push({
          response,
          id: response.id.toLowerCase(),
          canonical: canonicalJson(response),
          credential,
          resolve,
          reject,
        });
        if (!running) void drain();
      });
    },
  };
}

export type ResponseStore = ReturnType<typeof createResponseStore>;
