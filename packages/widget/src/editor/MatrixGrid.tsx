import type { Question } from "@klynge/engine";
import { Localized } from "../Localized.js";
import { localize } from "../localize.js";
import type { Locale } from "../messages.js";
import type { EditorMessages } from "./editorMessages.js";

export interface MatrixGridProps {
  readonly question: Extract<Question, { readonly type: "matrix" }>;
  readonly locale: Locale;
  readonly m: EditorMessages;
}

/** A matrix as the respondent meets it: its rows down, its scale across. */
export function MatrixGrid({ question, locale, m }: MatrixGridProps) {
  return (
    <div className="klynge-editor__grid-scroll">
      <table
        className="klynge-editor__grid"
        aria-label={m.matrix.gridCaption(localize(question.text, locale).text)}
      >
        <thead>
          <tr>
            <th scope="col">{m.matrix.rowHeader}</th>
            {question.columns.map((column) => (
              <th key={column.code} scope="col">
                <Localized text={column.label} locale={locale} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {question.rows.map((row) => (
            <tr key={row.code}>
              <th scope="row">
                <Localized text={row.label} locale={locale} />
              </th>
              {question.columns.map((column) => (
                <td key={column.code} aria-hidden="true">
                  ○
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
