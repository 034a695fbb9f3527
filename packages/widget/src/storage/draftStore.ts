import type { Answer } from "@klynge/engine";
import { samePass } from "../pass/respondentPass.js";
import { type DraftRecord, draftRecordSchema } from "./records.js";
import type { NewDraft, ResponseStore } from "./responseStore.js";
import { StorageError } from "./storageError.js";
import { checked, type StoreParts, withPass } from "./storeParts.js";

export type DraftStore = Pick<
  ResponseStore,
  "createDraft" | "saveAnswer" | "savePage" | "getDraft" | "latestDraft" | "discardDraft"
>;

/** Without `Object.prototype` lookups, so a question id such as "__proto__" stays a plain key. */
function withAnswer(
  answers: Readonly<Record<string, unknown>>,
  questionId: string,
  answer: Answer | undefined,
): Record<string, unknown> {
  const others = Object.entries(answers).filter(([id]) => id !== questionId);
  return Object.fromEntries(answer === undefined ? others : [...others, [questionId, answer]]);
}

/** The drafts: a response being answered, saved after every answer and page change. */
export function createDraftStore({ read, write, takeValid, stamp }: StoreParts): DraftStore {
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
  };
}
