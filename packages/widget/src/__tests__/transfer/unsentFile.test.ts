import type { Response, Round } from "@klynge/engine";
import { templateVersion } from "@klynge/question-bank";
import { describe, expect, it } from "vitest";
import type { OutboxRecord } from "../../storage/records.js";
import {
  createUnsentFile,
  maxUnsentFileChars,
  parseUnsentFile,
  unsentFileName,
} from "../../transfer/unsentFile.js";

const rehab = templateVersion("rehab");
const akut = templateVersion("akut");
const round: Round = {
  id: "klynge-syd.2027-03",
  label: "Baseline, marts 2027",
  cluster: "Klynge Syd",
  municipality: "Vejle Kommune",
  versionHash: rehab.hash,
};
const otherRound: Round = { ...round, id: "klynge-nord.2027-03", versionHash: akut.hash };

function responseFor(n: number, choice = "i-nogen-grad"): Response {
  return {
    schemaVersion: 1,
    id: `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`,
    roundId: round.id,
    versionHash: rehab.hash,
    channel: "kiosk",
    startedAt: "2027-03-04T09:00:00.000Z",
    submittedAt: "2027-03-04T09:04:00.000Z",
    answers: { "rehab.kendskab": { choice } },
  };
}

function queued(response: Response): OutboxRecord {
  return {
    schemaVersion: 2,
    response,
    state: "pending",
    attempts: 2,
    queuedAt: "2027-03-04T09:04:01.000Z",
    nextAttemptAt: 0,
  };
}

const now = () => new Date("2027-03-04T10:15:00.000Z");

describe("unsent responses file", () => {
  it("round-trips: every response, its round and only the versions used", () => {
    const responses = [responseFor(1), responseFor(2, "slet-ikke"), responseFor(3)];
    const text = createUnsentFile({
      outbox: responses.map(queued),
      rounds: [round, otherRound],
      versions: [rehab, akut],
      now,
    });
    const parsed = parseUnsentFile(text);
    expect(parsed).toEqual({
      success: true,
      data: { rounds: [round], versions: [rehab], responses, refused: [] },
    });
    expect(JSON.parse(text)).toMatchObject({
      kind: "klynge-unsent-responses",
      formatVersion: 1,
      exportedAt: "2027-03-04T10:15:00.000Z",
    });
    expect(unsentFileName(now())).toBe("klynge-usendte-svar-2027-03-04T10-15.json");
  });

  it("refuses a tampered response, a tampered version and a response of an unknown round, keeping the rest", () => {
    const file = JSON.parse(
      createUnsentFile({
        outbox: [responseFor(1), responseFor(2), responseFor(3)].map(queued),
        rounds: [round],
        versions: [rehab],
        now,
      }),
    );
    file.responses[1].answers["rehab.kendskab"] = { choice: "maaske" };
    file.responses[2].roundId = "ukendt-runde";
    // A copy of the version with a changed text but the old hash: refused on re-hashing.
    const forged = structuredClone(rehab) as { questionnaire: { title: { da: string } } };
    forged.questionnaire.title.da = "Ændret titel";
    file.versions.push(forged);
    const parsed = parseUnsentFile(JSON.stringify(file));
    if (!parsed.success) throw new Error(`expected a parsed file, got ${parsed.issues[0].code}`);
    const { responses, refused } = parsed.data;
    expect(responses.map((r) => r.id)).toEqual([responseFor(1).id]);
    expect(refused.map((item) => [item.what, item.index, item.id])).toEqual([
      ["version", 1, rehab.hash],
      ["response", 1, responseFor(2).id],
      ["response", 2, responseFor(3).id],
    ]);
    expect(refused[1]?.issues[0]?.code).toBeTruthy();
    expect(refused[2]?.issues.map((issue) => issue.code)).toEqual(["unknown_round"]);
  });

  it("names what is wrong with a file that is not an export", () => {
    expect(parseUnsentFile("{ not json")).toEqual({
      success: false,
      issues: [{ code: "not_json" }],
    });
    expect(parseUnsentFile("[]")).toEqual({
      success: false,
      issues: [{ code: "not_unsent_file" }],
    });
    expect(parseUnsentFile('{"kind":"other"}')).toEqual({
      success: false,
      issues: [{ code: "not_unsent_file" }],
    });
    const future = JSON.stringify({ kind: "klynge-unsent-responses", formatVersion: 2 });
    expect(parseUnsentFile(future)).toEqual({ success: false, issues: [{ code: "unsupported" }] });
    expect(parseUnsentFile(" ".repeat(maxUnsentFileChars + 1))).toEqual({
      success: false,
      issues: [{ code: "too_large" }],
    });
  });

  it("treats missing or non-list sections as empty", () => {
    const bare = JSON.stringify({
      kind: "klynge-unsent-responses",
      formatVersion: 1,
      responses: "x",
    });
    expect(parseUnsentFile(bare)).toEqual({
      success: true,
      data: { rounds: [], versions: [], responses: [], refused: [] },
    });
  });
});
