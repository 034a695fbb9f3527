import { type ReactNode, useId } from "react";
import type { Locale } from "../messages.js";

export interface IssueListProps {
  readonly id?: string;
  /** The errors at one place, in words (`describeIssue`). */
  readonly issues: readonly string[];
  /** The language of the words. */
  readonly locale: Locale;
}

/** The errors at one place. */
export function IssueList({ id, issues, locale }: IssueListProps) {
  if (issues.length === 0) return null;
  return (
    <ul id={id} className="klynge-editor__issues" lang={locale}>
      {issues.map((issue) => (
        <li key={issue}>{issue}</li>
      ))}
    </ul>
  );
}

export interface EditorFieldProps {
  readonly label: ReactNode;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** The errors shown at the field, in words. */
  readonly issues?: readonly string[];
  readonly locale: Locale;
  readonly hint?: string;
  /** Language of what is typed, for spelling and screen readers. */
  readonly lang?: Locale;
  readonly multiline?: boolean;
  /** Marks the input for the editor's focus moves. */
  readonly focusKey?: string;
  /** The input's id, for links to it (the error summary). Default a generated one. */
  readonly id?: string;
  /** The field the input edits (`data-field`), so leaving it marks it touched. */
  readonly field?: string;
  readonly onBlur?: () => void;
}

/** A labelled text input whose issues are tied to it with `aria-describedby` and `aria-invalid`. */
export function EditorField(props: EditorFieldProps) {
  const { label, value, onChange, issues = [], locale, hint, lang, multiline = false } = props;
  const generated = useId();
  const id = props.id ?? generated;
  const invalid = issues.length > 0;
  const describedBy = [hint === undefined ? "" : `${id}-hint`, invalid ? `${id}-issues` : ""]
    .filter((part) => part !== "")
    .join(" ");
  const common = {
    id,
    value,
    lang,
    "aria-invalid": invalid || undefined,
    "aria-describedby": describedBy === "" ? undefined : describedBy,
    "data-focus": props.focusKey,
    "data-field": props.field,
    onBlur: props.onBlur,
  };
  return (
    <div className={`klynge-editor__field${invalid ? " klynge-editor__field--invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <p id={`${id}-hint`} className="klynge-editor__hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={2} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />
      )}
      <IssueList id={`${id}-issues`} issues={issues} locale={locale} />
    </div>
  );
}
