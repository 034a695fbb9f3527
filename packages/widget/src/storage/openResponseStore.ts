import { ChangeNotifier, defaultChangeChannel } from "./changeNotifier.js";
import { checkRecord } from "./checkRecord.js";
import { Connection } from "./connection.js";
import { createDraftStore } from "./draftStore.js";
import { openKlyngeDB } from "./openKlyngeDB.js";
import { createOutboxStore } from "./outboxStore.js";
import { createRecordAccess } from "./recordAccess.js";
import { quarantineRecordSchema } from "./records.js";
import type { ResponseStore, ResponseStoreEvent, ResponseStoreOptions } from "./responseStore.js";
import { createSentStore } from "./sentStore.js";
import { StorageError } from "./storageError.js";

function findIndexedDB(): IDBFactory | undefined {
  try {
    return typeof indexedDB === "undefined" ? undefined : indexedDB;
  } catch {
    // Some sandboxed iframes throw a SecurityError on merely reading `indexedDB`.
    return undefined;
  }
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

  const parts = { ...createRecordAccess(connection, notifier, report, stamp), stamp };

  return {
    ...createDraftStore(parts),
    ...createOutboxStore(parts, options.keepSent === true),
    ...createSentStore(parts),

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
