import type { Locale } from "../messages.js";
import { syncMessages } from "./syncMessages.js";
import type { SyncStatus } from "./syncStatus.js";

/** The one line to show for `status`: offline first, then the last error, then what is left. */
export function statusText(status: SyncStatus, locale: Locale): string {
  const text = syncMessages[locale];
  if (!status.online && status.pending > 0) return text.offline(status.pending);
  if (status.lastError !== undefined) return status.lastError.message[locale];
  if (status.pending > 0) return text.waiting(status.pending);
  const notSent = status.conflict + status.failed;
  if (notSent > 0) return text.notSent(notSent);
  return text.allSent;
}
