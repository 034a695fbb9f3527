import { answersFileName } from "@klynge/engine/contract";
import { type ReactElement, useId, useState } from "react";
import { type ActionOutcome, ActionOutcomeRegion } from "../ActionOutcome.js";
import { refusalOf } from "../api/apiResult.js";
import type { ApiClient } from "../api/createApiClient.js";
import type { AppServices } from "../appServices.js";
import type { Locale } from "../messages.js";
import { roundMessages } from "./roundMessages.js";

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface SpreadsheetDownloadProps {
  readonly round: { readonly id: string; readonly label: string };
  readonly client: ApiClient;
  readonly locale: Locale;
  readonly saveFile: AppServices["saveFile"];
  /** Names the round on the button, where several rounds' buttons stand together. Default false. */
  readonly named?: boolean;
}

/** "Hent svarene som regneark (Excel)": a round's answers in words, with a codebook sheet. */
export function SpreadsheetDownload(props: SpreadsheetDownloadProps): ReactElement {
  const { round, client, locale, saveFile, named = false } = props;
  const text = roundMessages[locale];
  const hintId = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);

  async function download(): Promise<void> {
    setBusy(true);
    setOutcome(null);
    const result = await client.call("exportResponsesXlsx", { params: { round: round.id } });
    setBusy(false);
    if (!result.success) {
      setOutcome({ kind: "failed", lead: text.spreadsheetFailed, error: refusalOf(result) });
      return;
    }
    const fileName = answersFileName(round.label);
    saveFile(fileName, result.data, xlsxType);
    setOutcome({ kind: "done", text: text.spreadsheetSaved(fileName) });
  }

  return (
    <div className="coordinator-download">
      <button
        type="button"
        className="coordinator-button"
        disabled={busy}
        aria-describedby={hintId}
        onClick={() => void download()}
      >
        {busy
          ? text.downloadingSpreadsheet
          : named
            ? text.downloadSpreadsheetOf(round.label)
            : text.downloadSpreadsheet}
      </button>
      <p id={hintId} className="coordinator-hint">
        {text.spreadsheetHint}
      </p>
      <ActionOutcomeRegion outcome={outcome} locale={locale} />
    </div>
  );
}
