import "fake-indexeddb/auto";
import type { Response } from "@klynge/engine";
import { IDBFactory } from "fake-indexeddb";
import { type IDBPDatabase, wrap } from "idb";
import { describe, expect, it } from "vitest";
import type { RespondentPass } from "../../pass/respondentPass.js";
import { storeHarness } from "./storeHarness.js";

// The respondent's credential is kept with the draft and goes with the response into the outbox,
// so an answer finished later on the same device is still sent with it; once sent, it is dropped.

const open = storeHarness();
const versionHash = "e".repeat(64);
const ids = [
  "3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f",
  "9d5f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b",
  "0b5f8a3e-4c1d-4e2a-9f6b-2d7c8e9a1b3c",
] as const;
const mine: RespondentPass = { kind: "invitation", token: "A".repeat(22) };
const theirs: RespondentPass = { kind: "invitation", token: "B".repeat(22) };
const key: RespondentPass = { kind: "meeting-key", token: "k".repeat(43) };

const draftOf = (responseId: string, pass?: RespondentPass) => ({
  responseId,
  roundId: "r1",
  versionHash,
  channel: "embed" as const,
  ...(pass === undefined ? {} : { pass }),
});

function responseOf(id: string): Response {
  return {
    schemaVersion: 1,
    id,
    roundId: "r1",
    versionHash,
    channel: "embed",
    startedAt: "2025-03-04T09:00:00.000Z",
    submittedAt: "2025-03-04T09:05:00.000Z",
    answers: { q1: { choice: "ja" } },
  };
}

describe("the respondent's credential in storage", () => {
  it("is kept with the draft, and a link resumes only its own draft", async () => {
    const store = await open();
    await store.createDraft(draftOf(ids[0], mine));
    await store.createDraft(draftOf(ids[1], theirs));
    await store.createDraft(draftOf(ids[2]));

    expect(await store.getDraft(ids[0])).toMatchObject({ schemaVersion: 2, pass: mine });
    expect((await store.latestDraft("r1", mine))?.responseId).toBe(ids[0]);
    expect((await store.latestDraft("r1", theirs))?.responseId).toBe(ids[1]);
    expect(await store.latestDraft("r1", key)).toBeUndefined();
    // Without a credential: the latest draft, whatever it carries (it keeps its own).
    expect((await store.latestDraft("r1"))?.responseId).toBe(ids[2]);
    expect("pass" in ((await store.getDraft(ids[2])) ?? {})).toBe(false);
  });

  it("refuses the same draft id with another credential", async () => {
    const store = await open();
    await store.createDraft(draftOf(ids[0], mine));
    await expect(store.createDraft(draftOf(ids[0], theirs))).rejects.toMatchObject({
      code: "id_in_use",
    });
    expect((await store.createDraft(draftOf(ids[0], mine))).pass).toEqual(mine);
  });

  it("goes with the response into the outbox on submit, and is dropped once the server has it", async () => {
    const store = await open({ keepSent: true });
    await store.createDraft(draftOf(ids[0], mine));
    await store.saveAnswer(ids[0], "q1", { choice: "ja" }, 0);
    await store.submit(responseOf(ids[0]));

    expect(await store.getDraft(ids[0])).toBeUndefined();
    expect((await store.pending()).map((entry) => entry.pass)).toEqual([mine]);
    expect((await store.outbox())[0]).toMatchObject({ schemaVersion: 2, pass: mine });

    await store.markSent(ids[0]);
    const [sent] = await store.sent("r1");
    expect(sent?.response.id).toBe(ids[0]);
    expect(JSON.stringify(sent)).not.toContain(mine.token);
  });

  it("submits a response with no draft, or a draft without one, with no credential", async () => {
    const store = await open();
    await store.createDraft(draftOf(ids[0]));
    await store.submit(responseOf(ids[0]));
    await store.submit(responseOf(ids[1]));
    expect((await store.pending()).map((entry) => "pass" in entry)).toEqual([false, false]);
  });

  it("gives imported responses this device's own credential", async () => {
    const store = await open();
    const result = await store.importResponses([responseOf(ids[0])], key);
    expect(result.added).toEqual([ids[0]]);
    expect((await store.pending())[0]?.pass).toEqual(key);
  });

  it("quarantines a draft whose credential is not one, and keeps it aside", async () => {
    const factory = new IDBFactory();
    const store = await open({ indexedDB: factory });
    await store.createDraft(draftOf(ids[0], mine));
    const db = (await wrap(factory.open("klynge"))) as IDBPDatabase;
    const draft = await db.get("drafts", ids[0]);
    await db.put("drafts", { ...draft, pass: { kind: "invitation", token: "short" } });
    db.close();

    expect(await store.latestDraft("r1")).toBeUndefined();
    expect((await store.quarantined()).map((record) => record.key)).toEqual([ids[0]]);
  });
});
