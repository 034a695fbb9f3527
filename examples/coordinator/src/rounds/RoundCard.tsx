import type { RoundEntry } from "@klynge/engine/contract";
import { type ReactElement, useId } from "react";
import type { ApiClient } from "../api/createApiClient.js";
import type { AppServices } from "../appServices.js";
import { formatDate } from "../format.js";
import { linksFor } from "../linksFor.js";
import type { Locale } from "../messages.js";
import { RoundLinks } from "../RoundLinks.js";
import { type Access, may } from "../session/access.js";
import { routeHash } from "../useHashRoute.js";
import { RoundActions } from "./RoundActions.js";
import { roundMessages } from "./roundMessages.js";

export interface RoundCardProps {
  readonly entry: RoundEntry;
  readonly access: Access;
  readonly client: ApiClient;
  readonly locale: Locale;
  readonly pageUrl: string;
  readonly saveFile: AppServices["saveFile"];
  readonly onChanged: () => Promise<void>;
}

/** One round: what it is, how far it has come, its links, and what the role may do with it. */
export function RoundCard(props: RoundCardProps): ReactElement {
  const { entry, access, client, locale, pageUrl } = props;
  const { round } = entry;
  const text = roundMessages[locale];
  const titleId = useId();
  const status =
    entry.rawDeletedOn !== null
      ? text.rawDeletedOn(formatDate(entry.rawDeletedOn, locale))
      : entry.closedOn !== null
        ? text.closedOn(formatDate(entry.closedOn, locale))
        : text.open;

  return (
    <article className="coordinator-card" aria-labelledby={titleId}>
      <h3 id={titleId}>{round.label}</h3>
      <dl className="coordinator-facts">
        <div>
          <dt>{text.questionnaire}</dt>
          <dd>{entry.versionLabel}</dd>
        </div>
        {round.municipality === undefined ? null : (
          <div>
            <dt>{text.municipality}</dt>
            <dd>{round.municipality}</dd>
          </div>
        )}
        <div>
          <dt>{text.responses}</dt>
          {/* After deletion the list counts 0 stored answers; the kept report still has them. */}
          <dd>{entry.rawDeletedOn === null ? entry.responses : text.responsesDeleted}</dd>
        </div>
        {round.invited === undefined ? null : (
          <div>
            <dt>{text.invited}</dt>
            <dd>{round.invited}</dd>
          </div>
        )}
        {entry.invitations.invited > 0 ? (
          <div>
            <dt>{text.invitationsFact}</dt>
            <dd>{text.invitationsUsed(entry.invitations.used, entry.invitations.invited)}</dd>
          </div>
        ) : null}
        {entry.openLink ? (
          <div>
            <dt>{text.openLinkFact}</dt>
            <dd>{text.openLinkOn}</dd>
          </div>
        ) : null}
        <div>
          <dt>{text.status}</dt>
          <dd>{status}</dd>
        </div>
      </dl>
      {may.readReports(access) ? (
        <p>
          <a href={linksFor(round.id, pageUrl).results}>{text.resultsLink}</a>
        </p>
      ) : null}
      {may.invite(access) ? (
        <p>
          <a href={routeHash({ page: "invitations", round: round.id })}>{text.invitationsLink}</a>
        </p>
      ) : null}
      {may.coordinate(access) ? (
        <>
          {entry.rawDeletedOn === null ? (
            <details className="coordinator-details">
              <summary>{text.linksSummary}</summary>
              <RoundLinks roundId={round.id} pageUrl={pageUrl} locale={locale} />
            </details>
          ) : null}
          <RoundActions
            entry={entry}
            client={client}
            locale={locale}
            saveFile={props.saveFile}
            onChanged={props.onChanged}
          />
        </>
      ) : null}
    </article>
  );
}
