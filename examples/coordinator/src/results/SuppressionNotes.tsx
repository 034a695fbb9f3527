import type { Report } from "@klynge/engine";
import { localize } from "@klynge/engine";
import { noteGroups } from "@klynge/widget/report";
import { type ReactElement, useId } from "react";
import type { CoordinatorMessages, Locale } from "../messages.js";

export interface SuppressionNotesProps {
  readonly report: Report;
  readonly locale: Locale;
  readonly text: CoordinatorMessages;
}

/** Why each withheld figure is withheld, by question, round and answer as the meeting knows them. */
export function SuppressionNotes(props: SuppressionNotesProps): ReactElement {
  const { report, locale, text } = props;
  const titleId = useId();
  const groups = noteGroups(report, locale, text);
  const lines = groups.reduce((n, group) => n + group.lines.length, 0);
  return (
    <section className="coordinator-notes" aria-labelledby={titleId}>
      <h2 id={titleId}>{text.notesTitle}</h2>
      {groups.length === 0 ? (
        <p>{text.notesNone}</p>
      ) : (
        // Collapsed: on a projector the list is long; the charts already say "skjult" where a
        // figure is withheld.
        <details>
          <summary>{text.notesSummary(lines)}</summary>
          <p>{text.notesIntro(report.k)}</p>
          {groups.map((group) => {
            const title = group.title === null ? null : localize(group.title, locale);
            return (
              <div key={group.key}>
                <h3 lang={title?.lang}>{title === null ? text.notesWholeRound : title.text}</h3>
                <ul>
                  {group.lines.map((line, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id and keep their order
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              </div>
            );
          })}
        </details>
      )}
    </section>
  );
}
