import type { InvitationList } from "@klynge/engine/contract";
import { type FormEvent, type ReactElement, useEffect, useId, useRef, useState } from "react";
import { type ActionOutcome, ActionOutcomeRegion } from "../ActionOutcome.js";
import { ApiErrorNotice } from "../ApiErrorNotice.js";
import { type ApiResult, refusalOf } from "../api/apiResult.js";
import type { ApiClient } from "../api/createApiClient.js";
import { Field } from "../Field.js";
import type { Locale } from "../messages.js";
import { useApiResult } from "../useApiResult.js";
import { invitationMessages } from "./invitationMessages.js";
import { type MailKind, mailRecipients } from "./mailRecipients.js";

export interface MailFormProps {
  readonly client: ApiClient;
  readonly locale: Locale;
  readonly roundId: string;
  readonly list: InvitationList;
  /** Called after mails went, to read the list (its mail days) again. */
  readonly onSent: () => Promise<void>;
}

interface Texts {
  readonly subject: string;
  readonly text: string;
}

/**
 * "Mails": the invitation, or a reminder to those who have not answered, with the round's texts
 * (the collector's Danish defaults until the coordinator edits them), sent after a confirmation.
 */
export function MailForm(props: MailFormProps): ReactElement {
  const { client, locale, roundId, list, onSent } = props;
  const text = invitationMessages[locale];
  const ids = useId();
  const [kind, setKind] = useState<MailKind>("invitation");
  // Each kind's texts as edited; a kind not yet loaded is absent.
  const [edited, setEdited] = useState<Partial<Record<MailKind, Texts>>>({});
  const [errors, setErrors] = useState<{ subject: string[]; text: string[] }>({
    subject: [],
    text: [],
  });
  const [confirm, setConfirm] = useState<"closed" | "open" | "cancelled">("closed");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const confirmPanel = useRef<HTMLFieldSetElement>(null);
  const sendButton = useRef<HTMLButtonElement>(null);
  const outcomeRegion = useRef<HTMLDivElement>(null);
  // Each reply carries its kind: right after a switch the previous kind's reply is still held.
  const [template] = useApiResult(
    `${roundId}:${kind}`,
    async (): Promise<ApiResult<Texts & { readonly kind: MailKind }>> => {
      const result = await client.call("mailTemplate", {
        params: { round: roundId },
        query: { kind },
      });
      return result.success ? { ...result, data: { ...result.data, kind } } : result;
    },
  );
  const reply =
    template?.success === true && template.data.kind === kind ? template.data : undefined;
  const loaded = reply === undefined ? undefined : { subject: reply.subject, text: reply.text };
  useEffect(() => {
    if (loaded === undefined) return;
    setEdited((current) =>
      current[kind] === undefined ? { ...current, [kind]: loaded } : current,
    );
  }, [kind, loaded]);
  useEffect(() => {
    if (confirm === "open") confirmPanel.current?.focus();
    if (confirm === "cancelled") sendButton.current?.focus();
  }, [confirm]);

  const texts = edited[kind];
  const recipients = mailRecipients(list, kind).length;

  function change(part: keyof Texts, value: string): void {
    if (texts === undefined) return;
    setEdited({ ...edited, [kind]: { ...texts, [part]: value } });
    setConfirm("closed");
  }

  function ask(event: FormEvent): void {
    event.preventDefault();
    if (texts === undefined) return;
    const found = {
      subject: texts.subject.trim() === "" ? [text.subjectMissing] : [],
      text: texts.text.includes("{link}") ? [] : [text.linkMissing],
    };
    setErrors(found);
    if (found.subject.length + found.text.length > 0) {
      document.getElementById(found.subject.length > 0 ? `${ids}-subject` : `${ids}-text`)?.focus();
      return;
    }
    setOutcome(null);
    setConfirm("open");
  }

  async function send(): Promise<void> {
    if (texts === undefined) return;
    setConfirm("closed");
    setBusy(true);
    // The confirming button goes away: keep the focus on what happens.
    outcomeRegion.current?.focus();
    const result = await client.call("sendInvitations", {
      params: { round: roundId },
      body: { kind, subject: texts.subject, text: texts.text },
    });
    setBusy(false);
    if (!result.success) {
      setOutcome({ kind: "failed", lead: text.sendFailed, error: refusalOf(result) });
      return;
    }
    await onSent();
    const { sent, skipped, failed } = result.data;
    setOutcome({ kind: "done", text: text.sent(sent, skipped, failed) });
  }

  return (
    <section className="coordinator-panel" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{text.mailTitle}</h3>
      <form className="coordinator-form coordinator-form--wide" onSubmit={ask}>
        <fieldset className="coordinator-choice">
          <legend>{text.mailKind}</legend>
          {(["invitation", "reminder"] as const).map((value) => (
            <div key={value}>
              <label className="coordinator-switch">
                <input
                  type="radio"
                  name={`${ids}-kind`}
                  value={value}
                  checked={kind === value}
                  aria-describedby={`${ids}-${value}-hint`}
                  onChange={() => {
                    setKind(value);
                    setConfirm("closed");
                    setErrors({ subject: [], text: [] });
                    setOutcome(null);
                  }}
                />
                {value === "invitation" ? text.kindInvitation : text.kindReminder}
              </label>
              <p id={`${ids}-${value}-hint`} className="coordinator-hint">
                {value === "invitation" ? text.kindInvitationHint : text.kindReminderHint}
              </p>
            </div>
          ))}
        </fieldset>
        {template?.success === false ? (
          <ApiErrorNotice error={refusalOf(template)} locale={locale} lead={text.textsFailed} />
        ) : texts === undefined ? (
          <p aria-busy="true">{text.textsLoading}</p>
        ) : (
          <>
            <Field
              id={`${ids}-subject`}
              name="subject"
              label={text.subjectLabel}
              errors={errors.subject}
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  maxLength={200}
                  value={texts.subject}
                  onChange={(event) => change("subject", event.target.value)}
                />
              )}
            </Field>
            <Field id={`${ids}-text`} name="text" label={text.textLabel} errors={errors.text}>
              {(control) => (
                <textarea
                  {...control}
                  rows={12}
                  maxLength={10_000}
                  value={texts.text}
                  onChange={(event) => change("text", event.target.value)}
                />
              )}
            </Field>
            <p id={`${ids}-placeholders`}>{text.placeholdersTitle}:</p>
            <dl className="coordinator-facts" aria-labelledby={`${ids}-placeholders`}>
              {Object.entries(text.placeholders).map(([placeholder, meaning]) => (
                <div key={placeholder}>
                  <dt>
                    <code>{placeholder}</code>
                  </dt>
                  <dd>{meaning}</dd>
                </div>
              ))}
            </dl>
            <p>{text.recipients(recipients)}</p>
            {confirm === "open" ? (
              <fieldset
                ref={confirmPanel}
                className="coordinator-confirm coordinator-confirm--calm"
                aria-describedby={`${ids}-confirm-text`}
                tabIndex={-1}
              >
                <legend className="coordinator-confirm__title">
                  {kind === "invitation"
                    ? text.confirmInvitation(recipients)
                    : text.confirmReminder(recipients)}
                </legend>
                <p id={`${ids}-confirm-text`}>{text.confirmMailText}</p>
                <div className="coordinator-toolbar">
                  <button
                    type="button"
                    className="coordinator-button coordinator-button--primary"
                    onClick={() => void send()}
                  >
                    {text.confirmSend}
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
                ref={sendButton}
                type="submit"
                className="coordinator-button coordinator-button--primary"
                disabled={busy || recipients === 0}
              >
                {busy
                  ? text.sending
                  : kind === "invitation"
                    ? text.sendInvitation
                    : text.sendReminder}
              </button>
            )}
          </>
        )}
        <ActionOutcomeRegion outcome={outcome} locale={locale} regionRef={outcomeRegion} />
      </form>
    </section>
  );
}
