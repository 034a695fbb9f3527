import {
  type Condition,
  formatIssue,
  formatPath,
  type Issue,
  localize,
  type Question,
} from "@klynge/engine";
import { useId, useState } from "react";
import type { Locale } from "../messages.js";
import type { EditorMessages } from "./editorMessages.js";

export interface ConditionPickerProps {
  /** The condition now set, if any. */
  readonly condition: Condition | undefined;
  /** The whole current list, and the place of the question the condition is for. */
  readonly questions: readonly Question[];
  readonly index: number;
  /** The engine's issues about the condition. */
  readonly issues: readonly Issue[];
  readonly locale: Locale;
  readonly m: EditorMessages;
  /** `undefined` removes the condition. */
  readonly onChange: (condition: Condition | undefined) => void;
}

/** The types whose answers a condition can name, as the engine's `checkConditions` allows. */
const sourceTypes: ReadonlySet<Question["type"]> = new Set(["rating", "single", "multi"]);

/**
 * "Vis kun hvis … er besvaret med …": a question chosen among the earlier ones with answer options,
 * then its answers ticked. A condition is set only once an answer is ticked, so the question chosen
 * is kept here until then.
 */
export function ConditionPicker(props: ConditionPickerProps) {
  const { condition, questions, index, issues, locale, m, onChange } = props;
  const t = m.condition;
  const id = useId();
  const [pending, setPending] = useState<string | undefined>(undefined);
  const chosen = condition?.question ?? pending;
  const at = chosen === undefined ? -1 : questions.findIndex((q) => q.id === chosen);
  const source = at < 0 ? undefined : questions[at];
  const earlier = questions
    .slice(0, index)
    .map((question, i) => ({ question, n: i + 1 }))
    .filter(({ question }) => sourceTypes.has(question.type));
  const textOf = (question: Question) =>
    question.text.da.trim() === "" ? m.untitled : localize(question.text, locale).text;
  const sourceName = source === undefined ? "" : textOf(source);
  const listed = chosen === undefined || earlier.some(({ question }) => question.id === chosen);
  const options = source !== undefined && "options" in source ? source.options : [];
  const ticked = new Set(condition?.anyOf ?? []);
  const words = issues.map((issue) => wordsOf(issue, sourceName, m, locale));
  const invalid = words.length > 0;

  const choose = (questionId: string) => {
    setPending(questionId === "" ? undefined : questionId);
    if (condition !== undefined) onChange(undefined);
  };
  const tick = (code: string, on: boolean) => {
    if (chosen === undefined) return;
    const anyOf = options.map((o) => o.code).filter((c) => (c === code ? on : ticked.has(c)));
    setPending(chosen);
    onChange(anyOf.length === 0 ? undefined : { question: chosen, anyOf });
  };

  if (earlier.length === 0 && chosen === undefined) {
    return <p className="klynge-editor__hint">{t.noSource}</p>;
  }
  return (
    <fieldset
      className={`klynge-editor__condition${invalid ? " klynge-editor__field--invalid" : ""}`}
      aria-describedby={invalid ? `${id}-issues` : undefined}
    >
      <legend>{t.legend}</legend>
      <div className="klynge-editor__field">
        <label htmlFor={`${id}-question`}>{t.question}</label>
        <select
          id={`${id}-question`}
          value={chosen ?? ""}
          aria-invalid={invalid || undefined}
          onChange={(e) => choose(e.target.value)}
        >
          <option value="">{t.always}</option>
          {earlier.map(({ question, n }) => (
            <option key={question.id} value={question.id}>
              {t.source(n, textOf(question))}
            </option>
          ))}
          {!listed && chosen !== undefined && (
            <option value={chosen}>
              {source === undefined ? t.gone : `${sourceName} ${t.notBefore}`}
            </option>
          )}
        </select>
      </div>
      {chosen !== undefined && options.length > 0 && (
        <fieldset className="klynge-editor__condition-answers">
          <legend>{t.answers(sourceName)}</legend>
          {options.map((option) => {
            const label = localize(option.label, locale);
            return (
              <div key={option.code} className="klynge-editor__check">
                <input
                  id={`${id}-${option.code}`}
                  type="checkbox"
                  checked={ticked.has(option.code)}
                  onChange={(e) => tick(option.code, e.target.checked)}
                />
                <label htmlFor={`${id}-${option.code}`} lang={label.lang}>
                  {label.text}
                </label>
              </div>
            );
          })}
          {condition === undefined && <p className="klynge-editor__hint">{t.pickAnswer}</p>}
        </fieldset>
      )}
      {invalid && (
        <ul id={`${id}-issues`} className="klynge-editor__issues">
          {issues.map((issue, i) => (
            <li key={`${formatPath(issue.path)} ${issue.code}`}>{words[i]}</li>
          ))}
        </ul>
      )}
      {chosen !== undefined && (
        <button
          type="button"
          onClick={() => {
            setPending(undefined);
            onChange(undefined);
          }}
        >
          {t.remove}
        </button>
      )}
    </fieldset>
  );
}

/** A condition's issue in the editor's words, naming the question by its text, never its id. */
function wordsOf(issue: Issue, source: string, m: EditorMessages, locale: Locale): string {
  const t = m.condition;
  switch (issue.code) {
    case "condition_not_earlier":
      return t.notEarlier(source);
    case "condition_unknown_question":
      return t.unknownQuestion;
    case "condition_source_type":
      return t.sourceType(source);
    case "condition_unknown_option":
      return t.unknownOption(source);
    case "too_small":
      return t.noAnswer;
    default:
      return formatIssue(issue, locale);
  }
}
