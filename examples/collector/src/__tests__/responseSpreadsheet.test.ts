import type { Answer, Question, QuestionnaireVersion, Response, Round } from "@klynge/engine";
import { answersFileName } from "@klynge/engine/contract";
import readExcelFile from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passOf, put } from "./fixtures/respondents.js";
import { akut, baseline, rehab, uuidOf } from "./fixtures/rounds.js";
import { type Caller, startService, type TestService } from "./fixtures/service.js";

// The coordinator's spreadsheet of a round's answers, read back with a reader that is not the
// writer (read-excel-file): what a municipality opens in Excel.

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const akutRound: Round = {
  id: "klynge-syd.akut-2027",
  label: "Akutfunktioner, april 2027 (Vejle/Fredericia)",
  cluster: "Klynge Syd",
  municipality: "Vejle Kommune",
  versionHash: akut.hash,
};

/** Answer `n` to every question of the version, each type its own way; some left out. */
function answersOf(version: QuestionnaireVersion, n: number): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  version.questionnaire.questions.forEach((question: Question, i) => {
    const at = n + i;
    switch (question.type) {
      case "rating":
      case "single": {
        const option = question.options[at % question.options.length];
        if (option === undefined) return;
        answers[question.id] =
          option.kind === "other"
            ? { choice: option.code, otherText: `Andet ${n}` }
            : { choice: option.code };
        return;
      }
      case "multi": {
        const none = question.options.find((o) => o.kind === "none");
        if (none !== undefined && at % 4 === 0) {
          answers[question.id] = { choices: [none.code] };
          return;
        }
        const plain = question.options.filter((o) => o.kind === undefined);
        const picked = [plain[at % plain.length], plain[(at + 2) % plain.length]];
        const codes = [...new Set(picked.map((o) => o?.code ?? ""))];
        const other = question.options.find((o) => o.kind === "other");
        answers[question.id] =
          other !== undefined && at % 3 === 0
            ? { choices: [...codes, other.code], otherText: `Via praksissygeplejersken ${n}` }
            : { choices: codes };
        return;
      }
      case "text":
        if (at % 2 === 0) answers[question.id] = { text: `Svar ${n}: ${question.text.da}` };
        return;
      case "matrix":
        answers[question.id] = {
          rows: Object.fromEntries(
            question.rows.map((row, r) => [
              row.code,
              question.columns[(at + r) % question.columns.length]?.code ?? "",
            ]),
          ),
        };
    }
  });
  return answers;
}

/** A GP's comment that Excel would run if it were written as a formula. */
const formulaLike = '=HYPERLINK("http://x.example";"klik")';

function responseOf(round: Round, version: QuestionnaireVersion, n: number): Response {
  const answers = answersOf(version, n);
  if (n === 101) answers["rehab.kommentarer"] = { text: formulaLike };
  return {
    schemaVersion: 1,
    id: uuidOf(n),
    roundId: round.id,
    versionHash: version.hash,
    channel: n % 3 === 0 ? "kiosk" : "embed",
    // Late in the evening UTC: the next day in Copenhagen, but the collector keeps only the day.
    startedAt: "2027-04-06T21:40:00.000Z",
    submittedAt: "2027-04-06T23:30:00.000Z",
    answers,
  };
}

let service: TestService;
const tokens: string[] = [];
const rounds = [
  { round: baseline, version: rehab, count: 9, first: 100 },
  { round: akutRound, version: akut, count: 7, first: 200 },
];

beforeAll(async () => {
  service = await startService();
  const created = await service.coordinator.request({
    method: "POST",
    url: "/api/clusters/klynge-syd/rounds",
    payload: { round: akutRound, version: akut },
  });
  expect(created.statusCode).toBe(201);
  // The akut round's answers come with invitation links: their tokens must go nowhere.
  const invited = await service.coordinator.request({
    method: "POST",
    url: `/api/rounds/${akutRound.id}/invitations`,
    payload: { anonymous: 7 },
  });
  expect(invited.statusCode).toBe(201);
  tokens.push(...invited.json().invitations.map((i: { link: string }) => passOf(i.link)));
  for (const { round, version, count, first } of rounds) {
    for (let n = first; n < first + count; n += 1) {
      const response = responseOf(round, version, n);
      const pass = round === akutRound ? { invitation: tokens[n - first] as string } : {};
      const reply = await put(service.anonymous, response, pass);
      expect(reply.statusCode, reply.body).toBe(201);
    }
  }
}, 60_000);
afterAll(() => service?.close());

