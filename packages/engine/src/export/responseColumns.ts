import type { Question } from "../questionnaire/model.js";
import type { ExportColumn } from "../questionnaire/questionTypes/exportColumns.js";
import { questionTypeOf } from "../questionnaire/questionTypes/registry.js";
import type { Response } from "../responses/response.js";
import type { QuestionnaireVersion } from "../versions/questionnaireVersion.js";

/** A column of the response exports, over every version they hold. */
export interface ResponseColumn {
  /** The cell's key in `cellsOf`. */
  readonly key: string;
  /** The column's id for programs, unique in the export (`qid`, `qid.code`, `qid.row`). */
  readonly id: string;
  /** The question as the first version that asked it words it. */
  readonly question: Question;
  readonly column: ExportColumn;
}

/** Columns grouped by question (first seen in version order); a question's parts in version order. */
export function unionOfColumns(versions: readonly QuestionnaireVersion[]): ResponseColumn[] {
  const byQuestion = new Map<string, { question: Question; parts: Map<string, ExportColumn> }>();
  for (const version of versions) {
    for (const question of version.questionnaire.questions) {
      let entry = byQuestion.get(question.id);
      if (entry === undefined) {
        entry = { question, parts: new Map() };
        byQuestion.set(question.id, entry);
      }
      for (const column of columnsOf(question))
        if (!entry.parts.has(column.part)) entry.parts.set(column.part, column);
    }
  }
  const usedIds = new Set<string>();
  const out: ResponseColumn[] = [];
  for (const [questionId, { question, parts }] of byQuestion) {
    for (const column of parts.values()) {
      // Question ids may contain dots, so "a.b" + option "c" could meet a question "a.b.c".
      let id = column.id;
      for (let n = 2; usedIds.has(id); n++) id = `${column.id}~${n}`;
      usedIds.add(id);
      out.push({ key: keyOf(questionId, column.part), id, question, column });
    }
  }
  return out;
}

/**
 * The response's cells by column key, each written by `write` with the column of the response's
 * own version (a question's options may differ between versions).
 */
export function cellsOf(
  version: QuestionnaireVersion,
  response: Response,
  write: (column: ExportColumn, answer: Parameters<ExportColumn["value"]>[0]) => string,
): Map<string, string> {
  const cells = new Map<string, string>();
  for (const question of version.questionnaire.questions) {
    const answer = response.answers[question.id];
    if (answer === undefined) continue;
    for (const column of columnsOf(question))
      cells.set(keyOf(question.id, column.part), write(column, answer));
  }
  return cells;
}

/** The version of each response, or a programmer's error that says which is missing. */
export function versionOfResponse(
  versions: ReadonlyMap<string, QuestionnaireVersion>,
  response: Response,
  caller: string,
): QuestionnaireVersion {
  const version = versions.get(response.versionHash);
  if (version === undefined) {
    throw new Error(
      `${caller}: response ${response.id} has version ${response.versionHash}, which is not in ` +
        "input.versions; pass every version the responses refer to.",
    );
  }
  return version;
}

function keyOf(questionId: string, part: string): string {
  return JSON.stringify([questionId, part]);
}

function columnsOf(question: Question): ExportColumn[] {
  return questionTypeOf(question.type).exportColumns(question);
}

/** By round, submission time and id, so the same set gives the same file in any order. */
export function compareResponses(a: Response, b: Response): number {
  return (
    compareCodeUnits(a.roundId, b.roundId) ||
    compareSubmitted(a.submittedAt, b.submittedAt) ||
    compareCodeUnits(a.id, b.id)
  );
}

/** By instant (offsets differ between devices); a response not yet submitted sorts last. */
function compareSubmitted(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return Date.parse(a) - Date.parse(b) || compareCodeUnits(a, b);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
