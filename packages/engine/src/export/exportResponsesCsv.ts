import { toCsvLine } from "../internal/csv.js";
import type { Question } from "../questionnaire/model.js";
import type { ExportColumn } from "../questionnaire/questionTypes/exportColumns.js";
import { questionTypeOf } from "../questionnaire/questionTypes/registry.js";
import type { Response } from "../responses/response.js";
import type { QuestionnaireVersion } from "../versions/questionnaireVersion.js";

export interface ExportResponsesCsvInput {
  /** Every version the responses refer to; their order sets the column order. */
  readonly versions: readonly QuestionnaireVersion[];
  readonly responses: readonly Response[];
}

/** The fixed columns, before the questions'. */
const fixedHeader = ["Runde", "Version", "Kanal", "Startet", "Indsendt"];

/**
 * One row per response, for Excel: UTF-8 with BOM, `;`, CRLF, formula-like cells guarded. After
 * the fixed columns come the questions of all `versions` (version order, then question order),
 * one header row whose cells read `id: Danish text`, e.g. `rehab.kanaler.telefon: Hvordan
 * henviser du? — Telefon`; the id before ": " is for programs, the text for people. Rating and
 * single give the option code, text the text, matrix one column per row (`qid.row`), multi one
 * 1/0 column per option (`qid.code`); "Andet" texts go to `qid.andet_tekst`. A cell is empty when
 * the response's version did not ask the question or it was left unanswered. Responses are
 * sorted by round, submission time and id, so the same set gives the same file in any order.
 * This is row-level data for the coordinator, not for the meeting: no anonymity rule applies.
 */
export function exportResponsesCsv(input: ExportResponsesCsvInput): string {
  const versions = new Map(input.versions.map((v) => [v.hash, v]));
  const columns = unionOfColumns([...versions.values()]);
  const lines = [toCsvLine([...fixedHeader, ...columns.map((c) => c.header)], ";")];

  for (const response of [...input.responses].sort(compareResponses)) {
    const version = versions.get(response.versionHash);
    if (version === undefined) {
      throw new Error(
        `exportResponsesCsv: response ${response.id} has version ${response.versionHash}, which is not in ` +
          "input.versions; pass every version the responses refer to.",
      );
    }
    const cells = new Map<string, string>();
    for (const question of version.questionnaire.questions) {
      const answer = response.answers[question.id];
      if (answer === undefined) continue;
      for (const column of columnsOf(question))
        cells.set(keyOf(question.id, column.part), column.value(answer));
    }
    const fixed = [
      response.roundId,
      response.versionHash,
      response.channel,
      response.startedAt,
      response.submittedAt ?? "",
    ];
    lines.push(toCsvLine([...fixed, ...columns.map((c) => cells.get(c.key) ?? "")], ";"));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

interface HeaderColumn {
  readonly key: string;
  readonly header: string;
}

/** Columns grouped by question (first seen in version order); a question's parts in version order. */
function unionOfColumns(versions: readonly QuestionnaireVersion[]): HeaderColumn[] {
  const byQuestion = new Map<string, Map<string, ExportColumn>>();
  for (const version of versions) {
    for (const question of version.questionnaire.questions) {
      let parts = byQuestion.get(question.id);
      if (parts === undefined) {
        parts = new Map();
        byQuestion.set(question.id, parts);
      }
      for (const column of columnsOf(question))
        if (!parts.has(column.part)) parts.set(column.part, column);
    }
  }
  const usedIds = new Set<string>();
  const out: HeaderColumn[] = [];
  for (const [questionId, parts] of byQuestion) {
    for (const column of parts.values()) {
      // Question ids may contain dots, so "a.b" + option "c" could meet a question "a.b.c".
      let id = column.id;
      for (let n = 2; usedIds.has(id); n++) id = `${column.id}~${n}`;
      usedIds.add(id);
      out.push({ key: keyOf(questionId, column.part), header: `${id}: ${column.label}` });
    }
  }
  return out;
}

function keyOf(questionId: string, part: string): string {
  return JSON.stringify([questionId, part]);
}

function columnsOf(question: Question): ExportColumn[] {
  return questionTypeOf(question.type).exportColumns(question);
}

function compareResponses(a: Response, b: Response): number {
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
