import { assertProperty } from "@klynge/test-support/property";
import { validQuestionnaire } from "@klynge/test-support/questionnaires";
import { validAnswers, versionOf } from "@klynge/test-support/responses";
import { unwrap } from "@klynge/test-support/unwrap";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportResponsesCsv } from "../../export/exportResponsesCsv.js";
import { parseCsv } from "../../internal/csv.js";
import type { Response } from "../../responses/response.js";
import { answersWithoutRolle, response, uuid, v1, v2 } from "./exportFixtures.js";

const baseline = response(v1, validAnswers, { id: uuid(1), roundId: "syd.2027-03" });
const followUp = response(
  v2,
  { ...answersWithoutRolle, "lokal.ventetid": { text: '=HYPERLINK("http://x.example";"klik")' } },
  { id: uuid(2), roundId: "syd.2027-09", channel: "embed", submittedAt: "2027-09-02T09:00:00Z" },
);
const sparse = response(
  v1,
  { "rehab.kendskab": { choice: "2" } },
  { id: uuid(3), roundId: "syd.2027-03", submittedAt: undefined },
);

const expectedHeader = [
  "Runde",
  "Version",
  "Kanal",
  "Startet",
  "Indsendt",
  "rehab.kendskab: Hvor godt kender du kommunens rehabiliteringstilbud?",
  "rehab.kanaler.telefon: Hvordan henviser du? — Telefon",
  "rehab.kanaler.edifact: Hvordan henviser du? — Elektronisk henvisning",
  "rehab.kanaler.andet: Hvordan henviser du? — Andet",
  "rehab.kanaler.ingen: Hvordan henviser du? — Jeg henviser ikke",
  "rehab.kanaler.andet_tekst: Hvordan henviser du? — Andet (tekst)",
  "rehab.rolle: Din rolle i praksis",
  "rehab.rolle.andet_tekst: Din rolle i praksis — Andet (tekst)",
  "rehab.kommentar: Kommentarer",
  "rehab.grupper.kol: Hvor ofte henviser du disse grupper? — KOL",
  "rehab.grupper.diabetes: Hvor ofte henviser du disse grupper? — Type 2-diabetes",
  "lokal.ventetid: Hvor lang er ventetiden?",
];

const csv = exportResponsesCsv({ versions: [v1, v2], responses: [followUp, sparse, baseline] });
const table = unwrap(parseCsv(csv));
const rowOf = (id: number) => table.rows[id];
const cell = (row: number, column: string) =>
  table.rows[row]?.cells[table.header.findIndex((h) => h.split(": ")[0] === column)];

