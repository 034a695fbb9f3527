import { canonicalJson, type Response } from "@klynge/engine";
import type { RespondentPass } from "../pass/respondentPass.js";
import type { OutboxEntry, OutboxError } from "../sync/outboxPort.js";
import {
  draftRecordSchema,
  type OutboxRecord,
  outboxRecordSchema,
  sentRecordSchema,
} from "./records.js";
import type { OutboxCounts, ResponseStore } from "./responseStore.js";
import { StorageError } from "./storageError.js";
import { checked, type StoreParts, withPass } from "./storeParts.js";

export type OutboxStore = Pick<
  ResponseStore,
  | "submit"
  | "pending"
  | "markSent"
  | "markAttempt"
  | "markConflict"
  | "markFailed"
  | "outbox"
  | "counts"
>;

export function outboxRecord(
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

export function sameContent(a: unknown, b: unknown): boolean {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
}

export function oldestFirst(a: OutboxRecord, b: OutboxRecord): number {
  const byTime = Date.parse(a.queuedAt) - Date.parse(b.queuedAt);
  return byTime !== 0 ? byTime : a.response.id < b.response.id ? -1 : 1;
}

/** The envelope was checked on reading and the answers by the engine before queueing. */
export function toEntry(record: OutboxRecord): OutboxEntry {
  return {
    response: record.response as Response,
    state: record.state,
    attempts: record.attempts,
    nextAttemptAt: record.nextAttemptAt,
    ...(record.pass === undefined ? {} : { pass: record.pass }),
  };
}

const lastError = (error: OutboxError) => ({ code: error.code, message: error.message });

/** How many records are in each state. */
export function countStates(records: Iterable<OutboxRecord>): OutboxCounts {
  const counts = { pending: 0, conflict: 0, failed: 0 };
  for (const record of records) counts[record.state] += 1;
  return counts;
}

/** The uploader's marks, as changes of the record for a store's own `updateOutbox`. */
export function outboxMarks(
  updateOutbox: (
    responseId: string,
    change: (record: OutboxRecord) => OutboxRecord,
  ) => Promise<void>,
): Pick<OutboxStore, "markAttempt" | "markConflict" | "markFailed"> {
  /** The server's last word on it: no more attempts. */
  const settle = (state: "conflict" | "failed") => (responseId: string, error: OutboxError) =>
    updateOutbox(responseId, (record) => ({
      ...record,
      state,
      attempts: record.attempts + 1,
      lastError: lastError(error),
    }));

  return {
    markAttempt(responseId, nextAttemptAt, error) {
      return updateOutbox(responseId, (record) => ({
        ...record,
        attempts: record.attempts + 1,
        // Epoch ms as an integer: a backoff with jitter may hand over a fraction.
        nextAttemptAt: Math.max(0, Math.ceil(nextAttemptAt)),
        lastError: lastError(error),
      }));
    },

    markConflict: settle("conflict"),
    markFailed: settle("failed"),
  };
}

/**
 * The outbox: submitted responses until the server acknowledged them (then deleted, or moved to
 * `sent` with `keepSent`), and those it refused for good, kept for the coordinator.
 */
export function createOutboxStore(
  { read, write, takeValid, stamp }: StoreParts,
  keepSent: boolean,
): OutboxStore {
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

  return {
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
      if (!keepSent) {
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

    ...outboxMarks(updateOutbox),

    async outbox() {
      return (await read("outbox", outboxRecordSchema)).sort(oldestFirst);
    },

    async counts(): Promise<OutboxCounts> {
      return countStates(await read("outbox", outboxRecordSchema));
    },
  };
}
