import type { EditorMessages } from "./editorMessages.js";
import type { EditorAction } from "./editorState.js";
import { MoveTo } from "./MoveTo.js";

export interface CardActionsProps {
  readonly questionId: string;
  /** The question's text, so each button's name says which question it acts on. */
  readonly name: string;
  readonly index: number;
  readonly count: number;
  readonly removeLabel: string;
  /** "Kopiér" is offered where given: local questions only (a bank question is asked once, verbatim). */
  readonly onDuplicate?: () => void;
  readonly m: EditorMessages;
  readonly onAction: (action: EditorAction) => void;
}

/** "Flyt til plads", "Kopiér" and "Fjern"/"Slet" for one question; keyboard and screen-reader friendly. */
export function CardActions({
  questionId,
  name,
  index,
  count,
  removeLabel,
  onDuplicate,
  m,
  onAction,
}: CardActionsProps) {
  // The name starts with the visible word, so voice control users can say what they see.
  const named = (verb: string) => `${verb}: ${name}`;
  return (
    <div className="klynge-editor__actions">
      <MoveTo
        name={name}
        index={index}
        count={count}
        m={m}
        onMove={(to) => onAction({ type: "move", questionId, to })}
      />
      {onDuplicate !== undefined && (
        <button type="button" onClick={onDuplicate} aria-label={named(m.duplicate)}>
          {m.duplicate}
        </button>
      )}
      <button
        type="button"
        className="klynge-editor__remove"
        onClick={() => onAction({ type: "remove", questionId })}
        aria-label={named(removeLabel)}
      >
        {removeLabel}
      </button>
    </div>
  );
}
