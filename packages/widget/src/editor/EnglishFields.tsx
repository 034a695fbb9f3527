import { useState } from "react";
import { EditorField } from "./EditorField.js";
import type { OptionsEditorProps } from "./OptionsEditor.js";
import type { FieldKey } from "./placeIssues.js";

/** The same as the options' part of the card. */
export type EnglishFieldsProps = OptionsEditorProps;

/**
 * A local question's English texts (all optional), folded away under "Engelsk tekst" until asked
 * for; open from the start when some English is written.
 */
export function EnglishFields({
  fields,
  issuesAt,
  fieldId,
  locale,
  m,
  onChange,
}: EnglishFieldsProps) {
  const text = fields.text ?? { da: "" };
  const description = fields.description ?? { da: "" };
  const options = fields.options ?? [];
  // Open at first when some English is written; after that it stays as the person leaves it.
  const [written] = useState(() =>
    [text, description, ...options].some((t) => (t.en ?? "").trim() !== ""),
  );
  const field = (key: FieldKey) => ({ id: fieldId(key), field: key, issues: issuesAt(key) });
  return (
    <details className="klynge-editor__english" open={written}>
      <summary>{m.englishText}</summary>
      <EditorField
        label={m.textEn}
        value={text.en ?? ""}
        lang="en"
        locale={locale}
        {...field("text.en")}
        onChange={(en) => onChange({ text: { ...text, en } }, "text.en")}
      />
      <EditorField
        label={m.descriptionEn}
        value={description.en ?? ""}
        lang="en"
        locale={locale}
        multiline
        {...field("description.en")}
        onChange={(en) => onChange({ description: { ...description, en } }, "description.en")}
      />
      {fields.type !== "text" &&
        options.map((option, i) => (
          <EditorField
            // Options have no identity but their place; the inputs are controlled, so reuse is safe.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={i}
            label={m.optionEn(i + 1)}
            value={option.en ?? ""}
            lang="en"
            locale={locale}
            {...field(`option.${i}.en`)}
            onChange={(en) =>
              onChange(
                { options: options.map((o, j) => (j === i ? { ...o, en } : o)) },
                `option.${i}.en`,
              )
            }
          />
        ))}
    </details>
  );
}
