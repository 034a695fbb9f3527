import type { ReactElement } from "react";
import type { ApiError } from "./api/apiResult.js";
import { issueLine } from "./issueLine.js";
import type { Locale } from "./messages.js";

export interface ApiErrorNoticeProps {
  readonly error: ApiError;
  readonly locale: Locale;
  /** What failed, before the server's reason: "Runden blev ikke oprettet:". */
  readonly lead?: string;
  /** At most this many issues are listed. Default 10. */
  readonly maxIssues?: number;
}

/** A refusal or a failure, announced: what failed, the server's reason, and its issues. */
export function ApiErrorNotice(props: ApiErrorNoticeProps): ReactElement {
  const { error, locale, lead, maxIssues = 10 } = props;
  return (
    <div role="alert" className="coordinator-error">
      <p>{lead === undefined ? error.message[locale] : `${lead} ${error.message[locale]}`}</p>
      {error.issues.length > 0 ? (
        <ul>
          {error.issues.slice(0, maxIssues).map((issue, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues are listed as given
            <li key={i}>{issueLine(issue, locale)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