const download = (caller: Caller, round: string, query = "") =>
  caller.request({ method: "GET", url: `/api/rounds/${round}/responses.xlsx${query}` });

async function sheetsOf(round: Round) {
  const reply = await download(service.coordinator, round.id);
  expect(reply.statusCode, reply.body).toBe(200);
  const sheets = await readExcelFile(reply.rawPayload);
  const answers = sheets.find((s) => s.sheet === "Svar")?.data ?? [];
  const codebook = sheets.find((s) => s.sheet === "Kodebog")?.data ?? [];
  return { reply, sheets, answers, codebook };
}

/** Every option and row code of the version that is not also a label. */
function codesOf(version: QuestionnaireVersion): Set<string> {
  const codes = new Set<string>();
  const labels = new Set<string>();
  for (const q of version.questionnaire.questions) {
    const options = q.type === "matrix" ? q.columns : q.type === "text" ? [] : q.options;
    for (const o of [...options, ...(q.type === "matrix" ? q.rows : [])]) {
      codes.add(o.code);
      labels.add(o.label.da);
    }
  }
  for (const label of labels) codes.delete(label);
  return codes;
}

describe.each(rounds)("the spreadsheet of $round.id", ({ round, version, count }) => {
  it("is an Excel workbook named by the round's label, not kept by any cache", async () => {
    const { reply, sheets } = await sheetsOf(round);
    expect(reply.headers["content-type"]).toBe(xlsxType);
    expect(reply.headers["cache-control"]).toBe("no-store");
    const disposition = String(reply.headers["content-disposition"]);
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? "";
    expect(decodeURIComponent(encoded)).toBe(answersFileName(round.label));
    expect(answersFileName(round.label)).toContain(round.label.replace("/", "-"));
    // The plain name is ASCII (for old clients), still ending in .xlsx.
    expect(/filename="([\x20-\x7e]+\.xlsx)"/.test(disposition)).toBe(true);
    expect(sheets.map((s) => s.sheet)).toEqual(["Svar", "Kodebog"]);
  });

  it("has one row per response under a header of the questions' own texts", async () => {
    const { answers } = await sheetsOf(round);
    const [header = [], ...rows] = answers;
    expect(rows).toHaveLength(count);
    expect(header.slice(0, 4)).toEqual(["Svar nr.", "Besvaret", "Kanal", "Spørgeskema"]);
    const questionHeaders = header.slice(4).map(String);
    // Each question's columns, in questionnaire order, each headed by its text.
    const texts = version.questionnaire.questions.map((q) => q.text.da);
    const headed = questionHeaders.map((h) =>
      texts.find((t) => h === t || h.startsWith(`${t} — `)),
    );
    expect(headed.every((t) => t !== undefined)).toBe(true);
    expect([...new Set(headed)]).toEqual(texts);
    expect(rows.map((row) => row[0])).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  });

  it("writes labels, not codes: 'Ved ikke' as text, ticks as Ja/Nej", async () => {
    const { answers } = await sheetsOf(round);
    const [header = [], ...rows] = answers;
    const cells = rows.flatMap((row) => row.slice(2)).filter((c) => c !== null);
    const codes = codesOf(version);
    expect(cells.filter((c) => typeof c === "string" && codes.has(c))).toEqual([]);
    expect(cells).not.toContain("ved-ikke");
    expect(cells).not.toContain("1");
    expect(cells).not.toContain("0");
    expect(cells).toContain("Ved ikke");
    expect(cells).toContain("Ja");
    expect(cells).toContain("Nej");
    // Text stays text: the comment is read back as written, not as a formula's result.
    if (round === baseline) expect(cells).toContain(formulaLike);
    // Each rating question's cells are its options' labels.
    for (const question of version.questionnaire.questions) {
      if (question.type !== "rating") continue;
      const column = header.indexOf(question.text.da);
      const labels = new Set(question.options.map((o) => o.label.da));
      for (const row of rows) if (row[column] !== null) expect(labels).toContain(row[column]);
    }
    expect(rows.map((row) => row[3])).toEqual(rows.map(() => version.label));
    expect(new Set(rows.map((row) => row[2]))).toEqual(
      new Set(["Online (link eller hjemmeside)", "Tablet ved mødet"]),
    );
  });

  it("dates each answer by its day only, as a date cell", async () => {
    const { answers } = await sheetsOf(round);
    const days = answers.slice(1).map((row) => row[1]);
    for (const day of days) {
      expect(day).toBeInstanceOf(Date);
      // The stored day (times are cut to the day on arrival), no time of day.
      expect(day instanceof Date ? day.toISOString() : day).toBe("2027-04-06T00:00:00.000Z");
    }
  });

  it("has a codebook listing every question and every option with its label and code", async () => {
    const { codebook, answers } = await sheetsOf(round);
    const [header = [], ...rows] = codebook;
    expect(header).toEqual([
      "Kolonne",
      "Spørgsmål",
      "Spørgsmålstype",
      "Række eller svarmulighed",
      "Svar i cellen",
      "Kode i CSV-filen",
      "Talværdi",
      "Kolonne-id i CSV-filen",
    ]);
    const find = (question: string, label: string, code: string) =>
      rows.find((r) => r[1] === question && r[4] === label && r[5] === code);
    for (const question of version.questionnaire.questions) {
      expect(rows.some((r) => r[1] === question.text.da)).toBe(true);
      if (question.type === "text") continue;
      const options = question.type === "matrix" ? question.columns : question.options;
      for (const option of options) {
        if (question.type === "multi") {
          // A multi-choice option is a column of its own, holding Ja/Nej.
          expect(rows.some((r) => r[1] === question.text.da && r[3] === option.label.da)).toBe(
            true,
          );
          continue;
        }
        const row = find(question.text.da, option.label.da, option.code);
        expect(row, `${question.id} ${option.code}`).toBeDefined();
        const ordinal = "ordinal" in option ? option.ordinal : undefined;
        expect(row?.[6] ?? undefined).toBe(ordinal);
      }
      if (question.type === "matrix") {
        for (const r of question.rows) expect(rows.some((x) => x[3] === r.label.da)).toBe(true);
      }
    }
    // Every column of the answers sheet is explained.
    const columns = new Set(rows.map((r) => r[0]));
    expect(columns.size).toBe((answers[0] ?? []).length);
  });

  it("holds no invitation token, no response id and no time of day", async () => {
    const { sheets, reply } = await sheetsOf(round);
    const text = JSON.stringify(sheets);
    for (const token of tokens) expect(text).not.toContain(token);
    expect(text).not.toContain(uuidOf(100));
    expect(text).not.toContain(uuidOf(200));
    expect(text).not.toMatch(/T2[13]:[34]0/);
    expect(JSON.stringify(reply.headers)).not.toMatch(new RegExp(tokens.join("|")));
  });
});

