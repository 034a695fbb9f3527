import { groupIssues, type Issue, type LocalEdit, type Question } from "@klynge/engine";
import type { EditorItem } from "./canonicalEdits.js";

/**
 * Where a field of a local question is shown: `text.da`, `text.en`, `description.da`,
 * `description.en`, `options` (the list as a whole), `option.<i>.da` / `option.<i>.en` (the i-th
 * ordinary option, or a matrix's column), `rows` / `row.<i>.da` / `row.<i>.en` (a matrix's rows),
 * `other` / `none` / `dontKnow` (a standard option's checkbox), `showIf` (the condition), or
 * `question` (the card as a whole).
 */
export type FieldKey = string;

/** The engine's issues sorted to the place they concern. */
export interface PlacedIssues {
  readonly label: readonly Issue[];
  /** By question id, then by field. */
  readonly byQuestion: ReadonlyMap<string, ReadonlyMap<FieldKey, readonly Issue[]>>;
  /** Issues no field stands for: the summary at the top. */
  readonly unplaced: readonly Issue[];
}

/** Sorts `issues` from `applyEdits(base, edits, …)` by the question and field they are about. */
export function placeIssues(
  issues: readonly Issue[],
  edits: readonly LocalEdit[],
  items: readonly EditorItem[],
): PlacedIssues {
  const targetOf = ({ path: [head, index, ...rest] }: Issue): Target | undefined =>
    head === "edits" && typeof index === "number"
      ? fromEdit(edits[index], rest)
      : head === "questions" && typeof index === "number"
        ? fromItem(items[index], rest)
        : undefined;
  const byHead = groupIssues(issues, (issue) => (issue.path[0] === "label" ? "label" : undefined));
  const byId = groupIssues(byHead.rest, (issue) => targetOf(issue)?.id);
  const byQuestion = new Map(
    [...byId.groups].map(([id, group]) => [
      id,
      groupIssues(group, (issue) => targetOf(issue)?.field).groups,
    ]),
  );
  return { label: byHead.groups.get("label") ?? [], byQuestion, unplaced: byId.rest };
}

interface Target {
  readonly id: string;
  readonly field: FieldKey;
}

function fromEdit(
  edit: LocalEdit | undefined,
  rest: readonly (string | number)[],
): Target | undefined {
  if (edit === undefined) return undefined;
  if (edit.op !== "add") return { id: edit.questionId, field: "question" };
  if (rest[0] !== "question") return { id: edit.question.id, field: "question" };
  return { id: edit.question.id, field: fieldOf(edit.question, rest.slice(1)) };
}

function fromItem(
  item: EditorItem | undefined,
  rest: readonly (string | number)[],
): Target | undefined {
  if (item === undefined) return undefined;
  const field = item.origin === "local" ? fieldOf(item.question, rest) : "question";
  return { id: item.question.id, field };
}

function fieldOf(question: Question, path: readonly (string | number)[]): FieldKey {
  const [key, second, third, fourth] = path;
  if ((key === "text" || key === "description") && (second === "da" || second === "en"))
    return `${key}.${second}`;
  if (key === "description") return "description.da";
  if (key === "showIf") return "showIf";
  const language = third === "label" && fourth === "en" ? "en" : "da";
  if (key === "rows" && "rows" in question) {
    return typeof second === "number" && second < question.rows.length
      ? `row.${second}.${language}`
      : "rows";
  }
  // A matrix's columns are its scale: the same fields as a rating's options.
  const options =
    key === "options" && "options" in question
      ? question.options
      : key === "columns" && "columns" in question
        ? question.columns
        : undefined;
  if (options === undefined) return "question";
  if (typeof second !== "number") return "options";
  const option = options[second];
  if (option === undefined) return "options";
  if (option.kind !== undefined) return option.kind;
  // Standard options come after the ordinary ones, so the index is the ordinary option's own.
  return `option.${second}.${language}`;
}
