import { samePass } from "../pass/respondentPass.js";
import { ChangeNotifier } from "./changeNotifier.js";
import { draftChanges, newDraftRecord, sameDraftAgain } from "./draftStore.js";
import {
  countStates,
  oldestFirst,
  outboxMarks,
  outboxRecord,
  sameContent,
  toEntry,
} from "./outboxStore.js";
import {
  type DraftRecord,
  draftRecordSchema,
  type OutboxRecord,
  outboxRecordSchema,
  type SentRecord,
  sentRecordSchema,
} from "./records.js";
import type { ResponseStore } from "./responseStore.js";
import { importRecords, sortImports } from "./sentStore.js";
import { StorageError } from "./storageError.js";
import { checked } from "./storeParts.js";

/** A `ResponseStore` whose drafts can be taken over from another store (see `withMemoryFallback`). */
export interface MemoryResponseStore extends ResponseStore {
  /** Keeps `draft` as it is, unless a newer one of the same id is here already. */
  adoptDraft(draft: DraftRecord): void;
}

export interface MemoryResponseStoreOptions {
  /** Clock for every timestamp. Default `() => new Date()`. */
  readonly now?: () => Date;
  /** As `ResponseStoreOptions.keepSent`. Default false. */
  readonly keepSent?: boolean;
}

/**
 * The response store in this page's memory, for a browser whose IndexedDB is refused or failing:
 * the same rules as the IndexedDB store (records checked on writing, frozen ids, conflicting
 * submits refused), and everything gone when the page closes.
 */
export function createMemoryResponseStore(
  options: MemoryResponseStoreOptions = {},
): MemoryResponseStore {
  const now = options.now ?? (() => new Date());
  const stamp = () => now().toISOString();
  const drafts = new Map<string, DraftRecord>();
  const outbox = new Map<string, OutboxRecord>();
  const sent = new Map<string, SentRecord>();
  const changes = new ChangeNotifier(undefined);
  let closed = false;

  /** Resolves after the change, as the IndexedDB store does after its commit. */
  async function change<T>(body: () => T | Promise<T>): Promise<T> {
    if (closed) throw new StorageError("unavailable");
    const result = await body();
    changes.changed();
    return result;
  }

  async function look<T>(body: () => T): Promise<T> {
    if (closed) throw new StorageError("unavailable");
    return body();
  }

  function updateDraft(responseId: string, next: (draft: DraftRecord) => DraftRecord) {
    return change(() => {
      const draft = drafts.get(responseId);
      if (draft === undefined) throw new StorageError("draft_missing");
      const saved = checked(draftRecordSchema, { ...next(draft), updatedAt: stamp() });
      drafts.set(responseId, saved);
      return saved;
    });
  }

  function updateOutbox(responseId: string, next: (record: OutboxRecord) => OutboxRecord) {
    return change(() => {
      const record = outbox.get(responseId);
      if (record !== undefined) outbox.set(responseId, checked(outboxRecordSchema, next(record)));
    });
  }

  return {
    adoptDraft(draft) {
      const here = drafts.get(draft.responseId);
      if (here !== undefined && Date.parse(here.updatedAt) >= Date.parse(draft.updatedAt)) return;
      if (outbox.has(draft.responseId)) return;
      drafts.set(draft.responseId, checked(draftRecordSchema, draft));
    },

    createDraft(draft) {
      return change(() => {
        if (outbox.has(draft.responseId)) throw new StorageError("id_in_use");
        const existing = drafts.get(draft.responseId);
        if (existing !== undefined) return sameDraftAgain(existing, draft);
        const record = newDraftRecord(draft, stamp());
        drafts.set(record.responseId, record);
        return record;
      });
    },

    ...draftChanges(updateDraft),

    getDraft: (responseId) => look(() => drafts.get(responseId)),

    latestDraft: (roundId, pass) =>
      look(() => {
        let latest: DraftRecord | undefined;
        for (const draft of drafts.values()) {
          if (draft.roundId !== roundId) continue;
          if (pass !== undefined && !samePass(draft.pass, pass)) continue;
          if (latest === undefined || Date.parse(draft.updatedAt) > Date.parse(latest.updatedAt))
            latest = draft;
        }
        return latest;
      }),

    discardDraft: (responseId) =>
      change(() => {
        drafts.delete(responseId);
      }),

    submit(response) {
      return change(() => {
        const queued = outbox.get(response.id);
        if (queued !== undefined) {
          if (!sameContent(queued.response, response)) throw new StorageError("conflicting_submit");
          return "already_queued" as const;
        }
        const pass = drafts.get(response.id)?.pass;
        const record = checked(outboxRecordSchema, outboxRecord(response, stamp(), pass));
        drafts.delete(response.id);
        outbox.set(response.id, record);
        return "queued" as const;
      });
    },

    importResponses(responses, pass) {
      return change(() => {
        const records = importRecords(responses, stamp(), pass);
        return sortImports(
          records,
          async (id) => outbox.get(id) ?? sent.get(id),
          async (record) => outbox.set(record.response.id, record),
        );
      });
    },

    sent: (roundId) =>
      look(() =>
        [...sent.values()]
          .filter((record) => roundId === undefined || record.response.roundId === roundId)
          .sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt)),
      ),

    outbox: () => look(() => [...outbox.values()].sort(oldestFirst)),

    counts: () => look(() => countStates(outbox.values())),

    quarantined: () => look(() => []),

    pending: () =>
      look(() =>
        [...outbox.values()]
          .filter((record) => record.state === "pending")
          .sort(oldestFirst)
          .map(toEntry),
      ),

    markSent: (responseId) =>
      change(() => {
        const record = outbox.get(responseId);
        if (record === undefined) return;
        outbox.delete(responseId);
        if (options.keepSent === true) {
          const kept = { schemaVersion: 1, response: record.response, sentAt: stamp() };
          sent.set(responseId, checked(sentRecordSchema, kept));
        }
      }),

    ...outboxMarks(updateOutbox),

    subscribe: (listener) => changes.subscribe(listener),

    async close() {
      closed = true;
      changes.close();
    },
  };
}
