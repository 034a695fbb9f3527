import { type ReactElement, useEffect, useId, useRef } from "react";
import { type Locale, messages } from "../messages.js";

export interface EmptyConfirmProps {
  readonly locale: Locale;
  /** Back to the first question, nothing sent. */
  readonly onBack: () => void;
  readonly onSend: () => void;
}

/** Asked when "Færdig" would send a response that answers nothing; the way back comes first. */
export function EmptyConfirm(props: EmptyConfirmProps): ReactElement {
  const text = messages[props.locale].empty;
  const questionId = useId();
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The "Færdig" button pressed is gone; the keyboard lands on the safe choice.
    back.current?.focus();
  }, []);
  return (
    <section className="klynge-survey__confirm" role="alertdialog" aria-labelledby={questionId}>
      <p id={questionId}>{text.question}</p>
      <button ref={back} type="button" className="klynge-survey__button" onClick={props.onBack}>
        {text.back}
      </button>
      <button
        type="button"
        className="klynge-survey__button klynge-survey__button--quiet"
        onClick={props.onSend}
      >
        {text.send}
      </button>
    </section>
  );
}
