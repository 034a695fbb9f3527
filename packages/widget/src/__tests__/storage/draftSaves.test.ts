import "fake-indexeddb/auto";
import { IDBObjectStore } from "fake-indexeddb";
import { describe, expect, it, vi } from "vitest";
import { sameData } from "../../storage/sameData.js";
import { storeHarness } from "./storeHarness.js";

// Issue 17: a save puts the change without waiting for a read when the store knows the draft as
// stored; what another tab did meanwhile must still hold.

const versionHash = "a".repeat(64);
const firstId = "3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f";
const open = storeHarness();

function newDraft() {
  return { responseId: firstId, roundId: "2025-baseline", versionHash, channel: "kiosk" as const };
}

describe("a save of a known draft", () => {
  it("puts the change without waiting for the read of the stored draft", async () => {
    const store = await open();
    await store.createDraft(newDraft());
    let lastGet: IDBRequest | undefined;
    const readyAtPut: string[] = [];
    const { get, put } = IDBObjectStore.prototype;
    vi.spyOn(IDBObjectStore.prototype, "get").mockImplementation(function (
      this: IDBObjectStore,
      key: IDBValidKey | IDBKeyRange,
    ) {
      lastGet = get.call(this, key);
      return lastGet;
    });
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      readyAtPut.push(lastGet?.readyState ?? "no read");
      return put.call(this, value, key);
    });
    await store.saveAnswer(firstId, "q1", { choice: "ja" }, 0);
    expect(readyAtPut).toEqual(["pending"]);
    expect(await store.getDraft(firstId)).toMatchObject({ answers: { q1: { choice: "ja" } } });
  });

  it("keeps an answer another tab saved in the same draft meanwhile", async () => {
    const here = await open();
    const otherTab = await open();
    await here.createDraft(newDraft());
    await here.saveAnswer(firstId, "q1", { choice: "ja" }, 0);
    await otherTab.saveAnswer(firstId, "q2", { choice: "nej" }, 1);
    const saved = await here.saveAnswer(firstId, "q3", { text: "tre" }, 2);
    const expected = {
      page: 2,
      answers: { q1: { choice: "ja" }, q2: { choice: "nej" }, q3: { text: "tre" } },
    };
    expect(saved).toMatchObject(expected);
    expect(await otherTab.getDraft(firstId)).toMatchObject(expected);
  });

  it("does not bring back a draft another tab discarded: rejects with draft_missing", async () => {
    const here = await open();
    const otherTab = await open();
    await here.createDraft(newDraft());
    await here.saveAnswer(firstId, "q1", { choice: "ja" }, 0);
    await otherTab.discardDraft(firstId);
    await expect(here.saveAnswer(firstId, "q2", { choice: "nej" }, 0)).rejects.toMatchObject({
      code: "draft_missing",
    });
    expect(await otherTab.getDraft(firstId)).toBeUndefined();
  });

  it("lands saves made without waiting in call order, also when the draft changed under them", async () => {
    const here = await open();
    const otherTab = await open();
    await here.createDraft(newDraft());
    await here.saveAnswer(firstId, "q1", { choice: "0" }, 0);
    await otherTab.saveAnswer(firstId, "q9", { choice: "fra den anden fane" }, 0);
    const saves = [1, 2, 3, 4, 5].map((n) => here.saveAnswer(firstId, "q1", { choice: `${n}` }, n));
    saves.push(here.savePage(firstId, 7));
    await Promise.all(saves);
    expect(await otherTab.getDraft(firstId)).toMatchObject({
      page: 7,
      answers: { q1: { choice: "5" }, q9: { choice: "fra den anden fane" } },
    });
  });

  it("reads the draft afresh after a failed save, and the next save keeps what was stored", async () => {
    const store = await open();
    await store.createDraft(newDraft());
    await store.saveAnswer(firstId, "q1", { choice: "ja" }, 1);
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementationOnce(() => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    });
    await expect(store.saveAnswer(firstId, "q2", { choice: "nej" }, 2)).rejects.toMatchObject({
      code: "quota_exceeded",
    });
    await store.saveAnswer(firstId, "q3", { text: "tre" }, 3);
    expect(await store.getDraft(firstId)).toMatchObject({
      page: 3,
      answers: { q1: { choice: "ja" }, q3: { text: "tre" } },
    });
    expect((await store.getDraft(firstId))?.answers).not.toHaveProperty("q2");
  });

  it("rejects a page that would not pass the draft's schema, writing nothing", async () => {
    const store = await open();
    await store.createDraft(newDraft());
    await store.savePage(firstId, 2);
    await expect(store.savePage(firstId, 1.5)).rejects.toMatchObject({ code: "invalid_record" });
    await store.savePage(firstId, 3);
    expect((await store.getDraft(firstId))?.page).toBe(3);
  });
});

describe("sameData", () => {
  it("compares records by content, keys in any order", () => {
    const record = { a: 1, b: { c: ["x", { d: null }] }, e: undefined };
    expect(sameData(record, { e: undefined, b: { c: ["x", { d: null }] }, a: 1 })).toBe(true);
    expect(sameData(record, { a: 1, b: { c: ["x", { d: 0 }] }, e: undefined })).toBe(false);
    expect(sameData(record, { a: 1, b: { c: ["x", { d: null }] } })).toBe(false);
    expect(sameData(["a"], { 0: "a" })).toBe(false);
    expect(sameData(undefined, {})).toBe(false);
    expect(sameData(Number.NaN, Number.NaN)).toBe(true);
  });

  it("calls anything but plain objects and arrays unequal, to be safe", () => {
    expect(sameData(new Date(0), new Date(1))).toBe(false);
    expect(sameData(new Date(0), new Date(0))).toBe(false);
  });
});
