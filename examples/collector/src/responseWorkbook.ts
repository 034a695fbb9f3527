import type { ResponseTables, TableCell } from "@klynge/engine";
import writeExcelFile, { type Cell, type Row, type Sheet } from "write-excel-file/node";

/** Danish Excel's short date, day only: the stored responses carry no time of day. */
const dayFormat = "dd-mm-yyyy";

/** Column widths in characters: the fixed columns narrow, question columns wide enough to read. */
const answerWidths = [9, 12, 30, 28];
const codebookWidths = [9, 60, 28, 30, 36, 18, 10, 34];

/** Points per line of 11-point text, and the most lines a row is made tall for. */
const lineHeight = 15;
const maxLines = 10;

/**
 * The answers and the codebook as an Excel workbook: two sheets, "Svar" and "Kodebog", the header
 * row bold, wrapped and frozen, dates as real date cells (sortable, filterable) showing the day.
 * Text cells are strings, so an answer like "=HYPERLINK(…)" stays text: Excel never runs it.
 * Rows are made as tall as their longest wrapped text: not every spreadsheet program fits them.
 */
export async function writeResponseWorkbook(tables: ResponseTables): Promise<Buffer> {
  const answers = sheetOf("Svar", tables.answers, (i) => answerWidths[i] ?? 32);
  const codebook = sheetOf("Kodebog", tables.codebook, (i) => codebookWidths[i] ?? 20);
  return writeExcelFile([answers, codebook], { fontFamily: "Calibri", fontSize: 11 }).toBuffer();
}

function sheetOf(
  name: string,
  table: ResponseTables["answers"],
  width: (column: number) => number,
): Sheet<Buffer> {
  const widths = table.header.map((_, i) => width(i));
  const header: Row = table.header.map((text) => ({
    value: text,
    fontWeight: "bold",
    wrap: true,
    alignVertical: "top",
  }));
  return {
    sheet: name,
    data: [
      withHeight(header, table.header, widths),
      ...table.rows.map((row) => withHeight(row.map(cellOf), row, widths)),
    ],
    columns: widths.map((w) => ({ width: w })),
    stickyRowsCount: 1,
  };
}

/** The row with the height its longest text needs at the columns' widths (set on its first cell). */
function withHeight(row: Row, cells: readonly TableCell[], widths: readonly number[]): Row {
  const lines = Math.min(
    maxLines,
    Math.max(
      1,
      ...cells.map((cell, i) =>
        typeof cell === "string" ? linesOf(cell, Math.max(1, (widths[i] ?? 10) - 1)) : 1,
      ),
    ),
  );
  const [first, ...rest] = row;
  if (lines === 1 || first === null || first === undefined) return row;
  const cell = typeof first === "object" && !(first instanceof Date) ? first : { value: first };
  return [{ ...cell, height: lines * lineHeight }, ...rest];
}

/** How many lines `text` takes wrapped at `width` characters, word by word. */
function linesOf(text: string, width: number): number {
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let line = 0;
    lines += 1;
    for (const word of paragraph.split(" ")) {
      const needed = line === 0 ? word.length : line + 1 + word.length;
      if (needed <= width) line = needed;
      else {
        lines += line === 0 ? Math.floor(word.length / width) : 1 + Math.floor(word.length / width);
        line = word.length % width;
      }
    }
  }
  return lines;
}

function cellOf(cell: TableCell): Cell {
  if (cell === null) return null;
  if (typeof cell === "string")
    return { value: cell, type: String, wrap: true, alignVertical: "top" };
  if (typeof cell === "number") return { value: cell, type: Number, alignVertical: "top" };
  const [year, month, day] = cell.day.split("-").map(Number) as [number, number, number];
  // Excel's dates have no zone: the calendar day, written as that day's midnight.
  return {
    value: new Date(Date.UTC(year, month - 1, day)),
    type: Date,
    format: dayFormat,
    alignVertical: "top",
  };
}
