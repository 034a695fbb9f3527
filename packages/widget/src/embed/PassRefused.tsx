import { type ApiErrorCode, apiErrors } from "@klynge/engine/contract";
import type { ReactElement } from "react";
import type { Locale } from "../messages.js";
import { embedMessages } from "./embedMessages.js";

export interface PassRefusedProps {
  readonly code: ApiErrorCode;
  readonly locale: Locale;
}

/**
 * Said at once, before any question, when the link cannot be used (spent, unknown, missing …): in
 * the page's language first and the other second, for a GP who reads the other one.
 */
export function PassRefused(props: PassRefusedProps): ReactElement {
  const other: Locale = props.locale === "da" ? "en" : "da";
  const reason = apiErrors[props.code];
  return (
    <section className="klynge-survey__refused" role="alert">
      <h1>{embedMessages[props.locale].passRefusedTitle}</h1>
      <p>{reason[props.locale]}</p>
      <p lang={other}>
        <strong>{embedMessages[other].passRefusedTitle}.</strong> {reason[other]}
      </p>
    </section>
  );
}
