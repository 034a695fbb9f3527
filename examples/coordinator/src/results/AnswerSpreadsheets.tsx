import type { RoundEntry } from "@klynge/engine/contract";
import type { ReactElement } from "react";
import type { ApiClient } from "../api/createApiClient.js";
import type { AppServices } from "../appServices.js";
import type { Locale } from "../messages.js";
import { SpreadsheetDownload } from "../rounds/SpreadsheetDownload.js";
import { type Access, may } from "../session/access.js";

export interface AnswerSpreadsheetsProps {
  /** The cluster's rounds, as listed. */
  readonly entries: readonly RoundEntry[];
  /** The rounds shown, by id. */
  readonly shown: readonly string[];
  readonly access: Access;
  readonly client: ApiClient;
  readonly locale: Locale;
  readonly saveFile: AppServices["saveFile"];
}

/**
 * The spreadsheet of each shown round's answers, for its coordinator only (the municipality gets
 * the report, never raw answers); none for a round whose raw answers are deleted.
 */
export function AnswerSpreadsheets(props: AnswerSpreadsheetsProps): ReactElement | null {
  const { entries, shown, access, client, locale, saveFile } = props;
  if (!may.coordinate(access)) return null;
  const rounds = entries.filter((e) => shown.includes(e.round.id) && e.rawDeletedOn === null);
  if (rounds.length === 0) return null;
  return (
    <div className="coordinator-toolbar">
      {rounds.map((entry) => (
        <SpreadsheetDownload
          key={entry.round.id}
          round={entry.round}
          client={client}
          locale={locale}
          saveFile={saveFile}
          named={rounds.length > 1}
        />
      ))}
    </div>
  );
}
