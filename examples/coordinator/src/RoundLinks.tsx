import { type ReactElement, useId } from "react";
import { linksFor } from "./linksFor.js";
import { coordinatorMessages, type Locale } from "./messages.js";

export interface RoundLinksProps {
  readonly roundId: string;
  readonly pageUrl: string;
  readonly locale: Locale;
}

/** The embed snippet (as text to copy), the meeting app and the results page of one round. */
export function RoundLinks(props: RoundLinksProps): ReactElement {
  const { roundId, pageUrl, locale } = props;
  const text = coordinatorMessages[locale];
  const links = linksFor(roundId, pageUrl);
  const snippetId = useId();
  return (
    <div className="coordinator-links">
      <label htmlFor={snippetId}>{text.embedSnippet}</label>
      <textarea
        id={snippetId}
        className="coordinator-snippet"
        readOnly
        rows={3}
        value={links.embedSnippet}
        onFocus={(e) => e.currentTarget.select()}
      />
      <ul>
        <li>
          {text.meetingLink}: <a href={links.meetingApp}>{links.meetingApp}</a>
        </li>
        <li>
          {text.resultsLink}: <a href={links.results}>{links.results}</a>
        </li>
      </ul>
    </div>
  );
}
