import type { MeetingKeyEntry } from "@klynge/engine/contract";
import { type FormEvent, type ReactElement, useId, useState } from "react";
import { type ActionOutcome, ActionOutcomeRegion } from "../ActionOutcome.js";
import { ApiErrorNotice } from "../ApiErrorNotice.js";
import { refusalOf } from "../api/apiResult.js";
import type { ApiClient } from "../api/createApiClient.js";
import type { Locale } from "../messages.js";
import { useApiResult } from "../useApiResult.js";
import { MeetingKeyCard } from "./MeetingKeyCard.js";
import { meetingKeyMessages } from "./meetingKeyMessages.js";

export interface MeetingKeysProps {
  readonly client: ApiClient;
  readonly locale: Locale;
  readonly roundId: string;
  /** The clock, to say whether a key's meeting is on. */
  readonly now: () => Date;
}

/** "Mødenøgle til tablets": make a key for N hours; each key with its link, QR code and state. */
export function MeetingKeys(props: MeetingKeysProps): ReactElement {
  const { client, locale, roundId, now } = props;
  const text = meetingKeyMessages[locale];
  const ids = useId();
  const params = { round: roundId };
  const [keys, reload] = useApiResult(roundId, () => client.call("listMeetingKeys", { params }));
  const [hours, setHours] = useState("3");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const valid = /^\d+$/.test(hours) && Number(hours) >= 1 && Number(hours) <= 72;

  async function create(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!valid) return;
    setBusy(true);
    setOutcome(null);
    const result = await client.call("createMeetingKey", {
      params,
      body: { hours: Number(hours) },
    });
    if (result.success) await reload();
    setBusy(false);
    setOutcome(
      result.success
        ? { kind: "done", text: text.created(result.data.key.cap) }
        : { kind: "failed", lead: text.createFailed, error: refusalOf(result) },
    );
  }

  // Newest first: the key of today's meeting is the one wanted.
  const listed: readonly MeetingKeyEntry[] =
    keys?.success === true
      ? [...keys.data.keys].sort((a, b) => b.validFrom.localeCompare(a.validFrom))
      : [];

  return (
    <section className="coordinator-panel" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{text.title}</h3>
      <p>{text.intro}</p>
      <form className="coordinator-form coordinator-upload" onSubmit={(e) => void create(e)}>
        <div className="coordinator-field">
          <label htmlFor={`${ids}-hours`}>{text.hoursLabel}</label>
          <p id={`${ids}-hours-hint`} className="coordinator-hint">
            {text.hoursHint}
          </p>
          <input
            id={`${ids}-hours`}
            type="number"
            inputMode="numeric"
            min={1}
            max={72}
            step={1}
            value={hours}
            aria-describedby={`${ids}-hours-hint`}
            aria-invalid={!valid}
            onChange={(event) => setHours(event.target.value)}
          />
        </div>
        <button
          type="submit"
          className="coordinator-button coordinator-button--primary"
          disabled={busy || !valid}
        >
          {busy ? text.creating : text.create}
        </button>
      </form>
      <ActionOutcomeRegion outcome={outcome} locale={locale} />
      {keys === undefined ? (
        <p aria-busy="true">{text.loading}</p>
      ) : !keys.success ? (
        <ApiErrorNotice error={refusalOf(keys)} locale={locale} lead={text.failed} />
      ) : listed.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <ul className="coordinator-cards">
          {listed.map((key) => (
            <li key={key.id}>
              <MeetingKeyCard
                client={client}
                locale={locale}
                roundId={roundId}
                meetingKey={key}
                now={now}
                onRevoked={reload}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
