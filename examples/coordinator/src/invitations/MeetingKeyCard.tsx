import type { MeetingKeyEntry } from "@klynge/engine/contract";
import { type ReactElement, useEffect, useId, useRef, useState } from "react";
import { type ActionOutcome, ActionOutcomeRegion } from "../ActionOutcome.js";
import { refusalOf } from "../api/apiResult.js";
import type { ApiClient } from "../api/createApiClient.js";
import { formatDateTime } from "../format.js";
import type { Locale } from "../messages.js";
import { type MeetingKeyMessages, meetingKeyMessages } from "./meetingKeyMessages.js";
import { QrCode } from "./QrCode.js";

export interface MeetingKeyCardProps {
  readonly client: ApiClient;
  readonly locale: Locale;
  readonly roundId: string;
  readonly meetingKey: MeetingKeyEntry;
  readonly now: () => Date;
  /** Called after the key was revoked, to read the keys again. */
  readonly onRevoked: () => Promise<void>;
}

function stateOf(key: MeetingKeyEntry, now: Date, text: MeetingKeyMessages): string {
  if (key.revoked) return text.stateRevoked;
  // The collector leaves the link out once the grace period is over.
  if (key.link === undefined) return text.stateExpired;
  return now.getTime() <= Date.parse(key.validUntil) ? text.stateActive : text.stateEnded;
}

/** One meeting key: its window, cap and use, the enrolment link with its QR code, and revoking. */
export function MeetingKeyCard(props: MeetingKeyCardProps): ReactElement {
  const { client, locale, roundId, meetingKey: key, now, onRevoked } = props;
  const text = meetingKeyMessages[locale];
  const ids = useId();
  const [confirm, setConfirm] = useState<"closed" | "open" | "cancelled">("closed");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const confirmPanel = useRef<HTMLFieldSetElement>(null);
  const outcomeRegion = useRef<HTMLDivElement>(null);
  const at = (iso: string) => formatDateTime(iso, locale);

  useEffect(() => {
    if (confirm === "open") confirmPanel.current?.focus();
    if (confirm === "cancelled") revokeButton.current?.focus();
  }, [confirm]);

  async function revoke(): Promise<void> {
    setConfirm("closed");
    setBusy(true);
    setOutcome(null);
    outcomeRegion.current?.focus();
    const result = await client.call("revokeMeetingKey", {
      params: { round: roundId, key: key.id },
    });
    setBusy(false);
    if (!result.success) {
      setOutcome({ kind: "failed", lead: text.revokeFailed, error: refusalOf(result) });
      return;
    }
    setOutcome({ kind: "done", text: text.revoked });
    await onRevoked();
  }

  return (
    <article className="coordinator-card" aria-labelledby={`${ids}-title`}>
      <h4 id={`${ids}-title`}>{text.keyTitle(at(key.validFrom))}</h4>
      <dl className="coordinator-facts">
        <div>
          <dt>{text.window}</dt>
          <dd>{text.windowValue(at(key.validFrom), at(key.validUntil))}</dd>
        </div>
        <div>
          <dt>{text.grace}</dt>
          <dd>{at(key.graceUntil)}</dd>
        </div>
        <div>
          <dt>{text.answers}</dt>
          <dd>{text.answersValue(key.used, key.cap)}</dd>
        </div>
        <div>
          <dt>{text.state}</dt>
          <dd>{stateOf(key, now(), text)}</dd>
        </div>
      </dl>
      {key.link !== undefined && !key.revoked ? (
        <>
          <p id={`${ids}-link`} className="coordinator-field__label">
            {text.enrolLink}
          </p>
          <p className="coordinator-hint" id={`${ids}-hint`}>
            {text.enrolHint}
          </p>
          <p className="coordinator-key-link">
            <a href={key.link} aria-describedby={`${ids}-hint`}>
              {key.link}
            </a>
          </p>
          <figure className="coordinator-qr-figure">
            <QrCode value={key.link} label={text.qrLabel} />
          </figure>
          {confirm === "open" ? (
            <fieldset
              ref={confirmPanel}
              className="coordinator-confirm"
              aria-describedby={`${ids}-confirm-text`}
              tabIndex={-1}
            >
              <legend className="coordinator-confirm__title">{text.confirmTitle}</legend>
              <p id={`${ids}-confirm-text`}>{text.confirmText}</p>
              <div className="coordinator-toolbar">
                <button
                  type="button"
                  className="coordinator-button coordinator-button--danger-primary"
                  onClick={() => void revoke()}
                >
                  {text.confirmRevoke}
                </button>
                <button
                  type="button"
                  className="coordinator-button"
                  onClick={() => setConfirm("cancelled")}
                >
                  {text.cancel}
                </button>
              </div>
            </fieldset>
          ) : (
            <button
              ref={revokeButton}
              type="button"
              className="coordinator-button coordinator-button--danger"
              disabled={busy}
              onClick={() => setConfirm("open")}
            >
              {busy ? text.revoking : text.revoke}
            </button>
          )}
        </>
      ) : null}
      <ActionOutcomeRegion outcome={outcome} locale={locale} regionRef={outcomeRegion} />
    </article>
  );
}
