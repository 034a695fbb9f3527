import type { Question, Questionnaire, QuestionnaireDiff } from "@klynge/engine";
import { useId } from "react";
import { headingTag } from "../headingTag.js";
import { Localized } from "../Localized.js";
import type { Locale } from "../messages.js";
import type { EditorMessages } from "./editorMessages.js";

/** One comparison: what the edited version changes against a reference version. */
export interface DiffComparison {
  readonly title: string;
  readonly diff: QuestionnaireDiff;
  readonly reference: Questionnaire;
  readonly current: Questionnaire;
}

export interface DiffPanelProps {
  readonly comparisons: readonly DiffComparison[];
  readonly locale: Locale;
  readonly headingLevel: number;
  readonly m: EditorMessages;
}

/** The engine's diff, in words: added, removed, changed (and whether still comparable), moved. */
export function DiffPanel({ comparisons, locale, headingLevel, m }: DiffPanelProps) {
  const headingId = useId();
  const Heading = headingTag(headingLevel);
  const SubHeading = headingTag(headingLevel + 1);
  return (
    <section className="klynge-editor__diff" aria-labelledby={headingId}>
      <Heading id={headingId}>{m.diffHeading}</Heading>
      {comparisons.map(({ title, diff, reference, current }) => {
        const find = (q: Questionnaire, id: string) => q.questions.find((x) => x.id === id);
        const empty =
          diff.added.length + diff.removed.length + diff.changed.length + diff.moved.length === 0;
        return (
          <div key={title} className="klynge-editor__comparison">
            <SubHeading>{title}</SubHeading>
            {empty ? (
              <p>{m.noChanges}</p>
            ) : (
              <>
                <DiffList
                  title={m.added}
                  entries={diff.added.map((id) => ({ id, question: find(current, id) }))}
                  locale={locale}
                />
                <DiffList
                  title={m.removed}
                  entries={diff.removed.map((id) => ({ id, question: find(reference, id) }))}
                  locale={locale}
                />
                <DiffList
                  title={m.changed}
                  entries={diff.changed.map((change) => ({
                    id: change.id,
                    question: find(current, change.id),
                    note: [
                      change.fields.map((f) => m.fieldNames[f]).join(", "),
                      change.comparable ? "" : m.notComparable,
                    ]
                      .filter((part) => part !== "")
                      .join("; "),
                  }))}
                  locale={locale}
                />
                <DiffList
                  title={m.moved}
                  entries={diff.moved.map((move) => ({
                    id: move.id,
                    question: find(current, move.id),
                    note: `${move.from + 1} → ${move.to + 1}`,
                  }))}
                  locale={locale}
                />
              </>
            )}
          </div>
        );
      })}
    </section>
  );
}

interface DiffEntry {
  readonly id: string;
  readonly question: Question | undefined;
  readonly note?: string;
}

function DiffList(props: { title: string; entries: readonly DiffEntry[]; locale: Locale }) {
  const { title, entries, locale } = props;
  if (entries.length === 0) return null;
  return (
    <div className="klynge-editor__diff-group">
      <p className="klynge-editor__diff-title">
        {title} ({entries.length})
      </p>
      <ul aria-label={title}>
        {entries.map(({ id, question, note }) => (
          <li key={id}>
            {question === undefined ? id : <Localized text={question.text} locale={locale} />}
            {note !== undefined && <span className="klynge-editor__diff-note"> ({note})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
