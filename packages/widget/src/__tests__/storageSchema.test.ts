import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { type IDBPDatabase, wrap } from "idb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DB_VERSION, openResponseStore, type ResponseStore } from "../index.js";

const versionHash = "e".repeat(64);
const responseId = "3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f";

let factory: IDBFactory;
/** oldVersion of every upgrade the factory ran. */
let upgrades: number[];
const closers: (() => unknown)[] = [];

beforeEach(() => {
  factory = new IDBFactory();
  upgrades = [];
  const open = factory.open.bind(factory);
  factory.open = (name, version) => {
    const request = open(name, version);
    request.addEventListener("upgradeneeded", (event) => upgrades.push(event.oldVersion));
    return request;
  };
});

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function openStore(): Promise<ResponseStore> {
  const store = await openResponseStore({ indexedDB: factory, createChannel: null });
  closers.push(() => store.close());
  return store;
}

async function openRaw(version?: number): Promise<IDBPDatabase> {
  const db = (await wrap(factory.open("klynge", version))) as IDBPDatabase;
  closers.push(() => db.close());
  return db;
}

describe("schema versions", () => {
  it("upgrades a hand-made empty database (version 0) to version 1", async () => {
    // Aborting the first upgrade leaves the database at version 0: it exists in name only.
    const request = factory.open("klynge", 1);
    request.addEventListener("upgradeneeded", () => request.transaction?.abort());
    await expect(wrap(request)).rejects.toMatchObject({ name: "AbortError" });
    expect(upgrades).toEqual([0]);

    await openStore();
    expect(upgrades).toEqual([0, 0]);
    const db = await openRaw();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toEqual(["drafts", "outbox", "quarantine"]);
    const tx = db.transaction(["drafts", "outbox", "quarantine"]);
    const drafts = tx.objectStore("drafts");
    expect(drafts.keyPath).toBe("responseId");
    expect(drafts.index("byRound").keyPath).toBe("roundId");
    const outbox = tx.objectStore("outbox");
    expect(outbox.keyPath).toBe("response.id");
    expect(outbox.index("byState").keyPath).toBe("state");
    const quarantine = tx.objectStore("quarantine");
    expect(quarantine.autoIncrement).toBe(true);
    expect(quarantine.keyPath).toBeNull();
  });

  it("opens an existing version-1 database without upgrading, keeping its records", async () => {
    const store = await openStore();
    await store.createDraft({ responseId, roundId: "r1", versionHash, channel: "app" });
    await store.close();

    const again = await openStore();
    expect(upgrades).toEqual([0]);
    expect(await again.getDraft(responseId)).toMatchObject({ responseId, roundId: "r1" });
  });

  it("asks for a reload when another tab already upgraded to a newer version", async () => {
    const newer = await openRaw(DB_VERSION + 1);
    newer.close();
    await expect(openStore()).rejects.toMatchObject({ code: "outdated" });
  });
});
