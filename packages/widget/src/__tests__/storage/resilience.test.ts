import "fake-indexeddb/auto";
import type { Response } from "@klynge/engine";
import { forceCloseDatabase, IDBFactory, IDBObjectStore } from "fake-indexeddb";
import { type IDBPDatabase, wrap } from "idb";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { messages } from "../../messages.js";
import { DB_VERSION } from "../../storage/klyngeDB.js";
import { openResponseStore } from "../../storage/openResponseStore.js";
import { requestPersistence } from "../../storage/requestPersistence.js";
import type {
  ResponseStore,
  ResponseStoreEvent,
  ResponseStoreOptions,
} from "../../storage/responseStore.js";
import { StorageError } from "../../storage/storageError.js";
import { isQuotaError } from "../../storage/toStorageError.js";

const versionHash = "d".repeat(64);
const firstId = "3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f";

let factory: IDBFactory;
let events: ResponseStoreEvent[];
/** Every connection the store opened, to close or break them from outside. */
let connections: IDBDatabase[];
const opened: ResponseStore[] = [];

beforeEach(() => {
  factory = new IDBFactory();
  events = [];
  connections = [];
  const open = factory.open.bind(factory);
  factory.open = (name, version) => {
    const request = open(name, version);
    request.addEventListener("success", () => connections.push(request.result));
    return request;
  };
});

afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

async function open(options: ResponseStoreOptions = {}): Promise<ResponseStore> {
  const store = await openResponseStore({
    indexedDB: factory,
    createChannel: null,
    onEvent: (event) => events.push(event),
    ...options,
  });
  opened.push(store);
  return store;
}

async function withAnswer(store: ResponseStore): Promise<void> {
  await store.createDraft({ responseId: firstId, roundId: "r1", versionHash, channel: "embed" });
  await store.saveAnswer(firstId, "q1", { choice: "ja" }, 1);
}

function quotaError(): DOMException {
  return new DOMException("The quota has been exceeded.", "QuotaExceededError");
}

function stubPut(fail: (store: IDBObjectStore) => never): void {
  vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (this: IDBObjectStore) {
    return fail(this);
  });
}

describe("quota", () => {
  it("turns QuotaExceededError into quota_exceeded with a Danish and English message; earlier data stays", async () => {
    const store = await open();
    await withAnswer(store);
    stubPut(() => {
      throw quotaError();
    });
    const error = await store.saveAnswer(firstId, "q2", { text: "lang tekst" }, 2).catch((e) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: "quota_exceeded" });
    const { code } = error as StorageError;
    expect(messages.da.storageError[code]).toMatch(/^Enheden er løbet tør for lagerplads/);
    expect(messages.en.storageError[code]).toMatch(/run out of storage space/);
    vi.restoreAllMocks();
    expect(await store.getDraft(firstId)).toMatchObject({
      page: 1,
      answers: { q1: { choice: "ja" } },
    });
  });

  it("recognises an AbortError whose transaction error is the quota (Chromium)", async () => {
    const store = await open();
    await withAnswer(store);
    stubPut((objectStore) => {
      Object.assign(objectStore.transaction, { error: quotaError() });
      throw new DOMException("The transaction was aborted.", "AbortError");
    });
    await expect(store.savePage(firstId, 3)).rejects.toMatchObject({ code: "quota_exceeded" });
    vi.restoreAllMocks();
    expect((await store.getDraft(firstId))?.page).toBe(1);
  });

  it("recognises an AbortError event whose target error is the quota", async () => {
    const store = await open();
    await withAnswer(store);
    stubPut(() => {
      const abort = new DOMException("aborted", "AbortError");
      throw Object.assign(abort, { target: { error: quotaError() } });
    });
    await expect(store.submit(responseFor(firstId))).rejects.toMatchObject({
      code: "quota_exceeded",
    });
    vi.restoreAllMocks();
    expect(await store.getDraft(firstId)).toBeDefined();
    expect(await store.outbox()).toEqual([]);
  });

  it("recognises a transaction that aborts at commit for quota after its put succeeded", async () => {
    const store = await open();
    await withAnswer(store);
    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore["put"]>
    ) {
      const request = original.apply(this, args);
      // fake-indexeddb's own abort path, with the error a full disk gives in Chromium.
      const tx = this.transaction as unknown as { _abort(name: string): void };
      request.addEventListener("success", () => tx._abort("QuotaExceededError"));
      return request;
    });
    await expect(store.saveAnswer(firstId, "q1", { choice: "nej" }, 4)).rejects.toMatchObject({
      code: "quota_exceeded",
    });
    vi.restoreAllMocks();
    expect(await store.getDraft(firstId)).toMatchObject({
      page: 1,
      answers: { q1: { choice: "ja" } },
    });
  });

  it("isQuotaError looks at the error, its target's error, its cause and the transaction's error", () => {
    const abort = new DOMException("aborted", "AbortError");
    expect(isQuotaError(quotaError())).toBe(true);
    expect(isQuotaError(abort, quotaError())).toBe(true);
    expect(isQuotaError({ target: { error: quotaError() } })).toBe(true);
    expect(isQuotaError(new Error("wrapped", { cause: quotaError() }))).toBe(true);
    expect(isQuotaError({ name: "NS_ERROR_DOM_QUOTA_REACHED" })).toBe(true);
    expect(isQuotaError(abort)).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });
});

