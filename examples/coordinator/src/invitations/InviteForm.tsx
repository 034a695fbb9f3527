import type { InvitationList } from "@klynge/engine/contract";
import { type FormEvent, type ReactElement, useId, useMemo, useRef, useState } from "react";
import { type ActionOutcome, ActionOutcomeRegion } from "../ActionOutcome.js";
import { refusalOf } from "../api/apiResult.js";
import type { ApiClient } from "../api/createApiClient.js";
import type { Locale } from "../messages.js";
import { invitationMessages } from "./invitationMessages.js";
import { MemberPreview } from "./MemberPreview.js";
import { parseMembers } from "./parseMembers.js";

export interface InviteFormProps {
  readonly client: ApiClient;
  readonly locale: Locale;
  readonly roundId: string;
  readonly list: InvitationList;
  /** Called after invitations were made, to read the list again. */
  readonly onCreated: () => Promise<void>;
}

type Mode = "members" | "anonymous";

/** "Inviter medlemmer": pasted members (shown as read, line by line) or N anonymous links. */
export function InviteForm(props: InviteFormProps): ReactElement {
  const { client, locale, roundId, list, onCreated } = props;
  const text = invitationMessages[locale];
  const ids = useId();
  const [mode, setMode] = useState<Mode>("members");
  const [pasted, setPasted] = useState("");
  const [count, setCount] = useState("10");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const membersBox = useRef<HTMLTextAreaElement>(null);
  const invitedEmails = useMemo(
    () => list.invitations.flatMap((entry) => (entry.email === null ? [] : [entry.email])),
    [list],
  );
  const read = useMemo(() => parseMembers(pasted, invitedEmails), [pasted, invitedEmails]);
  const anonymous = Number(count);
  const anonymousValid = Number.isInteger(anonymous) && anonymous >= 1 && anonymous <= 500;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (mode === "members" && (read.issues.length > 0 || read.members.length === 0)) {
      setOutcome({
        kind: "missing",
        text:
          read.members.length === 0 && read.issues.length === 0
            ? text.nothingToInvite
            : text.fixFirst,
      });
      membersBox.current?.focus();
      return;
    }
    setBusy(true);
    setOutcome(null);
    const body =
      mode === "members"
        ? {
            members: read.members.map((m) => ({
              name: m.name,
              ...(m.email === undefined ? {} : { email: m.email }),
            })),
          }
        : { anonymous };
    const result = await client.call("createInvitations", { params: { round: roundId }, body });
    setBusy(false);
    if (!result.success) {
      setOutcome({ kind: "failed", lead: text.createFailed, error: refusalOf(result) });
      return;
    }
    if (mode === "members") setPasted("");
    await onCreated();
    setOutcome({
      kind: "done",
      text:
        mode === "members"
          ? text.createdMembers(read.members.length)
          : text.createdAnonymous(anonymous),
    });
  }

  return (
    <section className="coordinator-panel" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{text.inviteTitle}</h3>
      <form className="coordinator-form coordinator-form--wide" onSubmit={(e) => void submit(e)}>
        <fieldset className="coordinator-choice">
          <legend>{text.inviteKind}</legend>
          {(["members", "anonymous"] as const).map((value) => (
            <label key={value} className="coordinator-switch">
              <input
                type="radio"
                name={`${ids}-mode`}
                value={value}
                checked={mode === value}
                onChange={() => {
                  setMode(value);
                  setOutcome(null);
                }}
              />
              {value === "members" ? text.inviteMembers : text.inviteAnonymous}
            </label>
          ))}
        </fieldset>
        {mode === "members" ? (
          <>
            <div className="coordinator-field">
              <label htmlFor={`${ids}-members`}>{text.membersLabel}</label>
              <p id={`${ids}-members-hint`} className="coordinator-hint">
                {text.membersHint}
              </p>
              <textarea
                ref={membersBox}
                id={`${ids}-members`}
                className="coordinator-members"
                rows={8}
                spellCheck={false}
                value={pasted}
                aria-describedby={`${ids}-members-hint ${ids}-preview`}
                aria-invalid={read.issues.length > 0}
                onChange={(event) => setPasted(event.target.value)}
              />
            </div>
            <MemberPreview id={`${ids}-preview`} read={read} locale={locale} />
            <button
              type="submit"
              className="coordinator-button coordinator-button--primary"
              disabled={busy}
            >
              {busy ? text.creating : text.createMembers(read.members.length)}
            </button>
          </>
        ) : (
          <>
            <div className="coordinator-field">
              <label htmlFor={`${ids}-count`}>{text.anonymousLabel}</label>
              <p id={`${ids}-count-hint`} className="coordinator-hint">
                {text.anonymousCountHint}
              </p>
              <input
                id={`${ids}-count`}
                type="number"
                inputMode="numeric"
                min={1}
                max={500}
                step={1}
                value={count}
                aria-describedby={`${ids}-count-hint`}
                aria-invalid={!anonymousValid}
                onChange={(event) => setCount(event.target.value)}
              />
            </div>
            <button
              type="submit"
              className="coordinator-button coordinator-button--primary"
              disabled={busy || !anonymousValid}
            >
              {busy ? text.creating : text.createAnonymous}
            </button>
          </>
        )}
        <ActionOutcomeRegion outcome={outcome} locale={locale} />
      </form>
    </section>
  );
}
