import { useId, useState } from "react";
import type { EditorMessages } from "./editorMessages.js";

export interface MoveToProps {
  /** The question's text, so the controls' names say which question they move. */
  readonly name: string;
  readonly index: number;
  readonly count: number;
  readonly m: EditorMessages;
  readonly onMove: (to: number) => void;
}

/**
 * "Flyt til plads" and "Flyt": a question goes to any place in a few key presses (Tab, the place's
 * number, Tab, Enter) instead of one "Flyt op" per place. Choosing a place moves nothing by itself
 * (no surprise on arrow keys); the button does, and is enabled only when another place is chosen.
 */
export function MoveTo({ name, index, count, m, onMove }: MoveToProps) {
  const id = useId();
  const [chosen, setChosen] = useState<{ readonly from: number; readonly to: number }>({
    from: index,
    to: index,
  });
  // A choice made at an earlier place of the card is stale once the card moved.
  const to = chosen.from === index ? chosen.to : index;
  return (
    <div className="klynge-editor__move-to">
      <label htmlFor={id}>{m.moveTo}</label>
      <select
        id={id}
        data-focus="moveTo"
        aria-label={`${m.moveTo}: ${name}`}
        value={to}
        onChange={(e) => setChosen({ from: index, to: Number(e.target.value) })}
      >
        {Array.from({ length: count }, (_, place) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the places are the list's indices
          <option key={place} value={place}>
            {m.position(place + 1, count)}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={to === index}
        aria-label={`${m.moveToButton}: ${name}`}
        onClick={() => onMove(to)}
      >
        {m.moveToButton}
      </button>
    </div>
  );
}
