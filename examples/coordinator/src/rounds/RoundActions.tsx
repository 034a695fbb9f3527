import type { RoundEntry } from "@klynge/engine/contract";
import { type FormEvent, type ReactElement, useEffect, useId, useRef, useState } from "react";
import { type ActionOutcome, ActionOutcomeRegion } from "../ActionOutcome.js";
import { refusalOf } from "../api/apiResult.js";
import type { ApiClient } from "../api/createApiClient.js";
import type { AppServices } from "../appServices.js";
import type { Locale } from "../messages.js";
import { readCsvFile } from "./readCsvFile.js";
import { roundMessages } from "./roundMessages.js";
import { SpreadsheetDownload } from "./SpreadsheetDownload.js";

export interface RoundActionsProps {
  readonly entry: RoundEntry;
  readonly client: ApiClient;
  readonly locale: Locale;
  readonly saveFile: AppServices["saveFile"];
  /** Called after a change on the server, to read the list again. */
  readonly onChanged: () => Promise<void>;
}

type Busy = "idle" | "download" | "upload" | "close" | "delete";
type Outcome = ActionOutcome;

/**
 * A coordinator's actions on one round: its answers as a spreadsheet (for people) or CSV (for
 * programs), referrals, closing, deleting raw answers.
 */
export function RoundActions(props: RoundActionsProps): ReactElement {
  const { entry, client, locale, saveFile, onChanged } = props;
  const { round } = entry;
  const text = roundMessages[locale];
  const ids = useId();
  const [busy, setBusy] = useState<Busy>("idle");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // "cancelled": the question was closed unanswered; focus goes back to the button that asked it.
  const [confirm, setConfirm] = useState<"closed" | "open" | "cancelled">("closed");
  const fileInput = useRef<HTMLInputElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const confirmPanel = useRef<HTMLFieldSetElement>(null);
  const outcomeRegion = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (confirm === "open") confirmPanel.current?.focus();
    if (confirm === "cancelled") deleteButton.current?.focus();
  }, [confirm]);
  const params = { round: round.id };

  async function act(kind: Busy, run: () => Promise<Outcome>): Promise<void> {
    setBusy(kind);
    setOutcome(null);
    const result = await run();
    setBusy("idle");
    setOutcome(result);
  }

  const download = () =>
    act("download", async () => {
      const result = await client.call("exportResponses", { params });
      if (!result.success)
        return { kind: "failed", lead: text.downloadFailed, error: refusalOf(result) };
      const fileName = `${round.id}.csv`;
      saveFile(fileName, result.data, "text/csv;charset=utf-8");
      return { kind: "done", text: text.downloaded(fileName) };
    });

  const upload = (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (file === undefined) {
      setOutcome({ kind: "note", text: text.noFile });
      fileInput.current?.focus();
      return;
    }
    void act("upload", async () => {
      const result = await client.call("putReferrals", { params, body: await readCsvFile(file) });
      if (!result.success)
        return { kind: "failed", lead: text.uploadFailed, error: refusalOf(result) };
      if (fileInput.current !== null) fileInput.current.value = "";
      await onChanged();
      return { kind: "done", text: text.uploaded(result.data.rows, round.label) };
    });
  };

  const close = () =>
    act("close", async () => {
      const result = await client.call("closeRound", { params });
      if (!result.success)
        return { kind: "failed", lead: text.closeFailed, error: refusalOf(result) };
      await onChanged();
      return { kind: "done", text: text.closed(round.label) };
    });

  const remove = () =>
    act("delete", async () => {
      setConfirm("closed");
      // The confirming button goes away: keep the focus on what happened.
      outcomeRegion.current?.focus();
      const result = await client.call("deleteResponses", { params });
      if (!result.success)
        return { kind: "failed", lead: text.deleteFailed, error: refusalOf(result) };
      await onChanged();
      return { kind: "done", text: text.deleted(result.data.deleted, round.label) };
    });

  const disabled = busy !== "idle";
  const rawKept = entry.rawDeletedOn === null;

  return (
    <div className="coordinator-actions">
      {rawKept ? (
        <SpreadsheetDownload round={round} client={client} locale={locale} saveFile={saveFile} />
      ) : null}
      <div className="coordinator-toolbar">
        {rawKept ? (
          <button
            type="button"
            className="coordinator-button"
            disabled={disabled}
            onClick={download}
          >
            {busy === "download" ? text.downloading : text.downloadCsv}
          </button>
        ) : null}
        {entry.closedOn === null ? (
          <button type="button" className="coordinator-button" disabled={disabled} onClick={close}>
            {busy === "close" ? text.closing : text.close}
          </button>
        ) : null}
        {entry.closedOn !== null && rawKept && confirm !== "open" ? (
          <button
            type="button"
            ref={deleteButton}
            className="coordinator-button coordinator-button--danger"
            disabled={disabled}
            onClick={() => setConfirm("open")}
          >
            {busy === "delete" ? text.deleting : text.deleteRaw}
          </button>
        ) : null}
      </div>

      {confirm === "open" ? (
        <fieldset
          ref={confirmPanel}
          className="coordinator-confirm"
          aria-describedby={`${ids}-confirm-text`}
          tabIndex={-1}
        >
          <legend className="coordinator-confirm__title">{text.confirmTitle(round.label)}</legend>
          <p id={`${ids}-confirm-text`}>{text.confirmText(entry.responses)}</p>
          <div className="coordinator-toolbar">
            <button
              type="button"
              className="coordinator-button coordinator-button--danger-primary"
              onClick={remove}
            >
              {text.confirmDelete}
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
      ) : null}

      <form className="coordinator-upload" onSubmit={upload}>
        <div className="coordinator-field">
          <label htmlFor={`${ids}-referrals`}>{text.referralsLabel}</label>
          <p id={`${ids}-referrals-hint`} className="coordinator-hint">
            {text.referralsHint}
          </p>
          <input
            ref={fileInput}
            id={`${ids}-referrals`}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${ids}-referrals-hint`}
          />
        </div>
        <button type="submit" className="coordinator-button" disabled={disabled}>
          {busy === "upload" ? text.uploading : text.uploadReferrals}
        </button>
      </form>

      <ActionOutcomeRegion outcome={outcome} locale={locale} regionRef={outcomeRegion} />
    </div>
  );
}
