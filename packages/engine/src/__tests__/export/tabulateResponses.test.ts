import { validAnswers } from "@klynge/test-support/responses";
import { describe, expect, it } from "vitest";
import { columnLetters, tabulateResponses } from "../../export/tabulateResponses.js";
import { answersWithoutRolle, response, uuid, v1, v2 } from "./exportFixtures.js";

// Submitted late in the evening UTC: already the next day in Copenhagen.
const late = response(v1, validAnswers, {
  id: uuid(1),
  roundId: "syd.2027-03",
  submittedAt: "2027-03-14T23:30:00Z",
});
const followUp = response(
  v2,
  { ...answersWithoutRolle, "lokal.ventetid": { text: "Tre uger" } },
  {
    id: uuid(2),
    roundId: "syd.2027-03",
    channel: "embed",
    submittedAt: "2027-03-10T00:00:00.000Z",
  },
);
const sparse = response(
  v1,
  { "rehab.kendskab": { choice: "2" } },
  { id: uuid(3), roundId: "syd.2027-03", submittedAt: undefined },
);

const { answers, codebook } = tabulateResponses({
  versions: [v1, v2],
  responses: [late, sparse, followUp],
});
const column = (header: string) => answers.header.indexOf(header);

describe("tabulateResponses", () => {
  it("heads each column with the question's own text, a matrix row or option after a dash", () => {
    expect(answers.header).toEqual([
      "Svar nr.",
      "Besvaret",
      "Kanal",
      "Spørgeskema",
      "Hvor godt kender du kommunens rehabiliteringstilbud?",
      "Hvordan henviser du? — Telefon",
      "Hvordan henviser du? — Elektronisk henvisning",
      "Hvordan henviser du? — Andet",
      "Hvordan henviser du? — Jeg henviser ikke",
      "Hvordan henviser du? — Andet (tekst)",
      "Din rolle i praksis",
      "Din rolle i praksis — Andet (tekst)",
      "Kommentarer",
      "Hvor ofte henviser du disse grupper? — KOL",
      "Hvor ofte henviser du disse grupper? — Type 2-diabetes",
      "Hvor lang er ventetiden?",
    ]);
  });

  it("writes one row per response, in the CSV's order, its cells in words", () => {
    expect(answers.rows.map((row) => row[0])).toEqual([1, 2, 3]);
    const [first, second, third] = answers.rows;
    expect(first).toEqual([
      1,
      { day: "2027-03-10" },
      "Online (link eller hjemmeside)",
      "Klynge Syd, opfølgning",
      "Ved ikke",
      "Ja",
      "Nej",
      "Ja",
      "Nej",
      "Via sekretæren",
      null,
      null,
      "Godt samarbejde med kommunen.",
      "Ofte",
      "Aldrig",
      "Tre uger",
    ]);
    expect(second?.[column("Din rolle i praksis")]).toBe("Andet");
    expect(second?.[column("Din rolle i praksis — Andet (tekst)")]).toBe("Praksismanager");
    // A question left unanswered is empty, not "Nej".
    expect(third?.slice(4)).toEqual([
      "Lidt",
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("gives the day in Copenhagen, which a late evening in UTC has already passed", () => {
    expect(answers.rows[1]?.[1]).toEqual({ day: "2027-03-15" });
    expect(
      tabulateResponses({ versions: [v1], responses: [late], timeZone: "UTC" }).answers
        .rows[0]?.[1],
    ).toEqual({ day: "2027-03-14" });
    // Not submitted: the day it was started (10:00 at +01:00).
    expect(answers.rows[2]?.[1]).toEqual({ day: "2027-03-01" });
  });

  it("has a codebook row for every value of every column, with the CSV's code and ordinal", () => {
    expect(codebook.header).toEqual([
      "Kolonne",
      "Spørgsmål",
      "Spørgsmålstype",
      "Række eller svarmulighed",
      "Svar i cellen",
      "Kode i CSV-filen",
      "Talværdi",
      "Kolonne-id i CSV-filen",
    ]);
    expect(codebook.rows).toContainEqual([
      "E",
      "Hvor godt kender du kommunens rehabiliteringstilbud?",
      "Skala (ét svar)",
      null,
      "Ved ikke",
      "ved-ikke",
      null,
      "rehab.kendskab",
    ]);
    expect(codebook.rows).toContainEqual([
      "E",
      "Hvor godt kender du kommunens rehabiliteringstilbud?",
      "Skala (ét svar)",
      null,
      "Meget godt",
      "4",
      4,
      "rehab.kendskab",
    ]);
    expect(codebook.rows).toContainEqual([
      "N",
      "Hvor ofte henviser du disse grupper?",
      "Matrix (en kolonne pr. række, samme skala)",
      "KOL",
      "Sjældent",
      "sjaeldent",
      1,
      "rehab.grupper.kol",
    ]);
    expect(codebook.rows).toContainEqual([
      "F",
      "Hvordan henviser du?",
      "Flere svar (en kolonne pr. svarmulighed)",
      "Telefon",
      "Ja",
      "1",
      null,
      "rehab.kanaler.telefon",
    ]);
    expect(codebook.rows).toContainEqual([
      "P",
      "Hvor lang er ventetiden?",
      "Fritekst",
      null,
      "Den skrevne tekst",
      null,
      null,
      "lokal.ventetid",
    ]);
    // Every column of the answers is explained, in order.
    const explained = [...new Set(codebook.rows.map((row) => row[0]))];
    expect(explained).toEqual(answers.header.map((_, i) => columnLetters(i)));
  });

  it("names spreadsheet columns as Excel does", () => {
    expect([0, 25, 26, 51, 701, 702].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "ZZ",
      "AAA",
    ]);
  });
});
