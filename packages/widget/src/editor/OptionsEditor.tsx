import { useId } from "react";
import type { Locale } from "../messages.js";
import { EditorField, IssueList } from "./EditorField.js";
import type { EditorMessages } from "./editorMessages.js";
import type { LocalQuestionFields, LocalText } from "./localQuestion.js";
import { standardKindsOf } from "./localQuestion.js";
import type { FieldKey } from "./placeIssues.js";

export interface OptionsEditorProps {
  readonly fields: LocalQuestionFields;
  readonly issuesAt: (field: FieldKey) => readonly string[];
  /** The DOM id of a field's control, for the error summary's links. */
  readonly fieldId: (field: FieldKey) => string;
  readonly locale: Locale;
  readonly m: EditorMessages;
  /** `field` names what changed, so keystrokes in one field are undone together. */
  readonly onChange: (patch: Partial<LocalQuestionFields>, field?: string) => void;
}

/** The options of a local rating, single or multi question, and its standard-option checkboxes. */
export function OptionsEditor(props: OptionsEditorProps) {
  const { fields, issuesAt, fieldId, locale, m, onChange } = props;
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
                id={fieldId(`option.${i}.da`)}
                field={`option.${i}.da`}
                // A scale point's value, as the average will count it: n … 1 from the top.
                {...(scale ? { hint: m.scalePointValue(options.length - i) } : {})}
                issues={issuesAt(`option.${i}.da`)}
                onChange={(da) =>
                  setOptions(
                    options.map((o, j) => (j === i ? { ...o, da } : o)),
                    `option.${i}.da`,
                  )
                }
              />
              <div className="klynge-editor__option-actions">
                <IconButton
                  label={m.moveOptionUp(i + 1)}
                  icon="↑"
                  disabled={i === 0}
                  onClick={() => move(i, i - 1)}
                />
                <IconButton
                  label={m.moveOptionDown(i + 1)}
                  icon="↓"
                  disabled={i === options.length - 1}
                  onClick={() => move(i, i + 1)}
                />
                <IconButton
                  label={m.removeOption(i + 1)}
                  icon="✕"
                  onClick={() => setOptions(options.filter((_, j) => j !== i))}
                />
              </div>
            </li>
          ))}
        </ol>
        <button
          type="button"
          id={fieldId("options")}
          onClick={() => setOptions([...options, { da: "" }])}
        >
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
            id={fieldId(kind)}
            field={kind}
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
  readonly issues: readonly string[];
  readonly id: string;
  readonly field: string;
  readonly locale: Locale;
  readonly onChange: (checked: boolean) => void;
}

function StandardCheckbox(props: StandardCheckboxProps) {
  const { label, checked, issues, id, field, locale, onChange } = props;
  const invalid = issues.length > 0;
  return (
    <div className="klynge-editor__check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        data-field={field}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-issues` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <IssueList id={`${id}-issues`} issues={issues} locale={locale} />
    </div>
  );
}

interface IconButtonProps {
  /** The button's name, also its tooltip. */
  readonly label: string;
  readonly icon: string;
  readonly disabled?: boolean;
  readonly onClick: () => void;
}

/** A small button showing a sign; its name is said by screen readers and shown on hover. */
function IconButton({ label, icon, disabled = false, onClick }: IconButtonProps) {
  return (
    <button
      type="button"
      className="klynge-editor__icon-button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      <span aria-hidden="true">{icon}</span>
    </button>
  );
}
