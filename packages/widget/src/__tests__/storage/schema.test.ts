import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { type IDBPDatabase, wrap } from "idb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DB_VERSION } from "../../storage/klyngeDB.js";
import { openResponseStore } from "../../storage/openResponseStore.js";
import type { ResponseStore } from "../../storage/responseStore.js";

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
  it("upgrades a hand-made empty database (version 0) to the current version", async () => {
    // Aborting the first upgrade leaves the database at version 0: it exists in name only.
    const request = factory.open("klynge", 1);
    request.addEventListener("upgradeneeded", () => request.transaction?.abort());
    await expect(wrap(request)).rejects.toMatchObject({ name: "AbortError" });
    expect(upgrades).toEqual([0]);

    await openStore();
    expect(upgrades).toEqual([0, 0]);
    const db = await openRaw();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toEqual(["drafts", "outbox", "quarantine", "sent"]);
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
    const sent = db.transaction("sent").objectStore("sent");
    expect(sent.keyPath).toBe("response.id");
    expect(sent.index("byRound").keyPath).toBe("response.roundId");
  });

  it("upgrades a version-1 database to version 2, keeping its drafts and outbox", async () => {
    // Version 1 as it shipped: three stores, one draft, one queued response.
    const request = factory.open("klynge", 1);
    request.addEventListener("upgradeneeded", () => {
      const db = request.result;
      db.createObjectStore("drafts", { keyPath: "responseId" }).createIndex("byRound", "roundId");
      db.createObjectStore("outbox", { keyPath: "response.id" }).createIndex("byState", "state");
      db.createObjectStore("quarantine", { autoIncrement: true });
    });
    const v1 = (await wrap(request)) as IDBPDatabase;
    const at = "2026-11-23T10:00:00.000Z";
    await v1.put("drafts", {
      schemaVersion: 1,
      responseId,
      roundId: "r1",
      versionHash,
      channel: "kiosk",
      startedAt: at,
      updatedAt: at,
      page: 1,
      answers: {},
    });
    const queuedId = "9d5f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b";
    const response = {
      schemaVersion: 1,
      id: queuedId,
      roundId: "r1",
      versionHash,
      channel: "kiosk",
      startedAt: at,
      submittedAt: at,
      answers: {},
    };
    await v1.put("outbox", {
      schemaVersion: 1,
      response,
      state: "pending",
      attempts: 0,
      queuedAt: at,
      nextAttemptAt: 0,
    });
    v1.close();

    const store = await openStore();
    expect(upgrades).toEqual([0, 1]);
    expect(await store.getDraft(responseId)).toMatchObject({ page: 1, channel: "kiosk" });
    expect((await store.pending()).map((entry) => entry.response.id)).toEqual([queuedId]);
    expect(await store.sent()).toEqual([]);
    expect(await store.quarantined()).toEqual([]);
  });

  it("upgrades a version-2 database to version 3: drafts and outbox records become record version 2", async () => {
    // Version 2 as it shipped: four stores, record version 1 in drafts, outbox and sent.
    const request = factory.open("klynge", 2);
    request.addEventListener("upgradeneeded", () => {
      const db = request.result;
      db.createObjectStore("drafts", { keyPath: "responseId" }).createIndex("byRound", "roundId");
      db.createObjectStore("outbox", { keyPath: "response.id" }).createIndex("byState", "state");
      db.createObjectStore("quarantine", { autoIncrement: true });
      db.createObjectStore("sent", { keyPath: "response.id" }).createIndex(
        "byRound",
        "response.roundId",
      );
    });
    const v2 = (await wrap(request)) as IDBPDatabase;
    const at = "2026-11-23T10:00:00.000Z";
    const draft = {
      schemaVersion: 1,
      responseId,
      roundId: "r1",
      versionHash,
      channel: "embed",
      startedAt: at,
      updatedAt: at,
      page: 2,
      answers: { q1: { choice: "ja" } },
    };
    const response = (id: string) => ({
      schemaVersion: 1,
      id,
      roundId: "r1",
      versionHash,
      channel: "kiosk",
      startedAt: at,
      submittedAt: at,
      answers: {},
    });
    const queuedId = "9d5f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b";
    const sentId = "0b5f8a3e-4c1d-4e2a-9f6b-2d7c8e9a1b3c";
    const refused = {
      schemaVersion: 1,
      response: response(queuedId),
      state: "conflict",
      attempts: 1,
      queuedAt: at,
      nextAttemptAt: 0,
      lastError: { code: "conflict", message: "HTTP 409" },
    };
    await v2.put("drafts", draft);
    await v2.put("outbox", refused);
    await v2.put("sent", { schemaVersion: 1, response: response(sentId), sentAt: at });
    // Not a record of any version: left for the store to quarantine when it reads it.
    await v2.put("drafts", { responseId: "not-a-record" });
    v2.close();

    const store = await openStore();
    expect(upgrades).toEqual([0, 2]);
    const db = await openRaw();
    expect(db.version).toBe(3);
    expect(await db.get("drafts", responseId)).toEqual({ ...draft, schemaVersion: 2 });
    expect(await db.get("outbox", queuedId)).toEqual({ ...refused, schemaVersion: 2 });
    expect(await store.getDraft(responseId)).toMatchObject({ page: 2, answers: draft.answers });
    expect(await store.outbox()).toEqual([{ ...refused, schemaVersion: 2 }]);
    expect((await store.sent()).map((record) => record.response.id)).toEqual([sentId]);
    expect(await store.latestDraft("r1")).toMatchObject({ responseId });
    expect(await store.counts()).toEqual({ pending: 0, conflict: 1, failed: 0 });
    expect(await store.quarantined()).toEqual([]);
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
