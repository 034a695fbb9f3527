import { useEffect, useId, useRef, useState } from "react";
import type { EditorMessages } from "./editorMessages.js";
import { type LocalQuestionType, localQuestionTypes } from "./localQuestion.js";

export interface InsertHereProps {
  /** Where the new question goes: an index in the current list (its number is `at + 1`). */
  readonly at: number;
  readonly m: EditorMessages;
  readonly onInsert: (type: LocalQuestionType, at: number) => void;
}

/** Common first: a list question is what clusters add most (see the bank's own questions). */
const typeOrder: readonly LocalQuestionType[] = [
  "single",
  ...localQuestionTypes.filter((type) => type !== "single"),
];

/**
 * "Tilføj spørgsmål her" at one place of the list: it opens a choice of type (focus on the first),
 * and choosing one adds the question there; Escape or "Annullér" closes it and gives focus back.
 */
export function InsertHere({ at, m, onInsert }: InsertHereProps) {
  const groupId = useId();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const closed = useRef(false);
  useEffect(() => {
    if (open) first.current?.focus();
    else if (closed.current) opener.current?.focus();
    closed.current = false;
  }, [open]);
  const close = () => {
    closed.current = true;
    setOpen(false);
  };
  return (
    <div className="klynge-editor__insert">
      <button
        ref={opener}
        type="button"
        className="klynge-editor__insert-button"
        aria-label={m.insertHereAt(at + 1)}
        aria-expanded={open}
        aria-controls={open ? groupId : undefined}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {m.insertHere}
      </button>
      {open && (
        <fieldset
          id={groupId}
          className="klynge-editor__insert-types"
          onKeyDown={(e) => {
            if (e.key === "Escape") close();
          }}
        >
          <legend>{m.insertTypeGroup(at + 1)}</legend>
          {typeOrder.map((type, i) => (
            <button
              key={type}
              ref={i === 0 ? first : undefined}
              type="button"
              onClick={() => {
                setOpen(false);
                onInsert(type, at);
              }}
            >
              {m.questionType[type]}
            </button>
          ))}
          <button type="button" onClick={close}>
            {m.cancel}
          </button>
        </fieldset>
      )}
    </div>
  );
}
