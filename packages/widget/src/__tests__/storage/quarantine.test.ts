import "fake-indexeddb/auto";
import type { Response } from "@klynge/engine";
import { IDBFactory, IDBObjectStore } from "fake-indexeddb";
import { type IDBPDatabase, wrap } from "idb";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openResponseStore } from "../../storage/openResponseStore.js";
import type {
  ResponseStore,
  ResponseStoreEvent,
  ResponseStoreOptions,
} from "../../storage/responseStore.js";

const versionHash = "c".repeat(64);
const goodId = "3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f";
const otherId = "7d1e2f3a-4b5c-4d6e-9f70-8a9b0c1d2e3f";

let factory: IDBFactory;
let events: ResponseStoreEvent[];
const opened: ResponseStore[] = [];
const rawConnections: IDBPDatabase[] = [];

beforeEach(() => {
  factory = new IDBFactory();
  events = [];
});

afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of rawConnections.splice(0)) db.close();
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

async function open(options: ResponseStoreOptions = {}): Promise<ResponseStore> {
  const store = await openResponseStore({
    indexedDB: factory,
    createChannel: null,
    now: () => new Date("2025-03-04T10:00:00.000Z"),
    onEvent: (event) => events.push(event),
    ...options,
  });
  opened.push(store);
  return store;
}

/** Writes straight into a store, past every check, as a bug or another app version might. */
async function writeRaw(store: "drafts" | "outbox", value: unknown): Promise<void> {
  const db = (await wrap(factory.open("klynge"))) as IDBPDatabase;
  rawConnections.push(db);
  await db.put(store, value);
}

function responseFor(id: string): Response {
  return {
    schemaVersion: 1,
    id,
    roundId: "2025-baseline",
    versionHash,
    channel: "app",
    startedAt: "2025-03-04T08:59:00.000Z",
    answers: { q1: { choice: "ja" } },
  };
}

const garbageDraft = {
  responseId: "not-a-uuid",
  roundId: "2025-baseline",
  updatedAt: "2099-01-01T00:00:00.000Z",
  answers: "lost?",
};

describe("quarantine", () => {
  it("moves a corrupt draft aside, reports it, and still resumes the valid one", async () => {
    const store = await open();
    await store.createDraft({
      responseId: goodId,
      roundId: "2025-baseline",
      versionHash,
      channel: "app",
    });
    await writeRaw("drafts", garbageDraft);

    // The garbage is "newer", but only valid drafts can be resumed.
    expect((await store.latestDraft("2025-baseline"))?.responseId).toBe(goodId);
    expect(events).toEqual([
      {
        type: "quarantined",
        store: "drafts",
        key: "not-a-uuid",
        issues: expect.arrayContaining([expect.objectContaining({ path: ["responseId"] })]),
      },
    ]);
    expect(await store.quarantined()).toEqual([
      {
        store: "drafts",
        key: "not-a-uuid",
        raw: garbageDraft,
        issues: expect.any(Array),
        at: "2025-03-04T10:00:00.000Z",
      },
    ]);
    expect(await store.getDraft("not-a-uuid")).toBeUndefined();
    expect(events).toHaveLength(1);
  });

  it("returns undefined, not an error, for a corrupt draft asked for by id", async () => {
    const store = await open();
    await writeRaw("drafts", { ...garbageDraft, responseId: otherId });
    await expect(store.getDraft(otherId)).resolves.toBeUndefined();
    expect(events.map((event) => event.type)).toEqual(["quarantined"]);
  });

  it("quarantines a corrupt draft met while saving, and reports the draft as missing", async () => {
    const store = await open();
    await writeRaw("drafts", { ...garbageDraft, responseId: otherId });
    await expect(store.saveAnswer(otherId, "q1", { choice: "ja" }, 0)).rejects.toMatchObject({
      code: "draft_missing",
    });
    expect((await store.quarantined()).map((record) => record.key)).toEqual([otherId]);
  });

  it("quarantines outbox records whose response fails the envelope; the valid ones still upload", async () => {
    const store = await open();
    await store.submit(responseFor(goodId));
    const badEnvelope = {
      schemaVersion: 2,
      response: { ...responseFor(otherId), channel: "fax" },
      state: "pending",
      attempts: 0,
      queuedAt: "2025-03-04T09:00:00.000Z",
      nextAttemptAt: 0,
    };
    await writeRaw("outbox", badEnvelope);

    expect((await store.pending()).map((entry) => entry.response.id)).toEqual([goodId]);
    expect(events).toEqual([
      expect.objectContaining({
        type: "quarantined",
        store: "outbox",
        key: otherId,
        // The engine's issue, in its Danish words (what was allowed, and what was there).
        issues: [
          {
            code: "invalid_value",
            path: ["response", "channel"],
            message: 'Ugyldig værdi; tilladt er "embed" | "app" | "kiosk" (fik "fax").',
          },
        ],
      }),
    ]);
    expect(await store.counts()).toEqual({ pending: 1, conflict: 0, failed: 0 });
    const [kept] = await store.quarantined();
    expect(kept?.raw).toEqual(badEnvelope);
  });

  it("counts only valid outbox records", async () => {
    const store = await open();
    await writeRaw("outbox", { response: { id: otherId }, state: "pending" });
    expect(await store.counts()).toEqual({ pending: 0, conflict: 0, failed: 0 });
    expect(events.map((event) => event.type)).toEqual(["quarantined"]);
  });

  it("reports a quarantine that could not be written, and leaves the record where it was", async () => {
    const store = await open();
    await store.createDraft({
      responseId: goodId,
      roundId: "2025-baseline",
      versionHash,
      channel: "app",
    });
    await writeRaw("drafts", garbageDraft);
    vi.spyOn(IDBObjectStore.prototype, "add").mockImplementation(() => {
      throw new DOMException("full", "QuotaExceededError");
    });
    expect((await store.latestDraft("2025-baseline"))?.responseId).toBe(goodId);
    expect(events).toEqual([
      expect.objectContaining({
        type: "quarantine_failed",
        store: "drafts",
        key: "not-a-uuid",
        error: expect.objectContaining({ code: "quota_exceeded" }),
      }),
    ]);
    vi.restoreAllMocks();
    const db = (await wrap(factory.open("klynge"))) as IDBPDatabase;
    rawConnections.push(db);
    expect(await db.get("drafts", "not-a-uuid")).toEqual(garbageDraft);
  });
});
