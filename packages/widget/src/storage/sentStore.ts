import type { RespondentPass } from "../pass/respondentPass.js";
import { outboxRecord, sameContent } from "./outboxStore.js";
import { type OutboxRecord, outboxRecordSchema, sentRecordSchema } from "./records.js";
import type { ImportResult, ResponseStore } from "./responseStore.js";
import { checked, type StoreParts } from "./storeParts.js";

export type SentStore = Pick<ResponseStore, "sent" | "importResponses">;

/** The outbox records an import would add, checked before anything is written. */
export function importRecords(
  responses: Parameters<ResponseStore["importResponses"]>[0],
  at: string,
  pass: RespondentPass | undefined,
): OutboxRecord[] {
  return responses.map((response) => checked(outboxRecordSchema, outboxRecord(response, at, pass)));
}

/**
 * Each imported record added unless its id is here already (`find`: queued or sent); one already
 * here is a duplicate with the same content, else a conflict, and is never overwritten.
 */
export async function sortImports(
  records: readonly OutboxRecord[],
  find: (id: string) => Promise<{ readonly response: unknown } | undefined>,
  add: (record: OutboxRecord) => Promise<unknown>,
): Promise<ImportResult> {
  const result = { added: [] as string[], duplicates: [] as string[], conflicts: [] as string[] };
  for (const record of records) {
    const id = record.response.id;
    const here = await find(id);
    if (here === undefined) {
      await add(record);
      result.added.push(id);
    } else if (sameContent(here.response, record.response)) {
      result.duplicates.push(id);
    } else {
      result.conflicts.push(id);
    }
  }
  return result;
}

/**
 * Acknowledged responses kept with `keepSent` (results on this device), and the import of another
 * device's file, which must find a response already here whether it is still queued or sent.
 */
export function createSentStore({ read, write, takeValid, stamp }: StoreParts): SentStore {
  return {
    async importResponses(responses, pass) {
      const records = importRecords(responses, stamp(), pass);
      return write(["outbox", "sent", "quarantine"], (tx, events) =>
        sortImports(
          records,
          async (id) =>
            (await takeValid(tx, "outbox", id, outboxRecordSchema, events)) ??
            (await takeValid(tx, "sent", id, sentRecordSchema, events)),
          (record) => tx.objectStore("outbox").put(record),
        ),
      );
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
