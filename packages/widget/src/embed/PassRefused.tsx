import { type ApiErrorCode, apiErrors } from "@klynge/engine/contract";
import type { ReactElement } from "react";
import { type Locale, messages } from "../messages.js";

export interface PassRefusedProps {
  readonly code: ApiErrorCode;
  readonly locale: Locale;
}

/** The contract's sentence for a refused link, as the host is told it (EmbedApp). */
export function refusalText(code: ApiErrorCode, locale: Locale): string {
  return apiErrors[code][locale];
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
      <h1>{messages[props.locale].embed.passRefusedTitle}</h1>
      <p>{reason[props.locale]}</p>
      <p lang={other}>
        <strong>{messages[other].embed.passRefusedTitle}.</strong> {reason[other]}
      </p>
    </section>
  );
}
