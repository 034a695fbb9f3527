import { type IDBPDatabase, unwrap } from "idb";
import type { KlyngeDB } from "./klyngeDB.js";
import type { OpenKlyngeDBHandlers } from "./openKlyngeDB.js";
import { StorageError, type StorageErrorCode } from "./storageError.js";
import { isConnectionLost, toStorageError } from "./toStorageError.js";

export type ConnectionEvent =
  | { readonly type: "connection_closed"; readonly reason: "versionchange" | "terminated" }
  | { readonly type: "reconnected" };

type Db = IDBPDatabase<KlyngeDB>;

/**
 * A forced close aborts the running transactions before its `close` event arrives, so a failed
 * operation asks the connection itself: once closing, it refuses to start a transaction.
 */
function isClosing(db: Db): boolean {
  try {
    // The raw connection: idb would give the probe a `done` promise that rejects on the abort.
    unwrap(db).transaction("drafts").abort();
    return false;
  } catch (error) {
    return isConnectionLost(error);
  }
}

/**
 * Holds one IndexedDB connection, opened lazily and again after the browser or another tab
 * closed it; an operation that fails because its connection went away is retried once on a new
 * one. Safe to retry: a transaction on a lost connection never committed.
 */
export class Connection {
  readonly #open: (handlers: OpenKlyngeDBHandlers) => Promise<Db>;
  readonly #report: (event: ConnectionEvent) => void;
  readonly #lost = new WeakSet<Db>();
  #current: Promise<Db> | undefined;
  #currentDb: Db | undefined;
  #opened = 0;
  #shut = false;

  constructor(
    open: (handlers: OpenKlyngeDBHandlers) => Promise<Db>,
    report: (event: ConnectionEvent) => void,
  ) {
    this.#open = open;
    this.#report = report;
  }

  /** `fallback`: the error code for a failure that is neither quota nor a lost connection. */
  async run<T>(fallback: StorageErrorCode, operation: (db: Db) => Promise<T>): Promise<T> {
    const db = await this.connect();
    try {
      return await operation(db);
    } catch (error) {
      if (this.#shut || !(this.#lost.has(db) || isConnectionLost(error) || isClosing(db))) {
        throw toStorageError(error, fallback);
      }
      this.#forget(db);
      try {
        return await operation(await this.connect());
      } catch (retryError) {
        throw toStorageError(retryError, isConnectionLost(retryError) ? "unavailable" : fallback);
      }
    }
  }

  /** Opens the connection if there is none; rejects with a `StorageError`. */
  connect(): Promise<Db> {
    if (this.#shut) return Promise.reject(new StorageError("unavailable"));
    if (this.#current !== undefined) return this.#current;
    const opening = this.#open({
      onVersionChange: (db) => {
        // Closing at once lets the other tab's upgrade proceed instead of being blocked by us.
        db.close();
        this.#forget(db);
        this.#report({ type: "connection_closed", reason: "versionchange" });
      },
      onTerminated: (db) => {
        this.#forget(db);
        this.#report({ type: "connection_closed", reason: "terminated" });
      },
    }).then(
      (db) => {
        if (this.#current === opening) this.#currentDb = db;
        this.#opened += 1;
        if (this.#opened > 1) this.#report({ type: "reconnected" });
        return db;
      },
      (error: unknown) => {
        if (this.#current === opening) this.#current = undefined;
        throw toStorageError(error, "unavailable");
      },
    );
    this.#current = opening;
    return opening;
  }

  async close(): Promise<void> {
    this.#shut = true;
    const current = this.#current;
    this.#current = undefined;
    this.#currentDb = undefined;
    if (current === undefined) return;
    try {
      (await current).close();
    } catch {
      // It never opened: nothing to close.
    }
  }

  #forget(db: Db): void {
    this.#lost.add(db);
    if (this.#currentDb !== db) return;
    this.#current = undefined;
    this.#currentDb = undefined;
  }
}
