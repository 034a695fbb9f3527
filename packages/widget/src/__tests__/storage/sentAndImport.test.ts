import "fake-indexeddb/auto";
import type { Response } from "@klynge/engine";
import { describe, expect, it } from "vitest";
import { storeHarness } from "./storeHarness.js";

const versionHash = "c".repeat(64);
const [firstId, secondId, thirdId] = [
  "3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f",
  "7d1e2f3a-4b5c-4d6e-9f70-8a9b0c1d2e3f",
  "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
] as const;

const open = storeHarness();

function responseFor(id: string, choice = "ja", roundId = "2027-marts"): Response {
  return {
    schemaVersion: 1,
    id,
    roundId,
    versionHash,
    channel: "kiosk",
    startedAt: "2027-03-04T08:59:00.000Z",
    submittedAt: "2027-03-04T09:05:00.000Z",
    answers: { q1: { choice } },
  };
}

describe("keepSent", () => {
  it("without it, an acknowledged response leaves the device", async () => {
    const store = await open();
    await store.submit(responseFor(firstId));
    await store.markSent(firstId);
    expect(await store.outbox()).toEqual([]);
    expect(await store.sent()).toEqual([]);
  });

  it("with it, an acknowledged response moves from the outbox to sent, by round", async () => {
    const store = await open({ keepSent: true });
    await store.submit(responseFor(firstId));
    await store.submit(responseFor(secondId, "nej", "2027-oktober"));
    await store.markSent(firstId);
    await store.markSent(secondId);
    // A second acknowledgement (another tab's uploader) changes nothing.
    await store.markSent(firstId);
    expect(await store.outbox()).toEqual([]);
    expect((await store.sent()).map((record) => record.response.id)).toEqual([firstId, secondId]);
    const march = await store.sent("2027-marts");
    expect(march).toHaveLength(1);
    expect(march[0]?.response).toEqual(responseFor(firstId));
    expect(await store.pending()).toEqual([]);
  });
});

describe("importResponses", () => {
  it("adds new ids as pending and ignores ids already here, sent or not", async () => {
    const store = await open({ keepSent: true });
    await store.submit(responseFor(firstId));
    await store.submit(responseFor(secondId));
    await store.markSent(secondId);

    const result = await store.importResponses([
      responseFor(firstId),
      responseFor(secondId),
      responseFor(thirdId),
      responseFor(thirdId),
    ]);
    expect(result).toEqual({
      added: [thirdId],
      duplicates: [firstId, secondId, thirdId],
      conflicts: [],
    });
    expect((await store.pending()).map((entry) => entry.response.id).sort()).toEqual(
      [firstId, thirdId].sort(),
    );
    expect(await store.sent()).toHaveLength(1);
  });

  it("keeps the device's copy when an imported response has other content under its id", async () => {
    const store = await open();
    await store.submit(responseFor(firstId, "ja"));
    const result = await store.importResponses([responseFor(firstId, "nej")]);
    expect(result).toEqual({ added: [], duplicates: [], conflicts: [firstId] });
    const [kept] = await store.outbox();
    expect(kept?.response.answers).toEqual({ q1: { choice: "ja" } });
  });

  it("refuses a batch with a malformed response as a whole, storing none of it", async () => {
    const store = await open();
    const broken = { ...responseFor(secondId), id: "not-a-uuid" };
    const error = await store
      .importResponses([responseFor(firstId), broken as Response])
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "StorageError", code: "invalid_record" });
    expect(await store.outbox()).toEqual([]);
  });
});