function responseFor(id: string): Response {
  return {
    schemaVersion: 1,
    id,
    roundId: "r1",
    versionHash,
    channel: "embed",
    startedAt: "2025-03-04T08:59:00.000Z",
    answers: { q1: { choice: "ja" } },
  };
}

describe("connection", () => {
  it("reopens a connection that was closed under it and retries the operation once", async () => {
    const store = await open();
    await withAnswer(store);
    connections[0]?.close();
    await store.saveAnswer(firstId, "q2", { choice: "nej" }, 2);
    expect(connections).toHaveLength(2);
    expect(events).toEqual([{ type: "reconnected" }]);
    expect(await store.getDraft(firstId)).toMatchObject({
      page: 2,
      answers: { q1: { choice: "ja" }, q2: { choice: "nej" } },
    });
  });

  it("reopens after the browser closed the connection (close event)", async () => {
    const store = await open();
    await withAnswer(store);
    const first = connections[0];
    if (first === undefined) throw new Error("no connection was opened");
    forceCloseDatabase(first as never);
    await vi.waitFor(() =>
      expect(events).toContainEqual({ type: "connection_closed", reason: "terminated" }),
    );
    expect((await store.getDraft(firstId))?.answers).toEqual({ q1: { choice: "ja" } });
    expect(connections).toHaveLength(2);
  });

  it("retries a write aborted by a forced close before the close event arrived", async () => {
    const store = await open();
    await withAnswer(store);
    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementationOnce(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore["put"]>
    ) {
      const request = original.apply(this, args);
      const tx = this.transaction;
      request.addEventListener("success", () => {
        // The browser's order: the connection is closing and its transaction aborted, while
        // the close event is still to come (fake-indexeddb's own flag; it never fires here).
        Object.assign(tx.db, { _closePending: true });
        tx.abort();
      });
      return request;
    });
    await store.saveAnswer(firstId, "q2", { choice: "nej" }, 2);
    expect(connections).toHaveLength(2);
    expect(await store.getDraft(firstId)).toMatchObject({
      page: 2,
      answers: { q1: { choice: "ja" }, q2: { choice: "nej" } },
    });
  });

  it("reopens and retries when WebKit says its IndexedDB server was lost (iOS under memory pressure)", async () => {
    const store = await open();
    await withAnswer(store);
    // WebKit's error for a connection whose server went away; the browser tests cannot make it
    // (killing WebKitGTK's network process ends the WebDriver session), so its shape is copied.
    const lost = new DOMException(
      "Connection to Indexed Database server lost. Refresh the page to try again",
      "UnknownError",
    );
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementationOnce(() => {
      throw lost;
    });
    await store.saveAnswer(firstId, "q2", { choice: "nej" }, 2);
    expect(connections).toHaveLength(2);
    expect(await store.getDraft(firstId)).toMatchObject({
      answers: { q1: { choice: "ja" }, q2: { choice: "nej" } },
    });
  });

  it("does not retry another UnknownError: it is reported, not hidden", async () => {
    const store = await open();
    await withAnswer(store);
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementationOnce(() => {
      throw new DOMException("An internal error was encountered", "UnknownError");
    });
    await expect(store.saveAnswer(firstId, "q2", { choice: "nej" }, 2)).rejects.toBeInstanceOf(
      StorageError,
    );
    expect(connections).toHaveLength(1);
  });

  it("rejects with unavailable when the reopened connection fails too", async () => {
    const store = await open();
    await withAnswer(store);
    connections[0]?.close();
    const openTracked = factory.open;
    factory.open = (name, version) => {
      const request = openTracked(name, version);
      request.addEventListener("success", () => request.result.close());
      return request;
    };
    await expect(store.savePage(firstId, 3)).rejects.toMatchObject({ code: "unavailable" });
  });

  it("closes on versionchange so another tab's upgrade is not blocked; then asks for a reload", async () => {
    const store = await open();
    await withAnswer(store);
    const blocked = vi.fn();
    const request = factory.open("klynge", DB_VERSION + 1);
    request.addEventListener("blocked", blocked);
    const newer = (await wrap(request)) as IDBPDatabase;
    expect(blocked).not.toHaveBeenCalled();
    expect(events).toContainEqual({ type: "connection_closed", reason: "versionchange" });
    await expect(store.getDraft(firstId)).rejects.toMatchObject({ code: "outdated" });
    newer.close();
  });

  it("carries on after another tab deleted the database", async () => {
    const store = await open();
    await withAnswer(store);
    await new Promise((resolve, reject) => {
      const request = factory.deleteDatabase("klynge");
      request.onsuccess = resolve;
      request.onerror = reject;
    });
    expect(await store.getDraft(firstId)).toBeUndefined();
    await store.createDraft({ responseId: firstId, roundId: "r1", versionHash, channel: "embed" });
    expect(await store.getDraft(firstId)).toBeDefined();
  });

  it("rejects with unavailable after close()", async () => {
    const store = await open();
    await store.close();
    await expect(store.getDraft(firstId)).rejects.toMatchObject({ code: "unavailable" });
  });

  it("rejects with a typed error when there is no IndexedDB", async () => {
    vi.stubGlobal("indexedDB", undefined);
    const error = await openResponseStore({ createChannel: null }).catch((e) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: "unavailable" });
    expect(String((error as StorageError).cause)).toMatch(/pass `indexedDB`/);
  });

  it("uses globalThis.indexedDB by default", async () => {
    vi.stubGlobal("indexedDB", factory);
    const store = await openResponseStore({ name: "klynge-default", createChannel: null });
    opened.push(store);
    await withAnswer(store);
    expect((await factory.databases()).map((db) => db.name)).toContain("klynge-default");
  });
});

describe("requestPersistence", () => {
  it("reports persisted without asking again when already persisted", async () => {
    const persist = vi.fn(async () => true);
    expect(await requestPersistence({ persisted: async () => true, persist })).toBe("persisted");
    expect(persist).not.toHaveBeenCalled();
  });

  it("asks, and reports what the browser granted", async () => {
    const persisted = async () => false;
    expect(await requestPersistence({ persisted, persist: async () => true })).toBe("persisted");
    expect(await requestPersistence({ persisted, persist: async () => false })).toBe("denied");
  });

  it("reports unsupported without a StorageManager, without persist, or when it throws", async () => {
    expect(await requestPersistence({})).toBe("unsupported");
    expect(
      await requestPersistence({
        persist: async () => {
          throw new DOMException("nope", "SecurityError");
        },
      }),
    ).toBe("unsupported");
    vi.stubGlobal("navigator", {});
    expect(await requestPersistence()).toBe("unsupported");
  });
});
