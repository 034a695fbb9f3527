import "fake-indexeddb/auto";
import type { Response } from "@klynge/engine";
import { IDBDatabase, IDBObjectStore } from "fake-indexeddb";
import { describe, expect, it, vi } from "vitest";
import type { ChangeChannel, CreateChangeChannel } from "../../storage/changeNotifier.js";
import type { ResponseStore } from "../../storage/responseStore.js";
import { storeHarness } from "./storeHarness.js";

const versionHash = "b".repeat(64);
const ids = [
  "3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f",
  "7d1e2f3a-4b5c-4d6e-9f70-8a9b0c1d2e3f",
  "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
] as const;
const [firstId, secondId, thirdId] = ids;

const open = storeHarness();

function responseFor(id: string, choice = "ja"): Response {
  return {
    schemaVersion: 1,
    id,
    roundId: "2025-baseline",
    versionHash,
    channel: "kiosk",
    startedAt: "2025-03-04T08:59:00.000Z",
    submittedAt: "2025-03-04T09:05:00.000Z",
    answers: { q1: { choice } },
  };
}

async function draftAndSubmit(store: ResponseStore, id: string): Promise<void> {
  await store.createDraft({
    responseId: id,
    roundId: "2025-baseline",
    versionHash,
    channel: "kiosk",
  });
  await store.saveAnswer(id, "q1", { choice: "ja" }, 0);
  await store.submit(responseFor(id));
}

/** Channels that deliver to every other channel of the hub, like tabs of one origin. */
function channelHub(): CreateChangeChannel {
  const members = new Set<ChangeChannel>();
  return () => {
    const channel: ChangeChannel = {
      onmessage: null,
      postMessage(data) {
        for (const other of members) {
          if (other !== channel) queueMicrotask(() => other.onmessage?.({ data } as MessageEvent));
        }
      },
      close() {
        members.delete(channel);
      },
    };
    members.add(channel);
    return channel;
  };
}

describe("submit", () => {
  it("moves the draft to the outbox as pending", async () => {
    const store = await open();
    await draftAndSubmit(store, firstId);
    expect(await store.getDraft(firstId)).toBeUndefined();
    expect(await store.pending()).toEqual([
      { response: responseFor(firstId), state: "pending", attempts: 0, nextAttemptAt: 0 },
    ]);
    expect(await store.outbox()).toMatchObject([{ queuedAt: "2025-03-04T09:00:03.000Z" }]);
  });

  it("is atomic: when the outbox write fails, the draft stays and nothing is queued", async () => {
    const store = await open();
    await store.createDraft({
      responseId: firstId,
      roundId: "2025-baseline",
      versionHash,
      channel: "kiosk",
    });
    await store.saveAnswer(firstId, "q1", { choice: "ja" }, 2);

    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore["put"]>
    ) {
      // The draft's delete is already queued in the same transaction when this throws.
      if (this.name === "outbox") throw new DOMException("disk gone", "UnknownError");
      return original.apply(this, args);
    });
    await expect(store.submit(responseFor(firstId))).rejects.toMatchObject({
      code: "write_failed",
    });
    vi.restoreAllMocks();

    expect(await store.getDraft(firstId)).toMatchObject({
      page: 2,
      answers: { q1: { choice: "ja" } },
    });
    expect(await store.outbox()).toEqual([]);
  });

  it("uses one transaction over drafts and outbox", async () => {
    const store = await open();
    await store.createDraft({
      responseId: firstId,
      roundId: "2025-baseline",
      versionHash,
      channel: "kiosk",
    });
    const spy = vi.spyOn(IDBDatabase.prototype, "transaction");
    await store.submit(responseFor(firstId));
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]?.[0]).toEqual(expect.arrayContaining(["drafts", "outbox"]));
  });

  it("freezes the id: the same response again is a no-op, other content is refused", async () => {
    const store = await open();
    await draftAndSubmit(store, firstId);
    expect(await store.submit(responseFor(firstId))).toBe("already_queued");
    await expect(store.submit(responseFor(firstId, "nej"))).rejects.toMatchObject({
      code: "conflicting_submit",
    });
    await expect(
      store.createDraft({
        responseId: firstId,
        roundId: "2025-baseline",
        versionHash,
        channel: "kiosk",
      }),
    ).rejects.toMatchObject({ code: "id_in_use" });
    expect(await store.pending()).toEqual([
      expect.objectContaining({ response: responseFor(firstId), attempts: 0 }),
    ]);
  });

  it("refuses a response that fails the envelope, writing nothing", async () => {
    const store = await open();
    const broken = { ...responseFor(firstId), roundId: "" };
    await expect(store.submit(broken)).rejects.toMatchObject({
      code: "invalid_record",
      issues: expect.arrayContaining([expect.objectContaining({ path: ["response", "roundId"] })]),
    });
    expect(await store.outbox()).toEqual([]);
  });
});

