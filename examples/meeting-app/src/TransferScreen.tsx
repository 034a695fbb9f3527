import { formatIssue, type QuestionnaireVersion, type Round } from "@klynge/engine";
import {
  createUnsentFile,
  isStorageError,
  messages,
  parseUnsentFile,
  type RespondentPass,
  type ResponseStore,
  type Uploader,
  unsentFileName,
} from "@klynge/widget/core";
import { type ChangeEvent, type ReactElement, useId, useState } from "react";
import { type Locale, meetingMessages } from "./messages.js";

export interface TransferScreenProps {
  readonly store: ResponseStore;
  readonly uploader: Uploader;
  readonly round: Round;
  readonly version: QuestionnaireVersion;
  /** Responses still on the device, waiting or refused: what the export holds. */
  readonly unsent: number;
  readonly locale: Locale;
  /** This tablet's meeting key: imported responses are sent with it. */
  readonly pass?: RespondentPass;
}

type Outcome =
  | { readonly kind: "exported"; readonly count: number; readonly name: string }
  | { readonly kind: "imported"; readonly message: string; readonly refused: readonly string[] }
  | { readonly kind: "error"; readonly message: string };

/**
 * "Eksportér usendte svar" and the import on another device: the file carries the round and its
 * version, every response in it is checked by the engine before it is stored, and ids already on
 * the device are never overwritten.
 */
export function TransferScreen(props: TransferScreenProps): ReactElement {
  const { store, uploader, round, version, unsent, locale, pass } = props;
  const text = meetingMessages[locale];
  const inputId = useId();
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);

  async function exportUnsent(): Promise<void> {
    const outbox = await store.outbox();
    if (outbox.length === 0) {
      setOutcome({ kind: "error", message: text.exportNone });
      return;
    }
    const now = new Date();
    const name = unsentFileName(now);
    const file = createUnsentFile({ outbox, rounds: [round], versions: [version], now: () => now });
    const url = URL.createObjectURL(new Blob([file], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setOutcome({ kind: "exported", count: outbox.length, name });
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (file === undefined) return;
    const parsed = parseUnsentFile(await file.text());
    input.value = "";
    if (!parsed.success) {
      setOutcome({ kind: "error", message: text.importErrors[parsed.issues[0].code] });
      return;
    }
    const { responses, refused } = parsed.data;
    try {
      const result = await store.importResponses(responses, pass);
      const refusedResponses = refused.filter((item) => item.what === "response").length;
      setOutcome({
        kind: "imported",
        message: text.importResult(
          result.added.length,
          result.duplicates.length,
          refusedResponses,
          result.conflicts.length,
        ),
        refused: refused.map(
          (item) =>
            `${text.importRefusedItem(text.importWhat[item.what], item.id ?? `#${item.index + 1}`)} ${item.issues
              .slice(0, 3)
              .map((issue) => formatIssue(issue, locale))
              .join(" ")}`,
        ),
      });
      void uploader.flush();
    } catch (error) {
      setOutcome({
        kind: "error",
        message: `${text.importFailed} ${isStorageError(error) ? messages[locale].storageError[error.code] : String(error)}`,
      });
    }
  }

  return (
    <section className="meeting-transfer" aria-labelledby="meeting-transfer-title">
      <h2 id="meeting-transfer-title">{text.transferTitle}</h2>
      <p>{text.transferIntro}</p>
      <p>
        <button
          type="button"
          className="meeting-button meeting-button--primary"
          onClick={() => void exportUnsent()}
          disabled={unsent === 0}
        >
          {text.exportButton}
        </button>
      </p>
      <p className="meeting-file">
        <label htmlFor={inputId}>{text.importLabel}</label>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          onChange={(event) => void importFile(event)}
        />
      </p>
      <div role="status" className="meeting-transfer__outcome">
        {outcome === undefined ? null : outcome.kind === "exported" ? (
          <p>{text.exported(outcome.count, outcome.name)}</p>
        ) : outcome.kind === "imported" ? (
          <>
            <p>{outcome.message}</p>
            {outcome.refused.length > 0 ? (
              <ul>
                {outcome.refused.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : (
          <p>{outcome.message}</p>
        )}
      </div>
    </section>
  );
}
