import type { ResponseTables, TableCell } from "@klynge/engine";
import writeExcelFile, { type Cell, type Row, type Sheet } from "write-excel-file/node";

/** Danish Excel's short date, day only: the stored responses carry no time of day. */
const dayFormat = "dd-mm-yyyy";

/** Column widths in characters: the fixed columns narrow, question columns wide enough to read. */
const answerWidths = [9, 12, 24, 28];
const codebookWidths = [9, 60, 28, 30, 36, 18, 10, 34];

/**
 * The answers and the codebook as an Excel workbook: two sheets, "Svar" and "Kodebog", the header
 * row bold, wrapped and frozen, dates as real date cells (sortable, filterable) showing the day.
 * Text cells are strings, so an answer like "=HYPERLINK(…)" stays text: Excel never runs it.
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
  const header: Row = table.header.map((text) => ({
    value: text,
    fontWeight: "bold",
    wrap: true,
    alignVertical: "top",
  }));
  return {
    sheet: name,
    data: [header, ...table.rows.map((row) => row.map(cellOf))],
    columns: table.header.map((_, i) => ({ width: width(i) })),
    stickyRowsCount: 1,
  };
}

function cellOf(cell: TableCell): Cell {
  if (cell === null) return null;
  if (typeof cell === "string") return { value: cell, type: String, wrap: true };
  if (typeof cell === "number") return { value: cell, type: Number };
  const [year, month, day] = cell.day.split("-").map(Number) as [number, number, number];
  // Excel's dates have no zone: the calendar day, written as that day's midnight.
  return { value: new Date(Date.UTC(year, month - 1, day)), type: Date, format: dayFormat };
}
