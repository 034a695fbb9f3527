import type { Locale } from "../messages.js";
import { EditorField, IssueList } from "./EditorField.js";
import type { EditorMessages } from "./editorMessages.js";
import type { LocalText } from "./localQuestion.js";
import type { FieldKey } from "./placeIssues.js";

export interface RowsEditorProps {
  readonly rows: readonly LocalText[];
  readonly issuesAt: (field: FieldKey) => readonly string[];
  readonly locale: Locale;
  readonly m: EditorMessages;
  /** `field` names what changed, so keystrokes in one field are undone together. */
  readonly onChange: (rows: readonly LocalText[], field?: string) => void;
}

/** A local matrix's rows (e.g. patient groups), each rated on the question's scale. */
export function RowsEditor({ rows, issuesAt, locale, m, onChange }: RowsEditorProps) {
  const t = m.matrix;
  const listIssues = issuesAt("rows");
  const set = (i: number, patch: Partial<LocalText>, field: string) =>
    onChange(
      rows.map((r, j) => (j === i ? { ...r, ...patch } : r)),
      field,
    );
  return (
    <fieldset
      className="klynge-editor__option-list"
      aria-invalid={listIssues.length > 0 || undefined}
    >
      <legend>{t.rowsLegend}</legend>
      <IssueList issues={listIssues} locale={locale} />
      <ol className="klynge-editor__option-rows">
        {rows.map((row, i) => (
          // Rows have no identity but their place; the inputs are controlled, so reuse is safe.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={i} className="klynge-editor__option-row">
            <EditorField
              label={t.rowDa(i + 1)}
              value={row.da}
              lang="da"
              locale={locale}
              issues={issuesAt(`row.${i}.da`)}
              onChange={(da) => set(i, { da }, `row.${i}.da`)}
            />
            <EditorField
              label={t.rowEn(i + 1)}
              value={row.en ?? ""}
              lang="en"
              locale={locale}
              issues={issuesAt(`row.${i}.en`)}
              onChange={(en) => set(i, { en }, `row.${i}.en`)}
            />
            <div className="klynge-editor__actions">
              <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                {t.removeRow(i + 1)}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChange([...rows, { da: "" }])}>
        {t.addRow}
      </button>
    </fieldset>
  );
}
