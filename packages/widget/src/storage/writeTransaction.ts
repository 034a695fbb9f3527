import type { IDBPDatabase, IDBPTransaction } from "idb";
import type { KlyngeDB, StoreName } from "./klyngeDB.js";
import { toStorageError } from "./toStorageError.js";

export type WriteTx = IDBPTransaction<KlyngeDB, StoreName[], "readwrite">;

/**
 * Runs `body` in one strict-durability readwrite transaction and resolves only after the
 * transaction's `complete`: a request's success is not yet on disk, and "Gemt" must mean saved.
 * If `body` fails, the transaction is aborted so none of its writes land; the failure becomes a
 * `StorageError` (quota errors recognised also when Chromium reports them as an abort).
 */
export async function writeTransaction<T>(
  db: IDBPDatabase<KlyngeDB>,
  stores: StoreName[],
  body: (tx: WriteTx) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(stores, "readwrite", { durability: "strict" });
  const done = tx.done;
  // Observed below in every path; without this an abort would also surface as unhandled.
  done.catch(() => undefined);
  try {
    const result = await body(tx);
    await done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by IndexedDB itself (or finished): nothing left to undo.
    }
    await done.catch(() => undefined);
    throw toStorageError(error, "write_failed", tx.error);
  }
}