describe("who gets the spreadsheet", () => {
  it("only the round's coordinators: municipality 403, another cluster 404, no session 401; each read in the audit", async () => {
    const before = await service.database.db.query<{ n: string }>(
      "select count(*) as n from audit_log where action = 'responses_exported'",
    );
    expect((await download(service.anonymous, akutRound.id)).statusCode).toBe(401);
    expect((await download(service.municipality, akutRound.id)).statusCode).toBe(403);
    expect((await download(service.otherCoordinator, akutRound.id)).statusCode).toBe(404);
    expect((await download(service.admin, akutRound.id)).statusCode).toBe(403);
    expect((await download(service.coordinator, "klynge-syd.findes-ikke")).statusCode).toBe(404);
    const allowed = await download(service.coordinator, akutRound.id);
    expect(allowed.statusCode).toBe(200);
    const trail = await service.database.db.query<{
      actor: string;
      outcome: string;
      target: string;
    }>(
      "select actor, outcome, target from audit_log where action = 'responses_exported' order by id offset $1",
      [Number(before[0]?.n ?? 0)],
    );
    // Signed-in callers only (no session, no actor): municipality, other cluster, admin, unknown round.
    expect(trail.map((t) => t.outcome)).toEqual(["refused", "refused", "refused", "refused", "ok"]);
    expect(trail.at(-1)?.actor).toMatch(/Anne Koordinator/);
    expect(trail.at(-1)?.target).toBe(`${akutRound.id}: 7 svar (regneark)`);
    const everything = JSON.stringify(
      await service.database.db.query("select * from audit_log order by id"),
    );
    for (const token of tokens) expect(everything).not.toContain(token);
  });

  it("takes nothing in its address: a token in the query is refused, not read", async () => {
    const reply = await download(service.coordinator, akutRound.id, `?token=${tokens[0]}`);
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error.code).toBe("bad_request");
  });
});
