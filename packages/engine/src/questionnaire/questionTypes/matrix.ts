import * as z from "zod/mini";
import { summarizeMatrixRows } from "../../aggregation/summarizeChoices.js";
import { createChoiceTally } from "../../aggregation/tally.js";
import { createIssue, type Issue } from "../../issues/issue.js";
import {
  codeSchema,
  limits,
  matrixRowSchema,
  questionBaseShape,
  scaleOptionSchema,
} from "../primitives.js";
import { labelIn, partColumn, valuesOf } from "./exportColumns.js";
import { checkOptionList, checkRowList, checkScale } from "./options.js";
import { type AnsweringType, type QuestionType, withFigures } from "./questionType.js";
import { hasOnlyKeys, isCode, isPlainRecord } from "./readFast.js";

/** Rows (e.g. patient groups) each rated on the same scale of columns. */
export const matrixQuestionSchema = z.strictObject({
  ...questionBaseShape,
  type: z.literal("matrix"),
  rows: z.array(matrixRowSchema).check(z.minLength(1), z.maxLength(limits.rows)),
  columns: z.array(scaleOptionSchema).check(z.minLength(2), z.maxLength(limits.options)),
});
export type MatrixQuestion = z.output<typeof matrixQuestionSchema>;

/** Row code → column code, for the rows answered; at least one row. */
export const matrixAnswerSchema = z.strictObject({
  rows: z.record(codeSchema, codeSchema),
});
export type MatrixAnswer = z.output<typeof matrixAnswerSchema>;

export const matrixAnswering: AnsweringType<MatrixQuestion, MatrixAnswer> = {
  type: "matrix",
  schema: matrixQuestionSchema,
  answerSchema: matrixAnswerSchema,
  checkDefinition: (q) => [
    ...checkRowList(q.rows, "rows"),
    ...checkOptionList(q.columns, "columns"),
    ...checkScale(q.columns, "columns"),
  ],
  checkAnswer: (q, a) => {
    const issues: Issue[] = [];
    const answered = Object.keys(a.rows).length;
    if (answered === 0)
      issues.push(createIssue("too_small", ["rows"], { limit: 1, received: "0" }));
    if (answered > q.rows.length) {
      issues.push(
        createIssue("too_big", ["rows"], { limit: q.rows.length, received: String(answered) }),
      );
      return issues;
    }
    const rows = new Set(q.rows.map((r) => r.code));
    const columns = new Set(q.columns.map((c) => c.code));
    for (const [row, column] of Object.entries(a.rows)) {
      if (!rows.has(row)) issues.push(createIssue("unknown_row", ["rows", row], { value: row }));
      else if (!columns.has(column))
        issues.push(createIssue("unknown_option", ["rows", row], { value: column }));
    }
    return issues;
  },
  checkRequired: (q, a) =>
    q.rows
      .filter((r) => !Object.hasOwn(a.rows, r.code))
      .map((r) => createIssue("required_missing", ["rows", r.code])),
  readAnswerFast: (raw) => {
    if (!isPlainRecord(raw) || !hasOnlyKeys(raw, ["rows"]) || !isPlainRecord(raw.rows))
      return undefined;
    const rows: Record<string, string> = {};
    for (const row in raw.rows) {
      const column = raw.rows[row];
      // "__proto__" cannot be copied onto a plain object; zod decides about it.
      if (row === "__proto__" || !isCode(row) || !isCode(column)) return undefined;
      rows[row] = column;
    }
    return { rows };
  },
};

export const matrix: QuestionType<MatrixQuestion, MatrixAnswer> = /* @__PURE__ */ withFigures(
  matrixAnswering,
  {
    createAdder: (q) => {
      const ordinals = new Map(q.columns.map((c) => [c.code, c.ordinal]));
      return (tally, a) => {
        for (const row in a.rows) {
          const column = a.rows[row] as string;
          let rowTally = tally.rows[row];
          if (rowTally === undefined) {
            rowTally = createChoiceTally();
            tally.rows[row] = rowTally;
          }
          rowTally.answered++;
          rowTally.counts[column] = (rowTally.counts[column] ?? 0) + 1;
          const ordinal = ordinals.get(column);
          if (ordinal !== undefined) {
            rowTally.ordinalSum += ordinal;
            rowTally.ordinalCount++;
          }
        }
      };
    },
    summarize: (input) => ({ rows: summarizeMatrixRows(input) }),
    exportColumns: (q) =>
      q.rows.map((r) =>
        partColumn(q, `row:${r.code}`, r.code, r.label.da, {
          value: (a) => ("rows" in a ? (a.rows[r.code] ?? "") : ""),
          words: (a) => ("rows" in a ? labelIn(q.columns, a.rows[r.code]) : ""),
          values: valuesOf(q.columns),
        }),
      ),
  },
);
