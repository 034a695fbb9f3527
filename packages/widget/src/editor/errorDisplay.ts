import { type FocusEvent, type RefObject, useEffect, useRef, useState } from "react";
import type { FieldKey } from "./placeIssues.js";

/** How the editor shows errors to the cards in it. */
export interface ErrorDisplay {
  /** True after a refused "Udgiv": every error shows, touched or not. */
  readonly showAll: boolean;
  /** The DOM id of the control of a question's field, for the summary's links. */
  readonly fieldId: (questionId: string, field: FieldKey) => string;
}

const none: readonly string[] = [];

/** What a card needs to show its errors: only at fields touched (changed or left), or all after "Udgiv". */
export interface CardErrors {
  readonly errorsAt: (field: FieldKey) => readonly string[];
  /** Marks a field touched; a change does it, as does leaving a control marked `data-field`. */
  readonly touch: (field: FieldKey) => void;
  readonly onBlur: (event: FocusEvent<HTMLElement>) => void;
  readonly fieldId: (field: FieldKey) => string;
}

/**
 * A new blank question does not shout three errors at once: an error shows once its field was
 * touched, the card's own errors once any of its fields was, and every error after a refused "Udgiv".
 */
export function useCardErrors(
  questionId: string,
  errors: ReadonlyMap<FieldKey, readonly string[]> | undefined,
  { showAll, fieldId }: ErrorDisplay,
): CardErrors {
  const [touched, setTouched] = useState<ReadonlySet<FieldKey>>(() => new Set());
  const touch = (field: FieldKey) =>
    setTouched((before) => (before.has(field) ? before : new Set(before).add(field)));
  const shown = (field: FieldKey) =>
    showAll || touched.has(field) || (field === "question" && touched.size > 0);
  return {
    errorsAt: (field) => (shown(field) ? (errors?.get(field) ?? none) : none),
    touch,
    onBlur: (event) => {
      const field = (event.target as HTMLElement).dataset.field;
      if (field !== undefined) touch(field);
    },
    fieldId: (field) => fieldId(questionId, field),
  };
}

/** The editor's side of showing errors: the label touched, all shown after "Udgiv", the summary's focus. */
export interface ErrorReveal {
  readonly showAll: boolean;
  readonly labelTouched: boolean;
  readonly touchLabel: () => void;
  /** Shows every error and moves the focus to the summary (a refused "Udgiv"). */
  readonly reveal: () => void;
  readonly summaryRef: RefObject<HTMLDivElement | null>;
}

export function useErrorReveal(): ErrorReveal {
  const [showAll, setShowAll] = useState(false);
  const [labelTouched, setLabelTouched] = useState(false);
  const [reveals, setReveals] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  // The summary may only appear with this render: focus it once it is there.
  useEffect(() => {
    if (reveals > 0) summaryRef.current?.focus();
  }, [reveals]);
  return {
    showAll,
    labelTouched,
    touchLabel: () => setLabelTouched(true),
    reveal: () => {
      setShowAll(true);
      setReveals((n) => n + 1);
    },
    summaryRef,
  };
}
