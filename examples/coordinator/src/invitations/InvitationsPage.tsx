import type { RoundEntry } from "@klynge/engine/contract";
import { type ReactElement, useId } from "react";
import { ApiErrorNotice } from "../ApiErrorNotice.js";
import { refusalOf } from "../api/apiResult.js";
import { PageHeading } from "../PageHeading.js";
import type { ClusterPageProps } from "../pageProps.js";
import { useApiResult } from "../useApiResult.js";
import { invitationMessages } from "./invitationMessages.js";
import { RoundInvitations } from "./RoundInvitations.js";

export interface InvitationsPageProps extends ClusterPageProps {
  /** The round named by the address (`#/invitationer?round=…`); else the newest open one. */
  readonly round?: string;
  /** Called with the round chosen in the picker; the app puts it in the address. */
  readonly onChoose: (round: string) => void;
}

/** The newest round whose raw answers are kept, else the newest. */
function defaultRound(entries: readonly RoundEntry[]): RoundEntry | undefined {
  return [...entries].reverse().find((entry) => entry.rawDeletedOn === null) ?? entries.at(-1);
}

/**
 * "Invitationer": one round's respondents, for its coordinators — who is invited, who has not
 * answered (never what anyone answered), the mails, the open link and the meeting keys.
 */
export function InvitationsPage(props: InvitationsPageProps): ReactElement {
  const { client, locale, cluster, onChoose } = props;
  const text = invitationMessages[locale];
  const ids = useId();
  const [rounds, reloadRounds] = useApiResult(cluster.id, () =>
    client.call("listRounds", { params: { cluster: cluster.id } }),
  );
  const entries = rounds?.success === true ? rounds.data.rounds : [];
  const entry =
    entries.find((candidate) => candidate.round.id === props.round) ?? defaultRound(entries);

  return (
    <section aria-labelledby={`${ids}-title`}>
      <PageHeading id={`${ids}-title`}>
        {entry === undefined ? text.titleNoRound : text.title(entry.round.label)}
      </PageHeading>
      <p>{text.intro}</p>
      {rounds === undefined ? (
        <p aria-busy="true">{text.roundsLoading}</p>
      ) : !rounds.success ? (
        <ApiErrorNotice error={refusalOf(rounds)} locale={locale} lead={text.roundsFailed} />
      ) : entry === undefined ? (
        <p>{text.roundsNone}</p>
      ) : (
        <>
          <div className="coordinator-field">
            <label htmlFor={`${ids}-round`}>{text.roundLabel}</label>
            <select
              id={`${ids}-round`}
              value={entry.round.id}
              onChange={(event) => onChoose(event.target.value)}
            >
              {entries.map((candidate) => (
                <option key={candidate.round.id} value={candidate.round.id}>
                  {candidate.round.label}
                </option>
              ))}
            </select>
          </div>
          <RoundInvitations
            key={entry.round.id}
            {...props}
            entry={entry}
            onRoundChanged={reloadRounds}
          />
        </>
      )}
    </section>
  );
}
