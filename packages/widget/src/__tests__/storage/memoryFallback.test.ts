import "fake-indexeddb/auto";
import type { Response } from "@klynge/engine";
import { IDBObjectStore } from "fake-indexeddb";
import { describe, expect, it, vi } from "vitest";
import { createMemoryResponseStore } from "../../storage/memoryResponseStore.js";
import type { ResponseStore } from "../../storage/responseStore.js";
import { StorageError } from "../../storage/storageError.js";
import { withMemoryFallback } from "../../storage/withMemoryFallback.js";
import { storeHarness } from "./storeHarness.js";

const open = storeHarness();
const versionHash = "e".repeat(64);
const firstId = "5a0c7e2b-3d4f-4a1b-9c8d-7e6f5a4b3c2d";
const secondId = "6b1d8f3c-4e5a-4b2c-8d9e-8f7a6b5c4d3e";
const retry = { code: "retry", message: "offline" };

function responseFor(id: string, answers: Record<string, unknown>): Response {
  return {
    schemaVersion: 1,
    id,
    roundId: "2025-baseline",
    versionHash,
    channel: "embed",
    startedAt: "2025-03-04T08:59:00.000Z",
    submittedAt: "2025-03-04T09:05:00.000Z",
    answers,
  } as Response;
}

async function started(store: ResponseStore, id = firstId): Promise<void> {
  await store.createDraft({
    responseId: id,
    roundId: "2025-baseline",
    versionHash,
    channel: "embed",
  });
}

function quotaOnPut(): void {
  vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(() => {
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  });
}

describe("createMemoryResponseStore", () => {
  it("keeps drafts, queues, uploads and forgets as the IndexedDB store does, with its refusals", async () => {
    const store = createMemoryResponseStore();
    const changed = vi.fn();
    store.subscribe(changed);
    await started(store);
    await store.saveAnswer(firstId, "q1", { choice: "ja" }, 0);
    await store.saveAnswer(firstId, "q2", { text: "x" }, 1);
    await store.saveAnswer(firstId, "q2", undefined, 1);
    expect(await store.latestDraft("2025-baseline")).toMatchObject({
      page: 1,
      answers: { q1: { choice: "ja" } },
    });
    expect(changed).toHaveBeenCalledTimes(4);

    const response = responseFor(firstId, { q1: { choice: "ja" } });
    expect(await store.submit(response)).toBe("queued");
    expect(await store.submit(response)).toBe("already_queued");
    await expect(store.submit(responseFor(firstId, {}))).rejects.toMatchObject({
      code: "conflicting_submit",
    });
    // The id is frozen once submitted, and the draft went with the submit.
    await expect(started(store)).rejects.toMatchObject({ code: "id_in_use" });
    await expect(store.saveAnswer(firstId, "q1", undefined, 0)).rejects.toMatchObject({
      code: "draft_missing",
    });
    expect((await store.pending()).map((entry) => entry.response.id)).toEqual([firstId]);

    await store.markAttempt(firstId, 1234.5, retry);
    expect(await store.outbox()).toMatchObject([{ attempts: 1, nextAttemptAt: 1235 }]);
    await store.markSent(firstId);
    expect(await store.counts()).toEqual({ pending: 0, conflict: 0, failed: 0 });
    expect(await store.sent()).toEqual([]);

    await store.close();
    await expect(store.getDraft(firstId)).rejects.toBeInstanceOf(StorageError);
  });

  it("refuses a record the IndexedDB store would refuse", async () => {
    const store = createMemoryResponseStore();
    await expect(
      store.createDraft({ responseId: "not-a-uuid", roundId: "r", versionHash, channel: "embed" }),
    ).rejects.toMatchObject({ code: "invalid_record" });
  });
});

