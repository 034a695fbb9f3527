import { type Answer, canonicalJson, type Response } from "@klynge/engine";
import { type RespondentPass, samePass } from "../pass/respondentPass.js";
import type { OutboxEntry, OutboxError } from "../sync/outboxPort.js";
import { ChangeNotifier, defaultChangeChannel } from "./changeNotifier.js";
import { checkRecord } from "./checkRecord.js";
import { Connection } from "./connection.js";
import { openKlyngeDB } from "./openKlyngeDB.js";
import { createRecordAccess } from "./recordAccess.js";
import {
  type DraftRecord,
  draftRecordSchema,
  type OutboxRecord,
  outboxRecordSchema,
  quarantineRecordSchema,
  sentRecordSchema,
} from "./records.js";
import type {
  ImportResult,
  NewDraft,
  OutboxCounts,
  ResponseStore,
  ResponseStoreEvent,
  ResponseStoreOptions,
} from "./responseStore.js";
import { StorageError } from "./storageError.js";

function findIndexedDB(): IDBFactory | undefined {
  try {
    return typeof indexedDB === "undefined" ? undefined : indexedDB;
  } catch {
    // Some sandboxed iframes throw a SecurityError on merely reading `indexedDB`.
    return undefined;
  }
}

/** Checked before writing, with the schema used on reading, so nothing written is later refused. */
function checked<T>(schema: Parameters<typeof checkRecord<T>>[0], record: unknown): T {
  const result = checkRecord(schema, record);
  if (!result.success) throw new StorageError("invalid_record", { issues: result.issues });
  return result.data;
}

/** Without `Object.prototype` lookups, so a question id such as "__proto__" stays a plain key. */
function withAnswer(
  answers: Readonly<Record<string, unknown>>,
  questionId: string,
  answer: Answer | undefined,
): Record<string, unknown> {
  const others = Object.entries(answers).filter(([id]) => id !== questionId);
  return Object.fromEntries(answer === undefined ? others : [...others, [questionId, answer]]);
}

function outboxRecord(
  response: Response,
  queuedAt: string,
  pass: RespondentPass | undefined,
): unknown {
  return {
    schemaVersion: 2,
    response,
    state: "pending",
    attempts: 0,
    queuedAt,
    nextAttemptAt: 0,
    ...withPass(pass),
  };
}

function oldestFirst(a: OutboxRecord, b: OutboxRecord): number {
  const byTime = Date.parse(a.queuedAt) - Date.parse(b.queuedAt);
  return byTime !== 0 ? byTime : a.response.id < b.response.id ? -1 : 1;
}

function sameContent(a: unknown, b: unknown): boolean {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
}

/** The envelope was checked on reading and the answers by the engine before queueing. */
function toEntry(record: OutboxRecord): OutboxEntry {
  return {
    response: record.response as Response,
    state: record.state,
    attempts: record.attempts,
    nextAttemptAt: record.nextAttemptAt,
    ...(record.pass === undefined ? {} : { pass: record.pass }),
  };
}

/** The record's optional credential field: absent, never `undefined` (structured clone keeps that). */
function withPass(pass: RespondentPass | undefined): { pass?: RespondentPass } {
  return pass === undefined ? {} : { pass: { kind: pass.kind, token: pass.token } };
}

/**
 * Opens (creating or upgrading) the widget's IndexedDB database. Rejects with a `StorageError`
 * "unavailable" when there is no IndexedDB or it cannot be opened, "outdated" when another tab
 * already runs a newer schema.
 */
