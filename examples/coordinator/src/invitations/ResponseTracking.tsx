import type { InvitationEntry, InvitationList } from "@klynge/engine/contract";
import { formatPercent } from "@klynge/widget/report";
import { type ReactElement, useId } from "react";
import { formatDate } from "../format.js";
import type { Locale } from "../messages.js";
import { invitationMessages } from "./invitationMessages.js";

export interface ResponseTrackingProps {
  readonly list: InvitationList;
  readonly locale: Locale;
}

/**
 * How far the round has come: invitations made and used, answers that came another way, the
 * response rate, and the names of those who have not answered. The names of those who have are
 * not shown: the page says who is still missing, nothing more.
 */
export function ResponseTracking(props: ResponseTrackingProps): ReactElement {
  const { list, locale } = props;
  const text = invitationMessages[locale];
  const ids = useId();
  const pending = list.invitations.filter((entry) => entry.name !== null && !entry.used);
  const named = list.invitations.some((entry) => entry.name !== null);
  const anonymous = list.invitations.filter((entry) => entry.name === null);
  const answers = list.used + list.withoutInvitation;

  return (
    <section className="coordinator-panel" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{text.trackingTitle}</h3>
      <p className="coordinator-notice">{text.privacy}</p>
      <dl className="coordinator-facts">
        <div>
          <dt>{text.invited}</dt>
          <dd>{list.invited}</dd>
        </div>
        <div>
          <dt>{text.used}</dt>
          <dd>{list.used}</dd>
        </div>
        <div>
          <dt>{text.withoutInvitation}</dt>
          <dd>{list.withoutInvitation}</dd>
        </div>
        {list.invited > 0 ? (
          <div>
            <dt>{text.responseRate}</dt>
            <dd>
              {text.rate(formatPercent(answers / list.invited, locale), answers, list.invited)}
            </dd>
          </div>
        ) : null}
      </dl>
      {list.invited === 0 ? <p>{text.noInvitations}</p> : null}
      {named ? (
        <>
          <h4 id={`${ids}-pending`}>{text.pendingTitle(pending.length)}</h4>
          {pending.length === 0 ? (
            <p>{text.pendingNone}</p>
          ) : (
            <ul aria-labelledby={`${ids}-pending`} className="coordinator-pending">
              {pending.map((entry) => (
                <li key={entry.id}>
                  <span className="coordinator-pending__name">{entry.name}</span>{" "}
                  <span className="coordinator-muted">({mailState(entry, locale)})</span>
                </li>
              ))}
            </ul>
          )}
          <p className="coordinator-muted">{text.tabletNote}</p>
        </>
      ) : null}
      {anonymous.length > 0 ? <AnonymousLinks links={anonymous} locale={locale} /> : null}
    </section>
  );
}

function mailState(entry: InvitationEntry, locale: Locale): string {
  const text = invitationMessages[locale];
  if (entry.email === null) return text.noEmail;
  return entry.mailedOn === null
    ? text.notMailed
    : text.mailedOn(formatDate(entry.mailedOn, locale));
}

function AnonymousLinks(props: {
  readonly links: readonly InvitationEntry[];
  readonly locale: Locale;
}): ReactElement {
  const { links, locale } = props;
  const text = invitationMessages[locale];
  const ids = useId();
  return (
    <>
      <h4 id={`${ids}-title`}>{text.anonymousTitle(links.length)}</h4>
      <p className="coordinator-hint">{text.anonymousHint}</p>
      <div className="coordinator-scroll">
        <table className="coordinator-table" aria-labelledby={`${ids}-title`}>
          <thead>
            <tr>
              <th scope="col">{text.linkColumn}</th>
              <th scope="col">{text.stateColumn}</th>
            </tr>
          </thead>
          <tbody>
            {links.map((entry, i) => (
              <tr key={entry.id}>
                <td>
                  {entry.link === undefined ? (
                    text.linkUnavailable
                  ) : (
                    <input
                      type="text"
                      readOnly
                      className="coordinator-link-copy"
                      aria-label={text.anonymousLink(i + 1)}
                      value={entry.link}
                      onFocus={(event) => event.currentTarget.select()}
                    />
                  )}
                </td>
                <td>{entry.used ? text.stateUsed : text.stateUnused}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
