import { assertProperty } from "@klynge/test-support/property";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CsvTable, parseCsv, toCsvLine } from "../../internal/csv.js";
import type { Result } from "../../issues/issue.js";
import { expectSingleIssue } from "../fixtures/issues.js";

function table(result: Result<CsvTable>): CsvTable {
  if (!result.success)
    throw new Error(`expected success, got ${JSON.stringify(result.issues, null, 2)}`);
  return result.data;
}

describe("parseCsv", () => {
  it("reads a Danish Excel file: `;`, CRLF, BOM", () => {
    const t = table(parseCsv("\uFEFFydernummer;tilbud\r\n012345;KOL\r\n"));
    expect(t.delimiter).toBe(";");
    expect(t.header).toEqual(["ydernummer", "tilbud"]);
    expect(t.rows).toEqual([{ line: 2, cells: ["012345", "KOL"] }]);
  });

  it("reads `,` files with LF line ends and no final line end", () => {
    const t = table(parseCsv("practice,offer\n1,KOL\n2,Diabetes"));
    expect(t.delimiter).toBe(",");
    expect(t.rows.map((r) => r.cells)).toEqual([
      ["1", "KOL"],
      ["2", "Diabetes"],
    ]);
  });

  it("detects the delimiter from the header only, outside quotes", () => {
    expect(table(parseCsv('"a;b",c\n1,2')).delimiter).toBe(",");
    expect(table(parseCsv('"a,b";c;d\n1;2,5;3')).delimiter).toBe(";");
    expect(table(parseCsv("alene\n1")).delimiter).toBe(";");
  });

  it("unquotes cells holding the delimiter, doubled quotes and line breaks", () => {
    const t = table(parseCsv('a;b;c\r\n"x;y";"sagde ""hej""";"linje 1\r\nlinje 2"\r\n4;5;6\r\n'));
    expect(t.rows).toEqual([
      { line: 2, cells: ["x;y", 'sagde "hej"', "linje 1\r\nlinje 2"] },
      // A line break inside quotes stays in its Excel row, so the next record is row 3.
      { line: 3, cells: ["4", "5", "6"] },
    ]);
  });

  it("skips blank rows and Excel's `;;;` rows but keeps counting them", () => {
    const t = table(parseCsv("\r\na;b\r\n\r\n1;2\r\n;\r\n3;4\r\n"));
    expect(t.headerLine).toBe(2);
    expect(t.rows.map((r) => r.line)).toEqual([4, 6]);
  });

  it("keeps empty cells and a stray quote inside an unquoted cell", () => {
    const t = table(parseCsv('a;b;c\n;5 "tommer";\n'));
    expect(t.rows[0]?.cells).toEqual(["", '5 "tommer"', ""]);
  });

  it("treats a lone CR as a line end", () => {
    expect(table(parseCsv("a;b\r1;2\r")).rows).toEqual([{ line: 2, cells: ["1", "2"] }]);
  });

  it("gives an empty table for empty text", () => {
    expect(table(parseCsv(""))).toEqual({ delimiter: ";", header: [], headerLine: 1, rows: [] });
    expect(table(parseCsv("\uFEFF\r\n")).header).toEqual([]);
  });

  it("reports a quote that is never closed at the row where it opens", () => {
    expectSingleIssue(parseCsv('a;b\n1;2\n3;"åben\n4;5\n'), {
      code: "csv_unclosed_quote",
      path: ["line", 3],
    });
  });

  it("stops at the first row over maxRows", () => {
    expectSingleIssue(parseCsv("a\n1\n2\n3\n", { maxRows: 2 }), {
      code: "csv_too_many_lines",
      path: ["line", 4],
      limit: 2,
    });
    expect(table(parseCsv("a\n1\n2\n", { maxRows: 2 })).rows).toHaveLength(2);
  });

  it("honours an explicit delimiter", () => {
    expect(table(parseCsv("a,b;c\n1,2;3", { delimiter: "," })).header).toEqual(["a", "b;c"]);
  });
});

describe("toCsvLine", () => {
  it("quotes only what needs quoting", () => {
    expect(toCsvLine(["a", "b c", "x;y", 'si "hej"', "to\nlinjer", " kant "], ";")).toBe(
      'a;b c;"x;y";"si ""hej""";"to\nlinjer";" kant "',
    );
    expect(toCsvLine(["x;y", "1,5"], ",")).toBe('x;y,"1,5"');
  });

  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK(""http://x"")'],
    ["+45 1234", "'+45 1234"],
    ["-1+1", "'-1+1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tskjult", "'\tskjult"],
    ["\r=1", "'\r=1"],
  ])("guards the formula-like cell %j", (cell, written) => {
    const line = toCsvLine([cell], ";");
    expect(line.replace(/^"|"$/g, "")).toBe(written);
    expect(line.startsWith("=") || line.startsWith('"=')).toBe(false);
  });

  it("round-trips through parseCsv (formula-like cells come back with their guard)", () => {
    const cell = fc.string({
      unit: fc.constantFrom("a", "æ", ";", ",", '"', "\r", "\n", " ", "=", "-", "'", "1"),
    });
    assertProperty(
      fc.property(
        fc.constantFrom<";" | ",">(";", ","),
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        (delimiter, records) => {
          const text = `h1${delimiter}h2${delimiter}h3\r\n${records.map((r) => toCsvLine(r, delimiter)).join("\r\n")}\r\n`;
          const parsed = table(parseCsv(text));
          const guard = (c: string) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c);
          const expected = records.map((r) => r.map(guard)).filter((r) => r.some((c) => c !== ""));
          expect(parsed.delimiter).toBe(delimiter);
          expect(parsed.rows.map((r) => r.cells)).toEqual(expected);
        },
      ),
    );
  });
});
