import type { Question, QuestionType } from "../questionnaire/model.js";
import type { Channel, Response } from "../responses/response.js";
import type { QuestionnaireVersion } from "../versions/questionnaireVersion.js";
import { cellsOf, compareResponses, unionOfColumns, versionOfResponse } from "./responseColumns.js";

export interface TabulateResponsesInput {
  /** Every version the responses refer to; their order sets the column order. */
  readonly versions: readonly QuestionnaireVersion[];
  readonly responses: readonly Response[];
  /** The IANA time zone of the dates. Default "Europe/Copenhagen". */
  readonly timeZone?: string;
}

/** A cell: text, a number, a calendar day ("2027-03-14") or nothing. */
export type TableCell = string | number | { readonly day: string } | null;

export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly TableCell[])[];
}

/** The answers in words, and the codebook that says what each of their columns holds. */
export interface ResponseTables {
  readonly answers: Table;
  readonly codebook: Table;
}

const channelWords: Record<Channel, string> = {
  embed: "Online (link eller hjemmeside)",
  app: "App",
  kiosk: "Tablet ved mødet",
};

const typeWords: Record<QuestionType, string> = {
  rating: "Skala (ét svar)",
  single: "Ét svar",
  multi: "Flere svar (en kolonne pr. svarmulighed)",
  text: "Fritekst",
  matrix: "Matrix (en kolonne pr. række, samme skala)",
};

const fixedColumns = [
  { header: "Svar nr.", words: "Løbenummer i dette ark; siger intet om, hvem der svarede" },
  {
    header: "Besvaret",
    words: "Dagen svaret blev sendt (dansk tid); klokkeslæt gemmes ikke",
  },
  { header: "Kanal", words: Object.values(channelWords).join(" / ") },
  { header: "Spørgeskema", words: "Navnet på den version af spørgeskemaet, der blev besvaret" },
] as const;

const codebookHeader = [
  "Kolonne",
  "Spørgsmål",
  "Spørgsmålstype",
  "Række eller svarmulighed",
  "Svar i cellen",
  "Kode i CSV-filen",
  "Talværdi",
  "Kolonne-id i CSV-filen",
];

/**
 * The responses as tables for people: one row per response, one column per question (a matrix one
 * per row, a multiple choice one per option with "Ja"/"Nej", "Andet" texts in a column of their
 * own), cells in the questionnaire's Danish words, the day of submission in `timeZone`; and a
 * codebook, one row per value a column can hold, with the codes and ordinals of the CSV export.
 * The columns and row order are those of `exportResponsesCsv`. Row-level data for the cluster's
 * coordinator: no anonymity rule applies, and no time finer than the stored day is shown.
 */
export function tabulateResponses(input: TabulateResponsesInput): ResponseTables {
  const versions = new Map(input.versions.map((v) => [v.hash, v]));
  const columns = unionOfColumns([...versions.values()]);
  const dayOf = dayIn(input.timeZone ?? "Europe/Copenhagen");

  const answers: TableCell[][] = [...input.responses].sort(compareResponses).map((response, i) => {
    const version = versionOfResponse(versions, response, "tabulateResponses");
    const cells = cellsOf(version, response, (column, answer) => column.words(answer));
    const date = response.submittedAt ?? response.startedAt;
    return [
      i + 1,
      { day: dayOf(date) },
      channelWords[response.channel],
      version.label,
      ...columns.map((c) => nonEmpty(cells.get(c.key))),
    ];
  });

  const codebook: TableCell[][] = fixedColumns.map((fixed, i) => [
    columnLetters(i),
    fixed.header,
    null,
    null,
    fixed.words,
    null,
    null,
    null,
  ]);
  const byId = new Map(columns.map(({ question }) => [question.id, question]));
  columns.forEach(({ id, question, column }, i) => {
    const letters = columnLetters(fixedColumns.length + i);
    const part = nonEmpty(column.partLabel);
    const kind = `${typeWords[question.type]}${conditionWords(question, byId)}`;
    const about = [letters, question.text.da, kind, part] as const;
    if (column.values.length === 0) {
      codebook.push([...about, "Den skrevne tekst", null, null, id]);
      return;
    }
    for (const value of column.values) {
      codebook.push([...about, value.label, value.code, value.ordinal ?? null, id]);
    }
  });

  return {
    answers: {
      header: [
        ...fixedColumns.map((f) => f.header),
        ...columns.map(({ question, column }) =>
          column.partLabel === "" ? question.text.da : `${question.text.da} — ${column.partLabel}`,
        ),
      ],
      rows: answers,
    },
    codebook: { header: codebookHeader, rows: codebook },
  };
}

function nonEmpty(text: string | undefined): string | null {
  return text === undefined || text === "" ? null : text;
}

/** The calendar day of an instant in `timeZone`, as "YYYY-MM-DD". */
function dayIn(timeZone: string): (timestamp: string) => string {
  const format = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  return (timestamp) => {
    const parts = format.formatToParts(new Date(Date.parse(timestamp)));
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
    return `${part("year")}-${part("month")}-${part("day")}`;
  };
}

/** A spreadsheet's column name: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/**
 * A conditional question's type cell says whom it was asked, so an empty cell is not read as a
 * skipped question: "; stillet kun til dem, der svarede «Ja» på «…» (ellers tom)".
 */
function conditionWords(question: Question, byId: ReadonlyMap<string, Question>): string {
  const condition = question.showIf;
  const source = condition === undefined ? undefined : byId.get(condition.question);
  if (condition === undefined || source === undefined || !("options" in source)) return "";
  const labels: string[] = source.options
    .filter((o) => condition.anyOf.includes(o.code))
    .map((o) => `«${o.label.da}»`);
  const answers = new Intl.ListFormat("da", { type: "disjunction" }).format(labels);
  return `; stillet kun til dem, der svarede ${answers} på «${source.text.da}» (ellers tom)`;
}
