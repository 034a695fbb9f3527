import type { PrerenderedValue } from "./prerenderedPage.js";

/**
 * The early save's own database, apart from the app's drafts (`klynge`): the page's inline script
 * writes here before the app's bundle has arrived, so this schema is all it needs to know. One
 * store, one record per round, written whole; its upgrade is here and nowhere else. Raw IndexedDB
 * (no idb): the inline script must stay a few hundred bytes.
 */
export const earlyDatabase = { name: "klynge-early", version: 1, store: "answers" } as const;

/**
 * What the server-rendered page held when it was last saved, under its round and the page's
 * invitation (by hash: a second person's link in the same browser gets a record of its own and
 * never sees this one). No time, no token, no id.
 */
export interface EarlyRecord {
  readonly roundId: string;
  /** `passTag` of the page's invitation; "" for none. */
  readonly pass: string;
  readonly versionHash: string;
  /** By SurveyJS question name (`${name}-Comment` for an "Andet" text), as the page reads them. */
  readonly answers: Readonly<Record<string, PrerenderedValue>>;
}

function isAnswer(value: unknown): value is PrerenderedValue {
  if (typeof value === "string") return true;
  if (Array.isArray(value)) return value.every((item) => typeof item === "string");
  return (
    typeof value === "object" &&
    value !== null &&
    Object.values(value).every((item) => typeof item === "string")
  );
}

/** Which round, version and invitation a record is of. */
export interface EarlyKey {
  readonly roundId: string;
  readonly versionHash: string;
  readonly pass: string;
}

/**
 * The invitation as the early store keys it: SHA-256, hex ("" without one). The draft store keeps
 * the token itself; this keeps only what tells one link from another. Rejects where WebCrypto is
 * missing (not a secure context): no early save there.
 */
export async function passTag(invitation: string | undefined): Promise<string> {
  if (invitation === undefined) return "";
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(invitation));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A stored value that is an early record of `key`; anything else is ignored. */
export function isEarlyRecord(value: unknown, key: EarlyKey): value is EarlyRecord {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Partial<Record<keyof EarlyRecord, unknown>>;
  const { roundId, versionHash } = key;
  return (
    record.roundId === roundId &&
    record.pass === key.pass &&
    record.versionHash === versionHash &&
    typeof record.answers === "object" &&
    record.answers !== null &&
    Object.values(record.answers).every(isAnswer)
  );
}

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Resolves once `tx` has committed (`complete`), rejects if it aborts or fails. */
function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error("transaction aborted"));
  });
}

/** Async, so an `open` that throws (storage blocked: SecurityError) is a rejection too. */
export async function openEarlyStore(factory: IDBFactory): Promise<IDBDatabase> {
  const request = factory.open(earlyDatabase.name, earlyDatabase.version);
  request.onupgradeneeded = () => {
    request.result.createObjectStore(earlyDatabase.store, { keyPath: ["roundId", "pass"] });
  };
  const db = await result(request);
  // A later version in another tab: let it upgrade.
  db.onversionchange = () => db.close();
  return db;
}

export async function readEarlyRecord(
  db: IDBDatabase,
  key: EarlyKey,
): Promise<EarlyRecord | undefined> {
  const store = db.transaction(earlyDatabase.store).objectStore(earlyDatabase.store);
  const stored: unknown = await result(store.get([key.roundId, key.pass]));
  return isEarlyRecord(stored, key) ? stored : undefined;
}

/** Puts the round's record; resolves after the commit, flushed to disk (`durability: "strict"`). */
export function writeEarlyRecord(db: IDBDatabase, record: EarlyRecord): Promise<void> {
  const tx = db.transaction(earlyDatabase.store, "readwrite", { durability: "strict" });
  tx.objectStore(earlyDatabase.store).put(record);
  return committed(tx);
}

/** Deletes the round's record if it is still `expected`: another tab may have written since. */
export function clearEarlyRecord(db: IDBDatabase, expected: EarlyRecord): Promise<void> {
  const tx = db.transaction(earlyDatabase.store, "readwrite", { durability: "strict" });
  const store = tx.objectStore(earlyDatabase.store);
  const key = [expected.roundId, expected.pass];
  const stored = store.get(key);
  stored.onsuccess = () => {
    if (JSON.stringify(stored.result) === JSON.stringify(expected)) store.delete(key);
  };
  return committed(tx);
}