describe("outbox port", () => {
  it("lists pending entries oldest first", async () => {
    const store = await open();
    // Queued in this order; the ids sort differently, so order comes from queuedAt.
    for (const id of [secondId, thirdId, firstId]) await store.submit(responseFor(id));
    expect((await store.pending()).map((entry) => entry.response.id)).toEqual([
      secondId,
      thirdId,
      firstId,
    ]);
  });

  it("markSent removes the entry; marking a missing entry is a no-op", async () => {
    const store = await open();
    await draftAndSubmit(store, firstId);
    await store.markSent(firstId);
    expect(await store.pending()).toEqual([]);
    await store.markSent(firstId);
    await store.markAttempt(firstId, 5000, { code: "network", message: "offline" });
    expect(await store.outbox()).toEqual([]);
  });

  it("markAttempt counts the attempt, keeps it pending and stores the next time as integer ms", async () => {
    const store = await open();
    await store.submit(responseFor(firstId));
    await store.markAttempt(firstId, 1741079100123.4, { code: "network", message: "offline" });
    expect(await store.pending()).toEqual([
      {
        response: responseFor(firstId),
        state: "pending",
        attempts: 1,
        nextAttemptAt: 1741079100124,
      },
    ]);
    expect((await store.outbox())[0]?.lastError).toEqual({ code: "network", message: "offline" });
  });

  it("keeps conflict and failed entries out of pending but counted", async () => {
    const store = await open();
    for (const id of ids) await store.submit(responseFor(id));
    await store.markConflict(firstId, { code: "conflict", message: "409" });
    await store.markFailed(secondId, { code: "rejected", message: "422" });
    expect((await store.pending()).map((entry) => entry.response.id)).toEqual([thirdId]);
    expect(await store.counts()).toEqual({ pending: 1, conflict: 1, failed: 1 });
    const outbox = await store.outbox();
    expect(outbox.map((record) => [record.response.id, record.state, record.attempts])).toEqual([
      [firstId, "conflict", 1],
      [secondId, "failed", 1],
      [thirdId, "pending", 0],
    ]);
  });
});

describe("subscribe", () => {
  it("notifies after each committed change, and not after unsubscribing", async () => {
    const log: string[] = [];
    const original = IDBDatabase.prototype.transaction;
    vi.spyOn(IDBDatabase.prototype, "transaction").mockImplementation(function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase["transaction"]>
    ) {
      const tx = original.apply(this, args);
      if (args[1] === "readwrite") tx.addEventListener("complete", () => log.push("complete"));
      return tx;
    });
    const store = await open();
    const unsubscribe = store.subscribe(() => log.push("notified"));
    await store.submit(responseFor(firstId));
    await store.markAttempt(firstId, 0, { code: "network", message: "offline" });
    await store.markSent(firstId);
    expect(log).toEqual(["complete", "notified", "complete", "notified", "complete", "notified"]);
    unsubscribe();
    await store.submit(responseFor(secondId));
    expect(log).toHaveLength(7);
  });

  it("does not notify when the write fails", async () => {
    const store = await open();
    await store.submit(responseFor(firstId));
    const listener = vi.fn();
    store.subscribe(listener);
    await expect(store.submit(responseFor(firstId, "nej"))).rejects.toThrow();
    expect(listener).not.toHaveBeenCalled();
  });

  it("notifies other tabs through the channel, so their count is current", async () => {
    const createChannel = channelHub();
    const tabA = await open({ createChannel });
    const tabB = await open({ createChannel });
    const counts: number[] = [];
    const notified = new Promise<void>((resolve) => {
      tabB.subscribe(() => {
        void tabB.counts().then((c) => {
          counts.push(c.pending);
          resolve();
        });
      });
    });
    await tabA.submit(responseFor(firstId));
    await notified;
    expect(counts).toEqual([1]);
  });
});
