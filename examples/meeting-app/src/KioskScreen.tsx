import type { QuestionnaireVersion, Round } from "@klynge/engine";
import { KlyngeSurvey, type KlyngeSurveyResult, localize } from "@klynge/widget";
import {
  type Delivery,
  messages,
  type RespondentPass,
  type ResponseStore,
  sendNow,
  type Uploader,
} from "@klynge/widget/core";
import { type ReactElement, useEffect, useRef, useState } from "react";
import { type Locale, meetingMessages } from "./messages.js";

export interface KioskScreenProps {
  readonly store: ResponseStore;
  readonly uploader: Uploader;
  readonly round: Round;
  readonly version: QuestionnaireVersion;
  readonly locale: Locale;
  /** The tablet's meeting key: every response carries it. */
  readonly pass?: RespondentPass;
  /** The cluster's anonymity threshold, for the intro. */
  readonly k?: number;
}

/** After "Færdig": waiting to be sent, received, or refused for good (with the outbox's reason). */
type Done = Delivery & { readonly responseId: string };

/**
 * One tablet passed around the table: the survey, then a thank-you screen with "Næste deltager",
 * which mounts a fresh survey (a new draft, a new id). The finished respondent's answers are in
 * the outbox only: nothing on screen leads back to them.
 */
export function KioskScreen(props: KioskScreenProps): ReactElement {
  const { store, uploader, round, version, locale, pass, k } = props;
  const text = meetingMessages[locale];
  const [respondent, setRespondent] = useState(0);
  const [done, setDone] = useState<Done | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const thanks = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (done !== undefined) thanks.current?.focus();
  }, [done]);

  async function complete(result: KlyngeSurveyResult): Promise<void> {
    const { responseId } = result;
    setDone({ responseId, state: "queued" });
    // The survey is not given the app's uploader, so its thank-you shows before the upload
    // attempt ends; the same attempt, then: refused for good is never "sendes automatisk".
    const next: Done = { responseId, ...(await sendNow(store, responseId, uploader)) };
    setDone((current) => (current?.responseId === responseId ? next : current));
  }

  async function startOver(): Promise<void> {
    const draft = await store.latestDraft(round.id);
    if (draft !== undefined) await store.discardDraft(draft.responseId);
    setConfirming(false);
    setRespondent((n) => n + 1);
  }

  if (done !== undefined) {
    return (
      <section className="meeting-thanks" aria-labelledby="meeting-thanks-title">
        <h2 id="meeting-thanks-title" ref={thanks} tabIndex={-1}>
          {text.thanksTitle}
        </h2>
        {done.state === "refused" ? (
          <div role="alert" className="meeting-refused">
            <p>
              <strong>{text.thanksRefused}</strong> {messages[locale].sync.refused(done.reason)}
            </p>
            <p>{text.keptForExport}</p>
          </div>
        ) : (
          <p role="status">{done.state === "queued" ? text.thanksQueued : text.thanksSent}</p>
        )}
        <button
          type="button"
          className="meeting-button meeting-button--primary"
          onClick={() => {
            setDone(undefined);
            setRespondent((n) => n + 1);
          }}
        >
          {text.nextRespondent}
        </button>
      </section>
    );
  }

  return (
    <section
      className="meeting-survey"
      aria-label={localize(version.questionnaire.title, locale).text}
    >
      <KlyngeSurvey
        key={respondent}
        version={version}
        round={round}
        store={store}
        channel="kiosk"
        locale={locale}
        intro={k === undefined ? {} : { k }}
        {...(pass === undefined ? {} : { pass })}
        onComplete={(result) => void complete(result)}
      />
      <div className="meeting-startover">
        {confirming ? (
          <fieldset className="meeting-confirm">
            <legend>{text.discardConfirm}</legend>
            <button type="button" className="meeting-button" onClick={() => void startOver()}>
              {text.discardYes}
            </button>
            <button type="button" className="meeting-button" onClick={() => setConfirming(false)}>
              {text.discardNo}
            </button>
          </fieldset>
        ) : (
          <button type="button" className="meeting-button" onClick={() => setConfirming(true)}>
            {text.discard}
          </button>
        )}
      </div>
    </section>
  );
}
