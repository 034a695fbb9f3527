import type { RoundEntry } from "@klynge/engine/contract";
import type { ReactElement } from "react";
import { ApiErrorNotice } from "../ApiErrorNotice.js";
import { refusalOf } from "../api/apiResult.js";
import type { ClusterPageProps } from "../pageProps.js";
import { useApiResult } from "../useApiResult.js";
import { InviteForm } from "./InviteForm.js";
import { invitationMessages } from "./invitationMessages.js";
import { MailForm } from "./MailForm.js";
import { MeetingKeys } from "./MeetingKeys.js";
import { OpenLinkSwitch } from "./OpenLinkSwitch.js";
import { ResponseTracking } from "./ResponseTracking.js";

export interface RoundInvitationsProps extends ClusterPageProps {
  readonly entry: RoundEntry;
  /** Called after the round itself changed (its open link), to read the list of rounds again. */
  readonly onRoundChanged: () => Promise<void>;
}

/** The sections of one round's invitations page, on the round's invitation list. */
export function RoundInvitations(props: RoundInvitationsProps): ReactElement {
  const { client, locale, entry, services } = props;
  const text = invitationMessages[locale];
  const roundId = entry.round.id;
  const [list, reload] = useApiResult(roundId, () =>
    client.call("listInvitations", { params: { round: roundId } }),
  );
  const open = entry.rawDeletedOn === null;

  if (list === undefined) return <p aria-busy="true">{text.listLoading}</p>;
  if (!list.success) {
    return <ApiErrorNotice error={refusalOf(list)} locale={locale} lead={text.listFailed} />;
  }
  return (
    <>
      {open ? null : <p className="coordinator-notice">{text.roundDeleted}</p>}
      <ResponseTracking list={list.data} locale={locale} />
      {open ? (
        <>
          <InviteForm
            client={client}
            locale={locale}
            roundId={roundId}
            list={list.data}
            onCreated={reload}
          />
          <MailForm
            client={client}
            locale={locale}
            roundId={roundId}
            list={list.data}
            onSent={reload}
          />
          <OpenLinkSwitch
            client={client}
            locale={locale}
            entry={entry}
            pageUrl={services.pageUrl()}
            onChanged={props.onRoundChanged}
          />
          <MeetingKeys client={client} locale={locale} roundId={roundId} now={services.now} />
        </>
      ) : null}
    </>
  );
}
