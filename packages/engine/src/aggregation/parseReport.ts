import { parseWithSchema } from "../issues/fromZodIssues.js";
import type { Result } from "../issues/issue.js";
import { type Report, reportSchema } from "./report.js";

/**
 * Reads a report that another tool exported as JSON (`JSON.stringify(report)`): the report model
 * is a public contract, checked by its own schema.
 */
export function parseReport(input: unknown): Result<Report> {
  return parseWithSchema(reportSchema, input);
}
