import type { ApiIssue } from "../api/apiResult.js";
import type { Locale } from "../messages.js";
import type { PlanMessages } from "./planMessages.js";

/** The field an issue of `PUT …/plan` is about: `items.1.minutes`, `items.3.talks.0.title`, `items.2.questions`. */
export function planFieldKey(path: readonly (string | number)[]): string | undefined {
  const [root, items, index, field, ...rest] = path;
  if (root !== "plan" || items !== "items" || typeof index !== "number" || field === undefined) {
    return undefined;
  }
  if (field === "questions" || field === "reflections") return `items.${index}.${field}`;
  if (field === "talks") {
    const [talk, part] = rest;
    return typeof talk === "number" && part !== undefined
      ? `items.${index}.talks.${talk}.${part}`
      : `items.${index}.talks`;
  }
  // A text's own path ends in "da": the field is the text.
  return `items.${index}.${field}`;
}

/** The sentence for an issue, in a coordinator's words: the engine's, except where it names ids. */
export function planIssueText(issue: ApiIssue, locale: Locale, text: PlanMessages): string {
  if (issue.code === "plan_unknown_question") return text.unknownQuestion;
  if (issue.code === "question_in_two_blocks") return text.questionTwice;
  // An emptied minutes field travels as null: say what to write, not which type was expected.
  if (issue.code === "invalid_type" && issue.path.at(-1) === "minutes") return text.minutesMissing;
  return issue.message[locale];
}

/** The refusal's issues by field key; those no field shows, apart. */
export function planIssuesByField(
  issues: readonly ApiIssue[],
  locale: Locale,
  text: PlanMessages,
): { readonly byField: ReadonlyMap<string, readonly string[]>; readonly elsewhere: string[] } {
  const byField = new Map<string, string[]>();
  const elsewhere: string[] = [];
  for (const issue of issues) {
    const key = planFieldKey(issue.path);
    const sentence = planIssueText(issue, locale, text);
    if (key === undefined) elsewhere.push(sentence);
    else byField.set(key, [...(byField.get(key) ?? []), sentence]);
  }
  return { byField, elsewhere };
}
