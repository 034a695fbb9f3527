import type { Answer } from "@klynge/engine";
import * as z from "zod/mini";
import { samePass } from "../pass/respondentPass.js";
import { checkRecord } from "./checkRecord.js";
import { type DraftRecord, draftRecordSchema } from "./records.js";
import type { NewDraft, ResponseStore } from "./responseStore.js";
import { sameData } from "./sameData.js";
import { StorageError } from "./storageError.js";
import { checked, type StoreParts, withPass } from "./storeParts.js";

export type DraftStore = Pick<
  ResponseStore,
  "createDraft" | "saveAnswer" | "savePage" | "getDraft" | "latestDraft" | "discardDraft"
>;

/** Without `Object.prototype` lookups, so a question id such as "__proto__" stays a plain key. */
export function withAnswer(
  answers: Readonly<Record<string, unknown>>,
  questionId: string,
  answer: Answer | undefined,
): Record<string, unknown> {
  const others = Object.entries(answers).filter(([id]) => id !== questionId);
  return Object.fromEntries(answer === undefined ? others : [...others, [questionId, answer]]);
}

/** A new draft's record, checked: empty, on page 0. */
export function newDraftRecord(draft: NewDraft, at: string): DraftRecord {
  return checked(draftRecordSchema, {
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
}

/** `existing`, when it is the draft asked for again (same round, version and credential). */
export function sameDraftAgain(existing: DraftRecord, draft: NewDraft): DraftRecord {
  const same =
    existing.roundId === draft.roundId &&
    existing.versionHash === draft.versionHash &&
    samePass(existing.pass, draft.pass);
  if (!same) throw new StorageError("id_in_use");
  return existing;
}

/** An answer and a page change, as changes of the draft for a store's own `updateDraft`. */
export function draftChanges(
  updateDraft: (
    responseId: string,
    change: (draft: DraftRecord) => DraftRecord,
  ) => Promise<DraftRecord>,
): Pick<DraftStore, "saveAnswer" | "savePage"> {
  return {
    saveAnswer: (responseId, questionId, answer, page) =>
      updateDraft(responseId, (draft) => ({
        ...draft,
        page,
        answers: withAnswer(draft.answers, questionId, answer),
      })),
    savePage: (responseId, page) => updateDraft(responseId, (draft) => ({ ...draft, page })),
  };
}

/** What an answer or a page change touches; the rest of a known-valid draft is left as it was. */
const changedFields = z.strictObject({
  page: draftRecordSchema.shape.page,
  updatedAt: draftRecordSchema.shape.updatedAt,
});

/** The stored draft was not the one this store last wrote or read: read it afresh. */
const stale = Symbol("stale draft");

/**
 * The drafts: a response being answered, saved after every answer and page change.
 *
 * A save is one transaction. When the store knows the draft as stored (it wrote or read it last),
 * the change is put at once, next to a read of the stored draft, so the put does not wait for the
 * read's answer to reach a busy main thread: if that read finds anything else (another tab wrote, the
 * draft was submitted or quarantined), the transaction is aborted before it commits and the save
 * is made again by reading, checking and writing the draft. Saves of one draft land in call order.
 */
export function createDraftStore({ read, write, takeValid, stamp }: StoreParts): DraftStore {
  /** Each draft as this store last wrote or read it (valid), unless unsure since. */
  const known = new Map<string, DraftRecord>();
  /** Per draft, the last save of it still running, to queue a save behind it. */
  const running = new Map<string, Promise<unknown>>();

  /** A draft just read or written, as stored: the first save of it can then put at once. */
  function remember(draft: DraftRecord): DraftRecord {
    if (!running.has(draft.responseId)) known.set(draft.responseId, draft);
    return draft;
  }

  async function updateByReading(
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

  /**
   * Puts `next` without waiting for a read; resolves `stale` (nothing written) unless `expected`
   * was stored.
   */
  function putOver(expected: DraftRecord, next: DraftRecord): Promise<DraftRecord | typeof stale> {
    let wentStale = false;
    return write(["drafts"], async (tx) => {
      const drafts = tx.objectStore("drafts");
      const stored = drafts.get(expected.responseId);
      // Observed below; should the put throw, the read's abort would otherwise go unhandled.
      stored.catch(() => undefined);
      const put = drafts.put(next);
      put.catch(() => undefined);
      if (!sameData(await stored, expected)) {
        wentStale = true;
        // Still inside the read's success event: the put is rolled back with the transaction.
        tx.abort();
        return stale;
      }
      await put;
      return next;
    }).catch((error: unknown) => {
      // The abort asked for above surfaces as a failed write.
      if (wentStale) return stale;
      throw error;
    });
  }

  function updateDraft(
    responseId: string,
    change: (draft: DraftRecord) => DraftRecord,
  ): Promise<DraftRecord> {
    const before = running.get(responseId);
    const afterBefore = (): Promise<DraftRecord> => {
      known.delete(responseId);
      const again = () => updateByReading(responseId, change);
      return before === undefined ? again() : before.then(again, again);
    };
    const expected = known.get(responseId);
    let attempt: Promise<DraftRecord>;
    if (expected === undefined) {
      attempt = afterBefore();
    } else {
      const next = { ...change(expected), updatedAt: stamp() };
      const fields = checkRecord(changedFields, { page: next.page, updatedAt: next.updatedAt });
      if (fields.success) {
        // The next save of this draft, if made before this one lands, expects what this one puts.
        known.set(responseId, next);
        attempt = putOver(expected, next).then((saved) =>
          saved === stale ? afterBefore() : saved,
        );
      } else {
        attempt = Promise.reject(new StorageError("invalid_record", { issues: fields.issues }));
      }
    }
    const done = attempt.then(
      (saved) => {
        if (running.get(responseId) === done) {
          running.delete(responseId);
          known.set(responseId, saved);
        }
        return saved;
      },
      (error: unknown) => {
        if (running.get(responseId) === done) running.delete(responseId);
        known.delete(responseId);
        throw error;
      },
    );
    running.set(responseId, done);
    return done;
  }

  return {
    async createDraft(draft: NewDraft) {
      const record = newDraftRecord(draft, stamp());
      return write(["drafts", "outbox", "quarantine"], async (tx, events) => {
        // The id of a submitted response is frozen: no new draft may reuse it.
        if ((await tx.objectStore("outbox").getKey(draft.responseId)) !== undefined) {
          throw new StorageError("id_in_use");
        }
        const existing = await takeValid(tx, "drafts", draft.responseId, draftRecordSchema, events);
        if (existing !== undefined) return sameDraftAgain(existing, draft);
        await tx.objectStore("drafts").put(record);
        return record;
      }).then((created) => remember(created));
    },

    ...draftChanges(updateDraft),

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
      return latest === undefined ? undefined : remember(latest);
    },

    async discardDraft(responseId) {
      known.delete(responseId);
      await write(["drafts"], async (tx) => {
        await tx.objectStore("drafts").delete(responseId);
      });
    },
  };
}