describe("withMemoryFallback", () => {
  it("without a device store keeps everything in memory from the start", async () => {
    const store = withMemoryFallback(undefined);
    expect(store.kept()).toBe("memory");
    await started(store);
    expect((await store.saveAnswer(firstId, "q1", { choice: "ja" }, 0)).answers).toEqual({
      q1: { choice: "ja" },
    });
  });

  it("on the device while IndexedDB works: the answer is in IndexedDB, kept() says device", async () => {
    const device = await open();
    const store = withMemoryFallback(device);
    await started(store);
    await store.saveAnswer(firstId, "q1", { choice: "ja" }, 0);
    expect(store.kept()).toBe("device");
    expect((await device.getDraft(firstId))?.answers).toEqual({ q1: { choice: "ja" } });
  });

  it("a quota error on a save: the draft carries on in memory with every answer, subscribers told", async () => {
    const device = await open();
    const store = withMemoryFallback(device);
    const changed = vi.fn();
    store.subscribe(changed);
    await started(store);
    await store.saveAnswer(firstId, "q1", { choice: "ja" }, 0);
    quotaOnPut();
    changed.mockClear();

    const saved = await store.saveAnswer(firstId, "q2", { text: "lang tekst" }, 1);

    expect(store.kept()).toBe("memory");
    expect(changed).toHaveBeenCalled();
    expect(saved).toMatchObject({
      page: 1,
      answers: { q1: { choice: "ja" }, q2: { text: "lang tekst" } },
    });
    expect((await store.latestDraft("2025-baseline"))?.answers).toEqual(saved.answers);
    vi.restoreAllMocks();
    // What the device had before stays there, until the submit.
    expect((await device.getDraft(firstId))?.answers).toEqual({ q1: { choice: "ja" } });

    const response = responseFor(firstId, saved.answers);
    expect(await store.submit(response)).toBe("queued");
    expect(await device.getDraft(firstId)).toBeUndefined();
    expect((await store.pending()).map((entry) => entry.response)).toEqual([response]);
    await store.markSent(firstId);
    expect(await store.counts()).toEqual({ pending: 0, conflict: 0, failed: 0 });
  });

  it("after the switch, responses queued on the device earlier are still uploaded from there", async () => {
    const device = await open();
    await started(device, secondId);
    await device.submit(responseFor(secondId, {}));
    const store = withMemoryFallback(device);
    await started(store);
    quotaOnPut();
    await store.saveAnswer(firstId, "q1", { choice: "nej" }, 0);
    vi.restoreAllMocks();
    await store.submit(responseFor(firstId, { q1: { choice: "nej" } }));

    expect((await store.pending()).map((entry) => entry.response.id).sort()).toEqual(
      [firstId, secondId].sort(),
    );
    await store.markConflict(secondId, { code: "conflict", message: "409" });
    expect((await device.outbox())[0]).toMatchObject({ state: "conflict" });
    await store.markSent(firstId);
    expect(await store.counts()).toEqual({ pending: 0, conflict: 1, failed: 0 });
  });

  // The first write commits on the device but is heard of late; the second finds IndexedDB gone.
  it.each([
    [
      "a later change of the same answer: the late one does not undo it",
      "q1",
      { q1: { choice: "nej" } },
    ],
    [
      "another answer: the late one is made again in memory",
      "q2",
      { q1: { choice: "ja" }, q2: { choice: "nej" } },
    ],
  ])(
    "a save the device finished after a later save went to memory, %s",
    async (_, secondQuestion, expected) => {
      const device = await open();
      let finishFirst = () => {};
      const held = new Promise<void>((resolve) => {
        finishFirst = resolve;
      });
      const flaky: ResponseStore = {
        ...device,
        async saveAnswer(responseId, questionId, answer, page) {
          if (questionId !== "q1" || JSON.stringify(answer) !== JSON.stringify({ choice: "ja" }))
            throw new StorageError("unavailable");
          const saved = await device.saveAnswer(responseId, questionId, answer, page);
          await held;
          return saved;
        },
      };
      const store = withMemoryFallback(flaky);
      await started(store);
      const first = store.saveAnswer(firstId, "q1", { choice: "ja" }, 0);
      await store.saveAnswer(firstId, secondQuestion, { choice: "nej" }, 0);
      expect(store.kept()).toBe("memory");
      finishFirst();

      expect((await first).answers).toEqual(expected);
      expect((await store.getDraft(firstId))?.answers).toEqual(expected);
    },
  );

  it("does not fall back on a failure that memory would not cure (a conflicting submit)", async () => {
    const device = await open();
    const store = withMemoryFallback(device);
    await started(store);
    await store.submit(responseFor(firstId, {}));
    await expect(
      store.submit(responseFor(firstId, { q1: { choice: "ja" } })),
    ).rejects.toMatchObject({
      code: "conflicting_submit",
    });
    expect(store.kept()).toBe("device");
  });
});
