import "fake-indexeddb/auto";
import { IDBDatabase, IDBObjectStore } from "fake-indexeddb";
import { describe, expect, it, vi } from "vitest";
import { StorageError } from "../../storage/storageError.js";
import { storeHarness } from "./storeHarness.js";

const versionHash = "a".repeat(64);
const firstId = "3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f";
const secondId = "7d1e2f3a-4b5c-4d6e-9f70-8a9b0c1d2e3f";

const open = storeHarness();

function newDraft(responseId = firstId, roundId = "2025-baseline") {
  return { responseId, roundId, versionHash, channel: "kiosk" as const };
}

describe("drafts", () => {
  it("creates an empty draft on page 0 with the clock's timestamps", async () => {
    const store = await open();
    const draft = await store.createDraft(newDraft());
    expect(draft).toEqual({
      schemaVersion: 2,
      responseId: firstId,
      roundId: "2025-baseline",
      versionHash,
      channel: "kiosk",
      startedAt: "2025-03-04T09:00:01.000Z",
      updatedAt: "2025-03-04T09:00:01.000Z",
      page: 0,
      answers: {},
    });
    expect(await store.getDraft(firstId)).toEqual(draft);
  });

  it("saves answers and the page, clears an answer with undefined, and resumes after a reload", async () => {
    const store = await open();
    await store.createDraft(newDraft());
    await store.saveAnswer(firstId, "rehab.kendskab", { choice: "hoej" }, 0);
    await store.saveAnswer(firstId, "rehab.henvisning", { choices: ["elektronisk"] }, 1);
    await store.saveAnswer(firstId, "rehab.kendskab", undefined, 1);
    await store.savePage(firstId, 2);
    await store.close();

    const reloaded = await open();
    const resumed = await reloaded.latestDraft("2025-baseline");
    expect(resumed).toMatchObject({
      responseId: firstId,
      page: 2,
      answers: { "rehab.henvisning": { choices: ["elektronisk"] } },
      updatedAt: "2025-03-04T09:00:05.000Z",
    });
    expect(resumed?.answers).not.toHaveProperty("rehab.kendskab");
  });

  it("keeps a question id such as __proto__ as a plain answer key", async () => {
    const store = await open();
    await store.createDraft(newDraft());
    const saved = await store.saveAnswer(firstId, "__proto__", { text: "hej" }, 0);
    expect(Object.getPrototypeOf(saved.answers)).toBe(Object.prototype);
    expect(Object.keys(saved.answers)).toEqual(["__proto__"]);
    const read = await store.getDraft(firstId);
    expect(Object.keys(read?.answers ?? {})).toEqual(["__proto__"]);
    await store.saveAnswer(firstId, "q2", { choice: "ja" }, 0);
    expect(Object.keys((await store.getDraft(firstId))?.answers ?? {})).toEqual([
      "__proto__",
      "q2",
    ]);
  });

  it("resumes the round's most recently updated draft, and none for another round", async () => {
    const store = await open();
    await store.createDraft(newDraft(firstId));
    await store.createDraft(newDraft(secondId));
    await store.saveAnswer(firstId, "q1", { choice: "ja" }, 1);
    expect((await store.latestDraft("2025-baseline"))?.responseId).toBe(firstId);
    await store.savePage(secondId, 3);
    expect((await store.latestDraft("2025-baseline"))?.responseId).toBe(secondId);
    expect(await store.latestDraft("2025-followup")).toBeUndefined();
  });

  it("returns the existing draft when created twice, and refuses the id for another round", async () => {
    const store = await open();
    const first = await store.createDraft(newDraft());
    await store.saveAnswer(firstId, "q1", { choice: "ja" }, 1);
    const again = await store.createDraft(newDraft());
    expect(again.startedAt).toBe(first.startedAt);
    expect(again.answers).toEqual({ q1: { choice: "ja" } });
    await expect(store.createDraft(newDraft(firstId, "2025-followup"))).rejects.toMatchObject({
      code: "id_in_use",
    });
  });

  it("rejects a draft that would not pass its own schema, writing nothing", async () => {
    const store = await open();
    const rejection = await store.createDraft(newDraft("not-a-uuid")).catch((e: unknown) => e);
    expect(rejection).toBeInstanceOf(StorageError);
    expect(rejection).toMatchObject({ code: "invalid_record" });
    expect((rejection as StorageError).issues[0]?.path).toEqual(["responseId"]);
    expect(await store.latestDraft("2025-baseline")).toBeUndefined();
    await store.createDraft(newDraft());
    await expect(store.savePage(firstId, -1)).rejects.toMatchObject({ code: "invalid_record" });
    expect((await store.getDraft(firstId))?.page).toBe(0);
  });

  it("rejects saving into a draft that does not exist (e.g. discarded in another tab)", async () => {
    const store = await open();
    await store.createDraft(newDraft());
    await store.discardDraft(firstId);
    expect(await store.getDraft(firstId)).toBeUndefined();
    await expect(store.saveAnswer(firstId, "q1", { choice: "ja" }, 0)).rejects.toMatchObject({
      code: "draft_missing",
    });
    expect(await store.getDraft(firstId)).toBeUndefined();
  });
});

