import { useEffect, useId, useRef, useState } from "react";
import type { EditorMessages } from "./editorMessages.js";

export interface DiscardDraftProps {
  /** Whether there is anything to discard: edits, a changed name or a stored draft. */
  readonly dirty: boolean;
  readonly m: EditorMessages;
  /** Puts the editor back on its base and deletes the stored draft. */
  readonly onDiscard: () => void;
}

type Step = "idle" | "asking" | "discarded";

/**
 * "Kassér kladde", asked once more in place (no modal): the question takes focus, "Nej, behold den"
 * closes it, "Ja, kassér kladden" discards; then a note that says so takes focus, since the button
 * it came from goes disabled.
 */
export function DiscardDraft({ dirty, m, onDiscard }: DiscardDraftProps) {
  const questionId = useId();
  const [step, setStep] = useState<Step>("idle");
  const question = useRef<HTMLParagraphElement>(null);
  const done = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const kept = useRef(false);
  useEffect(() => {
    if (step === "asking") question.current?.focus();
    if (step === "discarded") done.current?.focus();
    if (step === "idle" && kept.current) opener.current?.focus();
    kept.current = false;
  }, [step]);
  // A new change after discarding makes the note stale.
  useEffect(() => {
    if (dirty) setStep((current) => (current === "discarded" ? "idle" : current));
  }, [dirty]);
  const keep = () => {
    kept.current = true;
    setStep("idle");
  };
  return (
    <div className="klynge-editor__discard">
      <button
        ref={opener}
        type="button"
        disabled={!dirty || step === "asking"}
        onClick={() => setStep("asking")}
      >
        {m.discard}
      </button>
      {step === "asking" && (
        <fieldset
          aria-labelledby={questionId}
          className="klynge-editor__discard-question"
          onKeyDown={(e) => {
            if (e.key === "Escape") keep();
          }}
        >
          <p id={questionId} ref={question} tabIndex={-1}>
            {m.discardQuestion}
          </p>
          <button
            type="button"
            onClick={() => {
              setStep("discarded");
              onDiscard();
            }}
          >
            {m.discardConfirm}
          </button>
          <button type="button" onClick={keep}>
            {m.discardKeep}
          </button>
        </fieldset>
      )}
      {step === "discarded" && (
        <p ref={done} tabIndex={-1} className="klynge-editor__status">
          {m.discarded}
        </p>
      )}
    </div>
  );
}
