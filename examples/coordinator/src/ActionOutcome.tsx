import type { ReactElement, Ref } from "react";
import { ApiErrorNotice } from "./ApiErrorNotice.js";
import type { ApiError } from "./api/apiResult.js";
import type { Locale } from "./messages.js";

/** What an action on a page came to, as the page announces it. */
export type ActionOutcome =
  /** Done, or something to know: said politely. */
  | { readonly kind: "done" | "note"; readonly text: string }
  /** Something the user must do first (pick a person, choose a file): an alert. */
  | { readonly kind: "missing"; readonly text: string }
  /** Refused or failed: what failed (`lead`) and the server's reason. */
  | { readonly kind: "failed"; readonly error: ApiError; readonly lead?: string };

export interface ActionOutcomeRegionProps {
  readonly outcome: ActionOutcome | null;
  readonly locale: Locale;
  /** The lead of a failure whose outcome has none. */
  readonly lead?: string;
  /** For moving focus to the outcome. */
  readonly regionRef?: Ref<HTMLDivElement>;
}

/** The live region under a form: the outcome of its last action, announced. */
export function ActionOutcomeRegion(props: ActionOutcomeRegionProps): ReactElement {
  const { outcome, locale, regionRef } = props;
  const lead = outcome?.kind === "failed" ? (outcome.lead ?? props.lead) : undefined;
  return (
    <div aria-live="polite" ref={regionRef} tabIndex={regionRef === undefined ? undefined : -1}>
      {outcome?.kind === "done" || outcome?.kind === "note" ? (
        <p role="status" className="coordinator-notice">
          {outcome.text}
        </p>
      ) : null}
      {outcome?.kind === "missing" ? (
        <p role="alert" className="coordinator-error">
          {outcome.text}
        </p>
      ) : null}
      {outcome?.kind === "failed" ? (
        <ApiErrorNotice
          error={outcome.error}
          locale={locale}
          {...(lead === undefined ? {} : { lead })}
        />
      ) : null}
    </div>
  );
}
