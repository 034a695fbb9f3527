import type { IDBPDatabase } from "idb";
import type * as z from "zod/mini";
import type { ChangeNotifier } from "./changeNotifier.js";
import { checkRecord } from "./checkRecord.js";
import type { Connection } from "./connection.js";
import type { StoreName } from "./klyngeDB.js";
import { moveToQuarantine } from "./moveToQuarantine.js";
import type { QuarantineRecord, StoredIssue } from "./records.js";
import type { ResponseStoreEvent } from "./responseStore.js";
import { toStorageError } from "./toStorageError.js";
import { type WriteTx, writeTransaction } from "./writeTransaction.js";

type CheckedStore = QuarantineRecord["store"];

export interface ReadQuery {
  /** An index of the store; without it, the store's own keys. */
  readonly index?: string;
  /** A key (or key range) to match; without it, every record. */
  readonly query?: IDBValidKey | IDBKeyRange;
}

export interface RecordAccess {
  /** Valid records only; the others are quarantined (and reported) before this resolves. */
  read<T>(store: CheckedStore, schema: z.ZodMiniType<T>, where?: ReadQuery): Promise<T[]>;
  /** One committed transaction; events collected by `body` are reported after the commit. */
  write<T>(
    stores: StoreName[],
    body: (tx: WriteTx, events: ResponseStoreEvent[]) => Promise<T>,
  ): Promise<T>;
  /** Inside `write` (with "quarantine" in scope): the record if valid, else it is quarantined. */
  takeValid<T>(
    tx: WriteTx,
    store: CheckedStore,
    key: string,
    schema: z.ZodMiniType<T>,
    events: ResponseStoreEvent[],
  ): Promise<T | undefined>;
}

interface Invalid {
  readonly key: IDBValidKey;
  readonly issues: readonly StoredIssue[];
}

export function createRecordAccess(
  connection: Connection,
  notifier: ChangeNotifier,
  report: (event: ResponseStoreEvent) => void,
  stamp: () => string,
): RecordAccess {
  async function takeValid<T>(
    tx: WriteTx,
    store: CheckedStore,
    key: IDBValidKey,
    schema: z.ZodMiniType<T>,
    events: ResponseStoreEvent[],
  ): Promise<T | undefined> {
    const raw: unknown = await tx.objectStore(store).get(key as string);
    if (raw === undefined) return undefined;
    const checked = checkRecord(schema, raw);
    if (checked.success) return checked.data;
    await moveToQuarantine(tx, store, key, raw, checked.issues, stamp());
    events.push({ type: "quarantined", store, key, issues: checked.issues });
    return undefined;
  }

  async function write<T>(
    stores: StoreName[],
    body: (tx: WriteTx, events: ResponseStoreEvent[]) => Promise<T>,
  ): Promise<T> {
    let events: ResponseStoreEvent[] = [];
    const result = await connection.run("write_failed", (db) => {
      // A retried attempt starts afresh: the aborted one's events never happened.
      events = [];
      return writeTransaction(db, stores, (tx) => body(tx, events));
    });
    for (const event of events) report(event);
    notifier.changed();
    return result;
  }

  /** Re-checked inside the write: another tab may have replaced the record meanwhile. */
  async function quarantine<T>(
    store: CheckedStore,
    schema: z.ZodMiniType<T>,
    invalid: readonly Invalid[],
  ): Promise<void> {
    try {
      await write([store, "quarantine"], async (tx, events) => {
        for (const { key } of invalid) await takeValid(tx, store, key, schema, events);
      });
    } catch (error) {
      // The read still answers with the valid records; the bad ones stay where they are.
      const storageError = toStorageError(error, "write_failed");
      for (const { key } of invalid) {
        report({ type: "quarantine_failed", store, key, error: storageError });
      }
    }
  }

  async function read<T>(
    store: CheckedStore,
    schema: z.ZodMiniType<T>,
    where: ReadQuery = {},
  ): Promise<T[]> {
    const [values, keys] = await connection.run("unavailable", async (typed) => {
      // Untyped on purpose: until checked, what comes back is unknown.
      const db = typed as unknown as IDBPDatabase;
      const tx = db.transaction(store, "readonly");
      const source = where.index === undefined ? tx.store : tx.store.index(where.index);
      return Promise.all([source.getAll(where.query), source.getAllKeys(where.query)]);
    });
    const valid: T[] = [];
    const invalid: Invalid[] = [];
    values.forEach((raw: unknown, i) => {
      const checked = checkRecord(schema, raw);
      if (checked.success) valid.push(checked.data);
      else invalid.push({ key: keys[i] as IDBValidKey, issues: checked.issues });
    });
    if (invalid.length > 0) await quarantine(store, schema, invalid);
    return valid;
  }

  return { read, write, takeValid };
}
