import type { Question } from "@klynge/engine";
import { localize } from "../../localize.js";
import { CodeTable } from "../codeTable.js";
import { readValue } from "./surveyData.js";
import type { SurveyMapping } from "./surveyMapping.js";

type MatrixQuestion = Extract<Question, { type: "matrix" }>;

/** Rows rated on one scale as a SurveyJS single-choice matrix; its value is `{ row: column }`. */
export const matrixMapping: SurveyMapping<MatrixQuestion> = {
  toElement: (question, base, locale) => {
    const rows = new CodeTable(question.rows);
    const columns = new CodeTable(question.columns);
    return {
      ...base,
      type: "matrix",
      rows: question.rows.map((r) => ({
        value: rows.toValue(r.code) as string,
        text: localize(r.label, locale).text,
      })),
      columns: question.columns.map((c) => ({
        value: columns.toValue(c.code) as string,
        text: localize(c.label, locale).text,
      })),
      eachRowRequired: question.required,
    };
  },
  toAnswer: (question, data, name) => {
    const value = readValue(data, name);
    if (value === undefined) return undefined;
    if (typeof value !== "object" || value === null || Array.isArray(value)) return { rows: value };
    const rowTable = new CodeTable(question.rows);
    const columnTable = new CodeTable(question.columns);
    // fromEntries: a stray key such as "__proto__" becomes a key the engine reports, not a prototype.
    const rows = Object.fromEntries(
      Object.entries(value)
        .filter(([, cell]) => cell !== undefined && cell !== null && cell !== "")
        .map(([row, cell]) => [
          rowTable.toCode(row) ?? row,
          typeof cell === "string" ? (columnTable.toCode(cell) ?? cell) : cell,
        ]),
    );
    return Object.keys(rows).length === 0 ? undefined : { rows };
  },
  toData: (question, answer, name) => {
    if (!("rows" in answer)) return {};
    const rowTable = new CodeTable(question.rows);
    const columnTable = new CodeTable(question.columns);
    const cells: Record<string, string> = {};
    for (const [row, column] of Object.entries(answer.rows)) {
      const rowValue = rowTable.toValue(row);
      const columnValue = columnTable.toValue(column);
      if (rowValue !== undefined && columnValue !== undefined) cells[rowValue] = columnValue;
    }
    return Object.keys(cells).length === 0 ? {} : { [name]: cells };
  },
  // The scale is read once, then one pick per row.
  secondsToAnswer: (question) => 6 + question.columns.length + 4 * question.rows.length,
};
