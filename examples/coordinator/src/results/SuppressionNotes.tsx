import type { SuppressionNote } from "@klynge/engine";
import { type ReactElement, useId } from "react";
import type { CoordinatorMessages, Locale } from "../messages.js";

export interface SuppressionNotesProps {
  readonly notes: readonly SuppressionNote[];
  readonly locale: Locale;
  readonly text: CoordinatorMessages;
}

/** The engine's own sentences for every withheld figure, in the order it gives them. */
export function SuppressionNotes(props: SuppressionNotesProps): ReactElement {
  const { notes, locale, text } = props;
  const titleId = useId();
  return (
    <section className="coordinator-notes" aria-labelledby={titleId}>
      <h2 id={titleId}>{text.notesTitle}</h2>
      {notes.length === 0 ? (
        <p>{text.notesNone}</p>
      ) : (
        // Collapsed: on a projector the list is long and technical; the charts already say
        // "skjult" where a figure is withheld.
        <details>
          <summary>{text.notesSummary(notes.length)}</summary>
          <ul>
            {notes.map((note, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: notes have no id and keep their order
              <li key={i}>{note.message[locale]}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
