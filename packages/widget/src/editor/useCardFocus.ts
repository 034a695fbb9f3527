import { type RefObject, useEffect, useRef } from "react";
import type { EditorItem } from "./canonicalEdits.js";
import type { EditorAction } from "./editorState.js";

type FocusTarget =
  | { readonly index: number; readonly target: string }
  | { readonly id: string; readonly target: string };

export interface CardFocus {
  /** The editor's root element, where the cards and the add form are looked up. */
  readonly root: RefObject<HTMLElement | null>;
  /**
   * Call before dispatching `action`: says where focus goes once the list has changed; `target`
   * (a `data-focus` name) overrides where a moved card takes it.
   */
  readonly focusAfter: (action: EditorAction, target?: string) => void;
}

/**
 * Moves keyboard focus after list changes, so it is never lost on a card that went away: a new
 * card's Danish text, the card that took a removed one's place, a restored card's heading, and a
 * moved card's "Flyt til plads" (or its drag handle after a drag). Elements are found by their
 * `data-index` (card) and `data-focus` (element) attributes.
 */
export function useCardFocus(items: readonly EditorItem[]): CardFocus {
  const root = useRef<HTMLElement>(null);
  const pending = useRef<FocusTarget | undefined>(undefined);

  useEffect(() => {
    const wanted = pending.current;
    pending.current = undefined;
    if (wanted === undefined || root.current === null) return;
    if (items.length === 0) {
      root.current.querySelector<HTMLElement>("[data-focus='add-type']")?.focus();
      return;
    }
    const index =
      "id" in wanted
        ? items.findIndex((item) => item.question.id === wanted.id)
        : Math.min(wanted.index, items.length - 1);
    const card = root.current.querySelector(`[data-index='${index}']`);
    for (const target of [wanted.target, "heading"]) {
      const element = card?.querySelector<HTMLElement>(`[data-focus='${target}']`);
      if (element && !(element as HTMLButtonElement).disabled) {
        element.focus();
        return;
      }
    }
  }, [items]);

  const focusAfter = (action: EditorAction, target?: string) => {
    const index =
      "questionId" in action ? items.findIndex((i) => i.question.id === action.questionId) : -1;
    switch (action.type) {
      case "add":
        pending.current = { index: action.at ?? items.length, target: "text.da" };
        break;
      case "remove":
        pending.current = { index, target: "heading" };
        break;
      case "restore":
        pending.current = { id: action.questionId, target: "heading" };
        break;
      case "move":
        pending.current = { index: action.to, target: target ?? "moveTo" };
        break;
      default:
        pending.current = undefined;
    }
  };

  return { root, focusAfter };
}
