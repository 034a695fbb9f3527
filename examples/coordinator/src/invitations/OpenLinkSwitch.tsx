import type { RoundEntry } from "@klynge/engine/contract";
import { type ReactElement, useId, useState } from "react";
import { type ActionOutcome, ActionOutcomeRegion } from "../ActionOutcome.js";
import { refusalOf } from "../api/apiResult.js";
import type { ApiClient } from "../api/createApiClient.js";
import { linksFor } from "../linksFor.js";
import type { Locale } from "../messages.js";
import { invitationMessages } from "./invitationMessages.js";

export interface OpenLinkSwitchProps {
  readonly client: ApiClient;
  readonly locale: Locale;
  readonly entry: RoundEntry;
  readonly pageUrl: string;
  /** Called after the setting changed on the server, to read the round again. */
  readonly onChanged: () => Promise<void>;
}

/** "Åbent link": the round setting that lets anyone with the round's link answer, up to the cap. */
export function OpenLinkSwitch(props: OpenLinkSwitchProps): ReactElement {
  const { client, locale, entry, pageUrl, onChanged } = props;
  const text = invitationMessages[locale];
  const ids = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  // The invitations made count before the round's own number (as the collector caps it).
  const cap = entry.invitations.invited > 0 ? entry.invitations.invited : entry.round.invited;
  const survey = linksFor(entry.round.id, pageUrl).survey;

  async function toggle(open: boolean): Promise<void> {
    setBusy(true);
    setOutcome(null);
    const result = await client.call("setOpenLink", {
      params: { round: entry.round.id },
      body: { open },
    });
    if (result.success) await onChanged();
    setBusy(false);
    setOutcome(
      result.success
        ? { kind: "done", text: result.data.round.openLink ? text.opened : text.closedLink }
        : { kind: "failed", lead: text.openFailed, error: refusalOf(result) },
    );
  }

  return (
    <section className="coordinator-panel" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{text.openTitle}</h3>
      <label className="coordinator-switch">
        <input
          type="checkbox"
          role="switch"
          aria-checked={entry.openLink}
          checked={entry.openLink}
          disabled={busy}
          aria-describedby={`${ids}-hint`}
          onChange={(event) => void toggle(event.target.checked)}
        />
        {text.openSwitch}
      </label>
      <p id={`${ids}-hint`} className="coordinator-hint">
        {text.openHint(cap)}
      </p>
      <p>
        {text.openLinkIs} <a href={survey}>{survey}</a>
      </p>
      <ActionOutcomeRegion outcome={outcome} locale={locale} />
    </section>
  );
}
