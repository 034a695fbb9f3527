import { type IDBPDatabase, wrap } from "idb";
import { DB_VERSION, type KlyngeDB, upgradeKlyngeDB } from "./klyngeDB.js";

export interface OpenKlyngeDBHandlers {
  /** Another tab wants a newer version or to delete the database: this connection must close. */
  readonly onVersionChange: (db: IDBPDatabase<KlyngeDB>) => void;
  /** The browser closed the connection (storage cleared, disk error, eviction). */
  readonly onTerminated: (db: IDBPDatabase<KlyngeDB>) => void;
}

/**
 * idb's `openDB` over an injected factory: `openDB` always calls the global `indexedDB`. The
 * factory's objects must be the global IDB classes (true in browsers, and with
 * `fake-indexeddb/auto` in tests), since idb recognises them with `instanceof`.
 */
export async function openKlyngeDB(
  factory: IDBFactory,
  name: string,
  handlers: OpenKlyngeDBHandlers,
): Promise<IDBPDatabase<KlyngeDB>> {
  const request = factory.open(name, DB_VERSION);
  request.addEventListener("upgradeneeded", (event) => {
    const tx = request.transaction as IDBTransaction;
    upgradeKlyngeDB(
      wrap(request.result) as unknown as IDBPDatabase<KlyngeDB>,
      event.oldVersion,
      wrap(tx) as unknown as Parameters<typeof upgradeKlyngeDB>[2],
    ).catch(() => {
      // The open then fails with an AbortError, and the database stays at its old version.
      try {
        tx.abort();
      } catch {
        // Already aborted.
      }
    });
  });
  const db = (await wrap(request)) as unknown as IDBPDatabase<KlyngeDB>;
  db.addEventListener("versionchange", () => handlers.onVersionChange(db));
  db.addEventListener("close", () => handlers.onTerminated(db));
  return db;
}
