import type { EditorMessages } from "./editorMessages.js";
import type { EditorAction } from "./editorState.js";

export interface CardActionsProps {
  readonly questionId: string;
  /** The question's text, so each button's name says which question it acts on. */
  readonly name: string;
  readonly index: number;
  readonly count: number;
  readonly removeLabel: string;
  readonly m: EditorMessages;
  readonly onAction: (action: EditorAction) => void;
}

/** "Flyt op", "Flyt ned" and "Fjern"/"Slet" for one question; keyboard and screen-reader friendly. */
export function CardActions({
  questionId,
  name,
  index,
  count,
  removeLabel,
  m,
  onAction,
}: CardActionsProps) {
  // The name starts with the visible word, so voice control users can say what they see.
  const named = (verb: string) => `${verb}: ${name}`;
  return (
    <div className="klynge-editor__actions">
      <button
        type="button"
        data-focus="moveUp"
        disabled={index === 0}
        onClick={() => onAction({ type: "move", questionId, to: index - 1 })}
        aria-label={named(m.moveUp)}
      >
        {m.moveUp}
      </button>
      <button
        type="button"
        data-focus="moveDown"
        disabled={index === count - 1}
        onClick={() => onAction({ type: "move", questionId, to: index + 1 })}
        aria-label={named(m.moveDown)}
      >
        {m.moveDown}
      </button>
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
