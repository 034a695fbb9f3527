import { toCsvLine } from "../internal/csv.js";
import type { Response } from "../responses/response.js";
import type { QuestionnaireVersion } from "../versions/questionnaireVersion.js";
import { cellsOf, compareResponses, unionOfColumns, versionOfResponse } from "./responseColumns.js";

export interface ExportResponsesCsvInput {
  /** Every version the responses refer to; their order sets the column order. */
  readonly versions: readonly QuestionnaireVersion[];
  readonly responses: readonly Response[];
}

/** The fixed columns, before the questions'. */
const fixedHeader = ["Runde", "Version", "Kanal", "Startet", "Indsendt"];

/**
 * One row per response, for programs (codes, ids; `tabulateResponses` is the same in words for
 * people): UTF-8 with BOM, `;`, CRLF, formula-like cells guarded. After
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
  const header = columns.map((c) => `${c.id}: ${c.column.label}`);
  const lines = [toCsvLine([...fixedHeader, ...header], ";")];

  for (const response of [...input.responses].sort(compareResponses)) {
    const version = versionOfResponse(versions, response, "exportResponsesCsv");
    const cells = cellsOf(version, response, (column, answer) => column.value(answer));
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
