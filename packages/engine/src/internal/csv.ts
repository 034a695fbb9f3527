// Written here rather than imported: the engine depends on zod only, and RFC 4180 is small.
import { createIssue, fail, ok, type Result } from "../issues/issue.js";

/** Danish Excel reads and writes `;`; most other tools `,`. */
export type CsvDelimiter = ";" | ",";

/** One record; `line` is the row number Excel shows (a quoted line break stays in its row). */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvTable {
  readonly delimiter: CsvDelimiter;
  /** Empty when the text has no records at all. */
  readonly header: readonly string[];
  /** Row number of the header; 1 unless the file starts with blank rows. */
  readonly headerLine: number;
  readonly rows: readonly CsvRow[];
}

export interface ParseCsvOptions {
  /** Default: detected from the header line (the more frequent of `;` and `,`; `;` on a tie). */
  delimiter?: CsvDelimiter;
  /** Most data rows read before giving up with `csv_too_many_lines`. Default: no limit. */
  maxRows?: number;
}

/**
 * Reads RFC 4180 CSV: quoted cells with doubled quotes, CRLF, LF or CR line ends, a leading BOM
 * dropped. Rows whose cells are all empty (blank lines, Excel's `;;;`) are skipped but still
 * counted, so `line` matches Excel. Leniently like Excel, a stray quote inside an unquoted cell
 * is kept as text; a quote opened and never closed is an issue.
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): Result<CsvTable> {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectDelimiter(source);
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;

  let header: string[] | undefined;
  let headerLine = 1;
  const rows: CsvRow[] = [];
  let line = 1;
  let cells: string[] = [];
  let cell = "";
  let i = 0;

  const endRecord = (): Result<CsvTable> | undefined => {
    cells.push(cell);
    const record = cells;
    cells = [];
    cell = "";
    if (!record.every((c) => c === "")) {
      if (header === undefined) {
        header = record;
        headerLine = line;
      } else {
        if (rows.length >= maxRows) {
          return fail([createIssue("csv_too_many_lines", ["line", line], { limit: maxRows })]);
        }
        rows.push({ line, cells: record });
      }
    }
    line++;
    return undefined;
  };

  while (i < source.length) {
    const ch = source[i];
    if (ch === '"' && cell === "") {
      const start = line;
      i++;
      let closed = false;
      while (i < source.length) {
        const q = source[i];
        if (q === '"') {
          if (source[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        cell += q;
        i++;
      }
      if (!closed) return fail([createIssue("csv_unclosed_quote", ["line", start])]);
      continue;
    }
    if (ch === delimiter) {
      cells.push(cell);
      cell = "";
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      i += ch === "\r" && source[i + 1] === "\n" ? 2 : 1;
      const stop = endRecord();
      if (stop) return stop;
      continue;
    }
    cell += ch;
    i++;
  }
  if (cell !== "" || cells.length > 0) {
    const stop = endRecord();
    if (stop) return stop;
  }
  return ok({ delimiter, header: header ?? [], headerLine, rows });
}

/** The delimiter used in the first record, counted outside quotes. */
export function detectDelimiter(text: string): CsvDelimiter {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) {
      if (semicolons + commas > 0) break;
    } else if (!quoted && ch === ";") semicolons++;
    else if (!quoted && ch === ",") commas++;
  }
  return commas > semicolons ? "," : ";";
}

const formulaStart = new Set(["=", "+", "-", "@", "\t", "\r"]);

/**
 * One CSV record without its line end. A cell that Excel would run as a formula (starting with
 * = + - @ tab or CR) gets a leading `'`: respondents' free texts end up in spreadsheets.
 */
export function toCsvLine(cells: readonly string[], delimiter: CsvDelimiter): string {
  return cells.map((cell) => quoteCell(guardFormula(cell), delimiter)).join(delimiter);
}

function guardFormula(cell: string): string {
  return formulaStart.has(cell.charAt(0)) ? `'${cell}` : cell;
}

function quoteCell(cell: string, delimiter: CsvDelimiter): string {
  const needsQuotes = cell.includes(delimiter) || /["\r\n]/.test(cell) || cell !== cell.trim();
  return needsQuotes ? `"${cell.replaceAll('"', '""')}"` : cell;
}
