import { outboxRecord, sameContent } from "./outboxStore.js";
import { outboxRecordSchema, sentRecordSchema } from "./records.js";
import type { ImportResult, ResponseStore } from "./responseStore.js";
import { checked, type StoreParts } from "./storeParts.js";

export type SentStore = Pick<ResponseStore, "sent" | "importResponses">;

/**
 * Acknowledged responses kept with `keepSent` (results on this device), and the import of another
 * device's file, which must find a response already here whether it is still queued or sent.
 */
export function createSentStore({ read, write, takeValid, stamp }: StoreParts): SentStore {
  return {
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
  };
}