describe("durability", () => {
  it("opens every write transaction with durability strict", async () => {
    const spy = vi.spyOn(IDBDatabase.prototype, "transaction");
    const store = await open();
    await store.createDraft(newDraft());
    await store.saveAnswer(firstId, "q1", { choice: "ja" }, 0);
    await store.savePage(firstId, 1);
    await store.discardDraft(firstId);
    const writes = spy.mock.calls.filter(([, mode]) => mode === "readwrite");
    expect(writes).toHaveLength(4);
    for (const [, , options] of writes) expect(options).toEqual({ durability: "strict" });
    const transactions = spy.mock.results
      .filter((_, i) => spy.mock.calls[i]?.[1] === "readwrite")
      .map((result) => result.value as IDBTransaction);
    for (const tx of transactions) expect(tx.durability).toBe("strict");
  });

  it("resolves a save only after its transaction's complete event", async () => {
    const store = await open();
    await store.createDraft(newDraft());
    const log: string[] = [];
    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore["put"]>
    ) {
      const request = original.apply(this, args);
      this.transaction.addEventListener("complete", () => log.push("complete"));
      // Keeps the transaction busy well after the put succeeded, as a slow flush to disk would.
      let remaining = 20;
      const keepBusy = () => {
        remaining -= 1;
        if (remaining > 0) this.get("none").addEventListener("success", keepBusy);
      };
      request.addEventListener("success", () => {
        log.push("put succeeded");
        keepBusy();
      });
      return request;
    });
    await store.saveAnswer(firstId, "q1", { choice: "ja" }, 0);
    log.push("resolved");
    expect(log).toEqual(["put succeeded", "complete", "resolved"]);
  });

  it("rejects a save whose transaction aborts after the put succeeded, keeping the old answer", async () => {
    const store = await open();
    await store.createDraft(newDraft());
    await store.saveAnswer(firstId, "q1", { choice: "ja" }, 0);

    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore["put"]>
    ) {
      const request = original.apply(this, args);
      // The request succeeds, then the transaction is lost before it commits.
      request.addEventListener("success", () => this.transaction.abort());
      return request;
    });
    await expect(store.saveAnswer(firstId, "q1", { choice: "nej" }, 1)).rejects.toMatchObject({
      code: "write_failed",
    });
    vi.restoreAllMocks();
    expect(await store.getDraft(firstId)).toMatchObject({
      page: 0,
      answers: { q1: { choice: "ja" } },
    });
  });

  it("writes nothing on pagehide or unload", async () => {
    const spy = vi.spyOn(IDBDatabase.prototype, "transaction");
    await open();
    const before = spy.mock.calls.length;
    window.dispatchEvent(new Event("pagehide"));
    window.dispatchEvent(new Event("beforeunload"));
    window.dispatchEvent(new Event("unload"));
    expect(spy.mock.calls.length).toBe(before);
  });
});