export async function openResponseStore(
  options: ResponseStoreOptions = {},
): Promise<ResponseStore> {
  const factory = options.indexedDB ?? findIndexedDB();
  if (factory === undefined) {
    throw new StorageError("unavailable", {
      cause: new Error("No IndexedDB in this runtime; pass `indexedDB` to openResponseStore."),
    });
  }
  const name = options.name ?? "klynge";
  const now = options.now ?? (() => new Date());
  const stamp = () => now().toISOString();
  const report = (event: ResponseStoreEvent) => {
    try {
      options.onEvent?.(event);
    } catch (error) {
      // The reporter's bug must not fail a committed write.
      queueMicrotask(() => {
        throw error;
      });
    }
  };

  const connection = new Connection((handlers) => openKlyngeDB(factory, name, handlers), report);
  await connection.connect();
  const createChannel =
    options.createChannel === null ? undefined : (options.createChannel ?? defaultChangeChannel);
  const notifier = new ChangeNotifier(createChannel?.(`klynge-storage:${name}`));
  const { read, write, takeValid } = createRecordAccess(connection, notifier, report, stamp);

  async function updateDraft(
    responseId: string,
    change: (draft: DraftRecord) => DraftRecord,
  ): Promise<DraftRecord> {
    const saved = await write(["drafts", "quarantine"], async (tx, events) => {
      const draft = await takeValid(tx, "drafts", responseId, draftRecordSchema, events);
      if (draft === undefined) return undefined;
      const next = checked(draftRecordSchema, { ...change(draft), updatedAt: stamp() });
      await tx.objectStore("drafts").put(next);
      return next;
    });
    if (saved === undefined) throw new StorageError("draft_missing");
    return saved;
  }

  async function updateOutbox(
    responseId: string,
    change: (record: OutboxRecord) => OutboxRecord,
  ): Promise<void> {
    await write(["outbox", "quarantine"], async (tx, events) => {
      const record = await takeValid(tx, "outbox", responseId, outboxRecordSchema, events);
      // Gone already: another tab's uploader got the acknowledgement first.
      if (record === undefined) return;
      await tx.objectStore("outbox").put(checked(outboxRecordSchema, change(record)));
    });
  }

  const lastError = (error: OutboxError) => ({ code: error.code, message: error.message });

  return {
    async createDraft(draft: NewDraft) {
      const at = stamp();
      const record = checked(draftRecordSchema, {
        schemaVersion: 2,
        responseId: draft.responseId,
        roundId: draft.roundId,
        versionHash: draft.versionHash,
        channel: draft.channel,
        startedAt: at,
        updatedAt: at,
        page: 0,
        answers: {},
        ...withPass(draft.pass),
      });
      return write(["drafts", "outbox", "quarantine"], async (tx, events) => {
        // The id of a submitted response is frozen: no new draft may reuse it.
        if ((await tx.objectStore("outbox").getKey(draft.responseId)) !== undefined) {
          throw new StorageError("id_in_use");
        }
        const existing = await takeValid(tx, "drafts", draft.responseId, draftRecordSchema, events);
        if (existing !== undefined) {
          const same =
            existing.roundId === draft.roundId &&
            existing.versionHash === draft.versionHash &&
            samePass(existing.pass, draft.pass);
          if (!same) throw new StorageError("id_in_use");
          return existing;
        }
        await tx.objectStore("drafts").put(record);
        return record;
      });
    },

    saveAnswer(responseId, questionId, answer, page) {
      return updateDraft(responseId, (draft) => ({
        ...draft,
        page,
        answers: withAnswer(draft.answers, questionId, answer),
      }));
    },

    savePage(responseId, page) {
      return updateDraft(responseId, (draft) => ({ ...draft, page }));
    },

    async getDraft(responseId) {
      const [draft] = await read("drafts", draftRecordSchema, { query: responseId });
      return draft;
    },

    async latestDraft(roundId, pass) {
      const drafts = await read("drafts", draftRecordSchema, { index: "byRound", query: roundId });
      let latest: DraftRecord | undefined;
      for (const draft of drafts) {
        if (pass !== undefined && !samePass(draft.pass, pass)) continue;
        if (latest === undefined || Date.parse(draft.updatedAt) > Date.parse(latest.updatedAt)) {
          latest = draft;
        }
      }
      return latest;
    },

    async discardDraft(responseId) {
      await write(["drafts"], async (tx) => {
        await tx.objectStore("drafts").delete(responseId);
      });
    },

    async submit(response: Response) {
      const queuedAt = stamp();
      checked(outboxRecordSchema, outboxRecord(response, queuedAt, undefined));
      return write(["drafts", "outbox", "quarantine"], async (tx, events) => {
        const queued = await takeValid(tx, "outbox", response.id, outboxRecordSchema, events);
        if (queued !== undefined) {
          if (!sameContent(queued.response, response)) {
            throw new StorageError("conflicting_submit");
          }
          return "already_queued" as const;
        }
        // The draft's credential goes with the response, in the same transaction.
        const draft = await takeValid(tx, "drafts", response.id, draftRecordSchema, events);
        const record = checked(outboxRecordSchema, outboxRecord(response, queuedAt, draft?.pass));
        await tx.objectStore("drafts").delete(response.id);
        await tx.objectStore("outbox").put(record);
        return "queued" as const;
      });
    },

    async pending() {
      const records = await read("outbox", outboxRecordSchema, {
        index: "byState",
        query: "pending",
      });
      return records.sort(oldestFirst).map(toEntry);
    },

    async markSent(responseId) {
      if (options.keepSent !== true) {
        await write(["outbox"], async (tx) => {
          await tx.objectStore("outbox").delete(responseId);
        });
        return;
      }
      await write(["outbox", "sent", "quarantine"], async (tx, events) => {
        const record = await takeValid(tx, "outbox", responseId, outboxRecordSchema, events);
        // Gone already: another tab's uploader moved it.
        if (record === undefined) return;
        const sent = { schemaVersion: 1, response: record.response, sentAt: stamp() };
        await tx.objectStore("sent").put(checked(sentRecordSchema, sent));
        await tx.objectStore("outbox").delete(responseId);
      });
    },

    async importResponses(responses, pass) {
      const at = stamp();
      const records = responses.map((response) =>
        checked(outboxRecordSchema, outboxRecord(response, at, pass)),
      );
      return write(["outbox", "sent", "quarantine"], async (tx, events) => {
        const result = {
          added: [] as string[],
          duplicates: [] as string[],
          conflicts: [] as string[],
        };
        for (const record of records) {
          const id = record.response.id;
          const here =
            (await takeValid(tx, "outbox", id, outboxRecordSchema, events)) ??
            (await takeValid(tx, "sent", id, sentRecordSchema, events));
          if (here === undefined) {
            await tx.objectStore("outbox").put(record);
            result.added.push(id);
          } else if (sameContent(here.response, record.response)) {
            result.duplicates.push(id);
          } else {
            result.conflicts.push(id);
          }
        }
        return result satisfies ImportResult;
      });
    },

    async sent(roundId) {
      const records = await read(
        "sent",
        sentRecordSchema,
        roundId === undefined ? {} : { index: "byRound", query: roundId },
      );
      return records.sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));
    },

    markAttempt(responseId, nextAttemptAt, error) {
      return updateOutbox(responseId, (record) => ({
        ...record,
        attempts: record.attempts + 1,
        // Epoch ms as an integer: a backoff with jitter may hand over a fraction.
        nextAttemptAt: Math.max(0, Math.ceil(nextAttemptAt)),
        lastError: lastError(error),
      }));
    },

    markConflict(responseId, error) {
      return updateOutbox(responseId, (record) => ({
        ...record,
        state: "conflict",
        attempts: record.attempts + 1,
        lastError: lastError(error),
      }));
    },

    markFailed(responseId, error) {
      return updateOutbox(responseId, (record) => ({
        ...record,
        state: "failed",
        attempts: record.attempts + 1,
        lastError: lastError(error),
      }));
    },

    async outbox() {
      return (await read("outbox", outboxRecordSchema)).sort(oldestFirst);
    },

    async counts(): Promise<OutboxCounts> {
      const counts = { pending: 0, conflict: 0, failed: 0 };
      for (const record of await read("outbox", outboxRecordSchema)) counts[record.state] += 1;
      return counts;
    },

    async quarantined() {
      const records = await connection.run("unavailable", (db) => db.getAll("quarantine"));
      // A quarantined record that is itself unreadable is left where it is, not handed out.
      return records.flatMap((raw: unknown) => {
        const result = checkRecord(quarantineRecordSchema, raw);
        return result.success ? [result.data] : [];
      });
    },

    subscribe(listener) {
      return notifier.subscribe(listener);
    },

    async close() {
      notifier.close();
      await connection.close();
    },
  };
}
