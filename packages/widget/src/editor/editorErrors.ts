import type { Issue } from "@klynge/engine";
import type { Locale } from "../messages.js";
import type { EditorItem } from "./canonicalEdits.js";
import { describeIssue } from "./describeIssue.js";
import type { EditorMessages } from "./editorMessages.js";
import type { FieldKey, PlacedIssues } from "./placeIssues.js";

/** What an error in the summary links to. */
export type ErrorTarget =
  | { readonly kind: "label" }
  | { readonly kind: "field"; readonly questionId: string; readonly field: FieldKey }
  | { readonly kind: "add" };

export interface SummaryEntry {
  readonly text: string;
  readonly target: ErrorTarget;
}

/** The editor's errors in words: at each field, and all of them in page order for the summary. */
export interface EditorErrors {
  readonly label: readonly string[];
  /** By question id, then by field. */
  readonly byQuestion: ReadonlyMap<string, ReadonlyMap<FieldKey, readonly string[]>>;
  readonly all: readonly SummaryEntry[];
  /** The errors no field shows: in the summary even before "Udgiv". */
  readonly unplaced: readonly SummaryEntry[];
}

/** The place of a field on a card, top to bottom, so the summary reads in the page's order. */
function fieldRank(field: FieldKey): number {
  const fixed = ["question", "text.da", "text.en", "description.da", "description.en", "options"];
  const at = fixed.indexOf(field);
  if (at >= 0) return at;
  const option = /^option\.(\d+)\.(da|en)$/.exec(field);
  if (option !== null) return 10 + Number(option[1]) * 2 + (option[2] === "en" ? 1 : 0);
  return 1000 + ["other", "none", "dontKnow", "showIf"].indexOf(field);
}

export function editorErrors(
  placed: PlacedIssues,
  items: readonly EditorItem[],
  m: EditorMessages,
  locale: Locale,
): EditorErrors {
  const e = m.errors;
  const label = placed.label.map((issue) => describeIssue(issue, { kind: "label" }, e, locale));
  const all: SummaryEntry[] = label.map((text) => ({ text, target: { kind: "label" } }));
  const byQuestion = new Map<string, Map<FieldKey, string[]>>();
  items.forEach(({ question }, index) => {
    const fields = placed.byQuestion.get(question.id);
    if (fields === undefined) return;
    const texts = new Map<FieldKey, string[]>();
    const ordered = [...fields].sort(([a], [b]) => fieldRank(a) - fieldRank(b));
    for (const [field, issues] of ordered) {
      const words = unique(
        issues.map((issue: Issue) =>
          describeIssue(issue, { kind: "question", question, field }, e, locale),
        ),
      );
      texts.set(field, words);
      for (const text of words) {
        all.push({
          text: e.inQuestion(index + 1, text),
          target: { kind: "field", questionId: question.id, field },
        });
      }
    }
    byQuestion.set(question.id, texts);
  });
  const unplaced = unique(
    placed.unplaced.map((issue) => describeIssue(issue, { kind: "questionnaire" }, e, locale)),
  ).map((text): SummaryEntry => ({ text, target: { kind: "add" } }));
  return { label, byQuestion, all: [...all, ...unplaced], unplaced };
}

/** Two issues may say the same in words (a duplicate label is also a duplicate code). */
function unique(texts: readonly string[]): string[] {
  return [...new Set(texts)];
}
