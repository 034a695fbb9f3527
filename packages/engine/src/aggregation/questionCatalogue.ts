import type { Question } from "../questionnaire/model.js";
import type { QuestionnaireVersion } from "../versions/questionnaireVersion.js";

/**
 * Every question asked by any of the versions, newest version's order first and questions only
 * older versions asked after them. Each definition is the newest one, its options (matrix rows
 * and columns) the union over all versions: an option dropped later still has its older answers.
 */
export function questionCatalogue(
  versionsOldestFirst: readonly QuestionnaireVersion[],
): Map<string, Question> {
  const catalogue = new Map<string, Question>();
  for (let v = versionsOldestFirst.length - 1; v >= 0; v--) {
    for (const question of (versionsOldestFirst[v] as QuestionnaireVersion).questionnaire
      .questions) {
      const known = catalogue.get(question.id);
      catalogue.set(
        question.id,
        known === undefined ? question : withOlderOptions(known, question),
      );
    }
  }
  return catalogue;
}

function withOlderOptions(newer: Question, older: Question): Question {
  if (newer.type !== older.type) return newer;
  if (newer.type === "matrix" && older.type === "matrix") {
    return {
      ...newer,
      rows: union(newer.rows, older.rows),
      columns: union(newer.columns, older.columns),
    };
  }
  if ("options" in newer && "options" in older) {
    return {
      ...newer,
      options: union(newer.options, older.options as typeof newer.options),
    } as Question;
  }
  return newer;
}

function union<T extends { readonly code: string }>(newer: readonly T[], older: readonly T[]): T[] {
  const codes = new Set(newer.map((o) => o.code));
  return [...newer, ...older.filter((o) => !codes.has(o.code))];
}

/** Option (or column) codes and matrix row codes a question has in one version. */
export function codesOf(question: Question): { options: string[]; rows: string[] } {
  if (question.type === "matrix")
    return { options: question.columns.map((c) => c.code), rows: question.rows.map((r) => r.code) };
  if ("options" in question) return { options: question.options.map((o) => o.code), rows: [] };
  return { options: [], rows: [] };
}
