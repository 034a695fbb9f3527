import type { Locale, LocalizedText, Report, SuppressionNote } from "@klynge/engine";
import { localize } from "@klynge/engine";
import type { ReportMessages } from "./reportMessages.js";

/** The notes about one question (or, `title` null, about rounds as a whole), as lines to read. */
export interface NoteGroup {
  readonly key: string;
  readonly title: LocalizedText | null;
  readonly lines: readonly string[];
}

function optionLabel(report: Report, questionId: string, code: string): LocalizedText | undefined {
  const question = report.questions.find((q) => q.id === questionId);
  const fromUnion = question?.options?.find((o) => o.code === code)?.label;
  if (fromUnion !== undefined) return fromUnion;
  for (const result of question?.perRound ?? []) {
    const lists =
      result.type === "matrix"
        ? result.rows.map((r) => r.options)
        : "options" in result
          ? [result.options]
          : [];
    for (const list of lists) {
      const found = list.find((o) => o.code === code)?.label;
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function rowLabel(report: Report, questionId: string, code: string): LocalizedText | undefined {
  const question = report.questions.find((q) => q.id === questionId);
  for (const result of question?.perRound ?? []) {
    if (result.type !== "matrix") continue;
    const found = result.rows.find((r) => r.code === code)?.label;
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The engine's sentence without the place it starts with (the question and round, which the
 * group's heading and the line's round already say); `undefined` when it does not start so (a
 * kept report's older wording, say), and the line is then worded here from the reason alone.
 */
function reasonPart(
  note: SuppressionNote,
  place: { question: string; row?: string; round: string },
  locale: Locale,
  words: ReportMessages["notesPlace"],
): string | undefined {
  const where = [`»${place.question}«`];
  if (place.row !== undefined) where.push(`${words.row} »${place.row}«`);
  const prefix = `${where.join(", ")} (${words.round} »${place.round}«): `;
  const message = note.message[locale];
  return message.startsWith(prefix) ? message.slice(prefix.length) : undefined;
}

/**
 * The report's notes on withheld figures, grouped by question in the report's order and worded by
 * round label, question text and option label: never an id or a code. The withheld counts of one
 * round (and matrix row) make one line; why counts are withheld is said once, above the groups.
 */
export function noteGroups(report: Report, locale: Locale, text: ReportMessages): NoteGroup[] {
  const roundLabel = (id: string) =>
    report.rounds.find((r) => r.id === id)?.label ?? text.notesSomeRound;
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  const order = new Map(report.questions.map((q, i) => [q.id, i]));
  const groups = new Map<string, { title: LocalizedText | null; lines: string[] }>();
  const counts = new Map<
    string,
    { line: number; round: string; row?: string; options: string[] }
  >();

  for (const note of report.suppressed) {
    const question =
      note.questionId === undefined
        ? undefined
        : report.questions.find((q) => q.id === note.questionId);
    const key = question?.id ?? "";
    let group = groups.get(key);
    if (group === undefined) {
      group = { title: question?.text ?? null, lines: [] };
      groups.set(key, group);
    }
    const round = roundLabel(note.roundId);
    const row =
      question === undefined || note.rowCode === undefined
        ? undefined
        : rowLabel(report, question.id, note.rowCode);
    const rowText = row === undefined ? undefined : localize(row, locale).text;

    if (question !== undefined && note.optionCode !== undefined) {
      const label = optionLabel(report, question.id, note.optionCode);
      const optionText = label === undefined ? text.notesSomeOption : localize(label, locale).text;
      const countKey = `${key}|${note.roundId}|${note.rowCode ?? ""}`;
      const merged = counts.get(countKey);
      if (merged === undefined) {
        counts.set(countKey, {
          line: group.lines.length,
          round,
          ...(rowText === undefined ? {} : { row: rowText }),
          options: [optionText],
        });
        group.lines.push("");
      } else merged.options.push(optionText);
      continue;
    }
    const place = {
      question: question === undefined ? "" : localize(question.text, locale).text,
      ...(rowText === undefined ? {} : { row: rowText }),
      round,
    };
    const reason =
      question === undefined ? undefined : reasonPart(note, place, locale, text.notesPlace);
    group.lines.push(
      reason === undefined
        ? text.notesOther(round, note.reason, report.k, question === undefined)
        : text.notesLine(round, reason),
    );
  }
  for (const [countKey, merged] of counts) {
    const group = groups.get(countKey.slice(0, countKey.indexOf("|")));
    if (group === undefined) continue;
    group.lines[merged.line] = text.notesCounts(
      merged.round,
      list.format(merged.options.map((o) => `»${o}«`)),
      merged.row,
    );
  }
  return [...groups]
    .sort(([a], [b]) => (order.get(a) ?? -1) - (order.get(b) ?? -1))
    .map(([key, group]) => ({ key: key === "" ? "(runde)" : key, ...group }));
}