describe("exportResponsesCsv", () => {
  it("writes UTF-8 with BOM, `;` and CRLF, for Danish Excel", () => {
    expect(csv.startsWith("\uFEFFRunde;Version;Kanal;Startet;Indsendt;rehab.kendskab: ")).toBe(
      true,
    );
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replaceAll("\r\n", "").includes("\n")).toBe(false);
    expect(table.delimiter).toBe(";");
  });

  it("has one header row: fixed Danish labels, then `id: text` per column, versions unioned", () => {
    expect(table.header).toEqual(expectedHeader);
  });

  it("cuts long question texts in the header", () => {
    const long =
      "Hvad er din umiddelbare oplevelse af kommunens forskellige forebyggelses- og rehabiliteringstilbud?";
    const version = versionOf({
      ...validQuestionnaire,
      questions: [{ id: "rehab.oplevelse", type: "text", text: { da: long } }],
    });
    const header = unwrap(
      parseCsv(exportResponsesCsv({ versions: [version], responses: [] })),
    ).header;
    expect(header[5]).toBe(
      "rehab.oplevelse: Hvad er din umiddelbare oplevelse af kommunens forskellige…",
    );
    expect(header[5]?.split(": ")[1]?.length).toBeLessThanOrEqual(60);
  });

  it("sorts by round, then submission time, unsubmitted last, then id", () => {
    expect(table.rows.map((r) => r.cells[0])).toEqual([
      "syd.2027-03",
      "syd.2027-03",
      "syd.2027-09",
    ]);
    expect(rowOf(0)?.cells.slice(0, 5)).toEqual([
      "syd.2027-03",
      v1.hash,
      "kiosk",
      "2027-03-01T10:00:00+01:00",
      "2027-03-01T10:04:12.5Z",
    ]);
    expect(rowOf(1)?.cells[4]).toBe("");
  });

  it("writes each type: codes, 1/0 per multi option, Andet texts, matrix rows, texts", () => {
    expect(cell(0, "rehab.kendskab")).toBe("ved-ikke");
    expect(
      ["telefon", "edifact", "andet", "ingen", "andet_tekst"].map((c) =>
        cell(0, `rehab.kanaler.${c}`),
      ),
    ).toEqual(["1", "0", "1", "0", "Via sekretæren"]);
    expect(cell(0, "rehab.rolle")).toBe("andet");
    expect(cell(0, "rehab.rolle.andet_tekst")).toBe("Praksismanager");
    expect(cell(0, "rehab.kommentar")).toBe("Godt samarbejde med kommunen.");
    expect(cell(0, "rehab.grupper.kol")).toBe("ofte");
    expect(cell(0, "rehab.grupper.diabetes")).toBe("aldrig");
  });

  it("leaves a cell empty where the version did not ask or nobody answered", () => {
    expect(cell(0, "lokal.ventetid")).toBe("");
    expect(cell(2, "rehab.rolle")).toBe("");
    expect(cell(2, "rehab.rolle.andet_tekst")).toBe("");
    expect(cell(1, "rehab.kendskab")).toBe("2");
    // Unanswered multi: empty, not 0, which would claim the options were seen and left out.
    expect(cell(1, "rehab.kanaler.telefon")).toBe("");
  });

  it("writes a formula payload as inert text", () => {
    expect(csv).toContain(`;"'=HYPERLINK(""http://x.example"";""klik"")"`);
    expect(csv).not.toMatch(/(^|;|")=HYPERLINK/m);
    expect(cell(2, "lokal.ventetid")).toBe(`'=HYPERLINK("http://x.example";"klik")`);
  });

  it("round-trips through parseCsv to the cells it wrote", () => {
    expect(table.rows.map((r) => r.line)).toEqual([2, 3, 4]);
    for (const row of table.rows) expect(row.cells).toHaveLength(expectedHeader.length);
    expect(rowOf(2)?.cells).toEqual([
      "syd.2027-09",
      v2.hash,
      "embed",
      "2027-03-01T10:00:00+01:00",
      "2027-09-02T09:00:00Z",
      "ved-ikke",
      "1",
      "0",
      "1",
      "0",
      "Via sekretæren",
      "",
      "",
      "Godt samarbejde med kommunen.",
      "ofte",
      "aldrig",
      `'=HYPERLINK("http://x.example";"klik")`,
    ]);
  });

  it("gives the same file whatever the order of responses", () => {
    const same = response(v1, validAnswers, { id: uuid(4), roundId: "syd.2027-03" });
    const earlierByInstant = response(v1, validAnswers, {
      id: uuid(5),
      roundId: "syd.2027-03",
      // 10:30+02:00 is 08:30Z, before baseline's 10:04:12.5Z though it reads later.
      submittedAt: "2027-03-01T10:30:00+02:00",
    });
    const all: Response[] = [baseline, followUp, sparse, same, earlierByInstant];
    const expected = exportResponsesCsv({ versions: [v1, v2], responses: all });
    const ids = unwrap(parseCsv(expected)).rows.map((r) => r.cells[4]);
    expect(ids).toEqual([
      "2027-03-01T10:30:00+02:00",
      "2027-03-01T10:04:12.5Z",
      "2027-03-01T10:04:12.5Z",
      "",
      "2027-09-02T09:00:00Z",
    ]);
    assertProperty(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length }), (shuffled) => {
        expect(exportResponsesCsv({ versions: [v1, v2], responses: shuffled })).toBe(expected);
      }),
      { numRuns: 50 },
    );
  });

  it("orders the question columns by version order", () => {
    const header = unwrap(
      parseCsv(exportResponsesCsv({ versions: [v2, v1], responses: [] })),
    ).header;
    expect(header.map((h) => h.split(": ")[0]).slice(5)).toEqual([
      "rehab.kendskab",
      "rehab.kanaler.telefon",
      "rehab.kanaler.edifact",
      "rehab.kanaler.andet",
      "rehab.kanaler.ingen",
      "rehab.kanaler.andet_tekst",
      "rehab.kommentar",
      "rehab.grupper.kol",
      "rehab.grupper.diabetes",
      "lokal.ventetid",
      "rehab.rolle",
      "rehab.rolle.andet_tekst",
    ]);
  });

  it("throws when a response's version is not given", () => {
    expect(() => exportResponsesCsv({ versions: [v1], responses: [followUp] })).toThrow(
      /pass every version/,
    );
  });
});
