import type { Question } from "@klynge/engine";
import type { EditorItem } from "./canonicalEdits.js";

/**
 * The items with every condition on `before` moved to `after`: a local question's id and option
 * codes follow its Danish texts, so retyping the question a condition names would otherwise leave
 * the condition pointing at nothing. Option codes follow by place while the number of options
 * stays; otherwise a code is kept as it is (the engine then names one that is gone).
 */
export function followSource(
  items: readonly EditorItem[],
  before: Question,
  after: Question,
): EditorItem[] {
  const codes = codeMap(before, after);
  return items.map((item) => {
    const condition = item.question.showIf;
    if (item.origin !== "local" || condition?.question !== before.id) return item;
    const anyOf = condition.anyOf.map((code) => codes.get(code) ?? code);
    return {
      ...item,
      question: { ...item.question, showIf: { question: after.id, anyOf } },
    };
  });
}

function codeMap(before: Question, after: Question): ReadonlyMap<string, string> {
  const ordinary = (q: Question) =>
    "options" in q ? q.options.filter((o) => o.kind === undefined).map((o) => o.code) : [];
  const from = ordinary(before);
  const to = ordinary(after);
  if (from.length !== to.length) return new Map();
  return new Map(from.map((code, i) => [code, to[i] as string]));
}
