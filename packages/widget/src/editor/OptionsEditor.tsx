import type { Issue } from "@klynge/engine";
import { useId } from "react";
import type { Locale } from "../messages.js";
import { EditorField, IssueList } from "./EditorField.js";
import type { EditorMessages } from "./editorMessages.js";
import type { LocalQuestionFields, LocalText } from "./localQuestion.js";
import { standardKindsOf } from "./localQuestion.js";
import type { FieldKey } from "./placeIssues.js";

export interface OptionsEditorProps {
  readonly fields: LocalQuestionFields;
  readonly issuesAt: (field: FieldKey) => readonly Issue[];
  readonly locale: Locale;
  readonly m: EditorMessages;
  /** `field` names what changed, so keystrokes in one field are undone together. */
  readonly onChange: (patch: Partial<LocalQuestionFields>, field?: string) => void;
}

/** The options of a local rating, single or multi question, and its standard-option checkboxes. */
export function OptionsEditor({ fields, issuesAt, locale, m, onChange }: OptionsEditorProps) {
  const hintId = useId();
  const options = fields.options ?? [];
  const listIssues = issuesAt("options");
  const setOptions = (next: readonly LocalText[], field?: string) =>
    onChange({ options: next }, field);
  const move = (from: number, to: number) => {
    const next = [...options];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved as LocalText);
    setOptions(next);
  };
  const scale = fields.type === "rating" || fields.type === "matrix";
  return (
    <>
      <fieldset
        className="klynge-editor__option-list"
        aria-describedby={scale ? hintId : undefined}
        aria-invalid={listIssues.length > 0 || undefined}
      >
        <legend>{scale ? m.scaleLegend : m.optionsLegend}</legend>
        {scale && (
          <p id={hintId} className="klynge-editor__hint">
            {m.scaleHint}
          </p>
        )}
        <IssueList issues={listIssues} locale={locale} />
        <ol className="klynge-editor__option-rows">
          {options.map((option, i) => (
            // Options have no identity but their place; the inputs are controlled, so reuse is safe.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={i} className="klynge-editor__option-row">
              <EditorField
                label={m.optionDa(i + 1)}
                value={option.da}
                lang="da"
                locale={locale}
                issues={issuesAt(`option.${i}.da`)}
                onChange={(da) =>
                  setOptions(
                    options.map((o, j) => (j === i ? { ...o, da } : o)),
                    `option.${i}.da`,
                  )
                }
              />
              <EditorField
                label={m.optionEn(i + 1)}
                value={option.en ?? ""}
                lang="en"
                locale={locale}
                issues={issuesAt(`option.${i}.en`)}
                onChange={(en) =>
                  setOptions(
                    options.map((o, j) => (j === i ? { ...o, en } : o)),
                    `option.${i}.en`,
                  )
                }
              />
              <div className="klynge-editor__actions">
                <button type="button" disabled={i === 0} onClick={() => move(i, i - 1)}>
                  {m.moveOptionUp(i + 1)}
                </button>
                <button
                  type="button"
                  disabled={i === options.length - 1}
                  onClick={() => move(i, i + 1)}
                >
                  {m.moveOptionDown(i + 1)}
                </button>
                <button type="button" onClick={() => setOptions(options.filter((_, j) => j !== i))}>
                  {m.removeOption(i + 1)}
                </button>
              </div>
            </li>
          ))}
        </ol>
        <button type="button" onClick={() => setOptions([...options, { da: "" }])}>
          {m.addOption}
        </button>
      </fieldset>
      <fieldset className="klynge-editor__standard">
        <legend>{m.standardLegend}</legend>
        {standardKindsOf(fields.type).map((kind) => (
          <StandardCheckbox
            key={kind}
            label={m.standard[kind]}
            checked={fields[kind] === true}
            issues={issuesAt(kind)}
            locale={locale}
            onChange={(checked) => onChange({ [kind]: checked })}
          />
        ))}
      </fieldset>
    </>
  );
}

interface StandardCheckboxProps {
  readonly label: string;
  readonly checked: boolean;
  readonly issues: readonly Issue[];
  readonly locale: Locale;
  readonly onChange: (checked: boolean) => void;
}

function StandardCheckbox({ label, checked, issues, locale, onChange }: StandardCheckboxProps) {
  const id = useId();
  const invalid = issues.length > 0;
  return (
    <div className="klynge-editor__check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-issues` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <IssueList id={`${id}-issues`} issues={issues} locale={locale} />
    </div>
  );
}
