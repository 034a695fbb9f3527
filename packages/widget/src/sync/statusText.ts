import { type Locale, messages } from "../messages.js";
import type { SyncStatus } from "./syncStatus.js";

/**
 * What storage can promise where the widget runs: "device" (first-party: kept until sent) or
 * "browser" (a third-party iframe: the browser may partition or clear it, and it is sent only
 * while a page with the widget is open).
 */
export type StorageGuarantee = "device" | "browser";

/**
 * The one line to show for `status`: offline first, then the last error, then what is left.
 * `guarantee` "tab": IndexedDB was refused, so what is not sent is only in this page's memory.
 */
export function statusText(
  status: SyncStatus,
  locale: Locale,
  guarantee: StorageGuarantee | "tab" = "device",
): string {
  const text = messages[locale].sync;
  if (guarantee === "tab" && status.pending > 0) {
    return status.online ? text.onlyInTab(status.pending) : text.offlineInTab(status.pending);
  }
  if (guarantee === "browser" && status.pending > 0) {
    // Never the offline-safe promise: say what is true, whatever the cause.
    return status.online
      ? text.onlyInBrowser(status.pending)
      : text.offlineInBrowser(status.pending);
  }
  if (!status.online && status.pending > 0) return text.offline(status.pending);
  if (status.lastError !== undefined) return text.error(status.lastError);
  if (status.pending > 0) return text.waiting(status.pending);
  const notSent = status.conflict + status.failed;
  if (notSent > 0) return text.notSent(notSent);
  return text.allSent;
}
