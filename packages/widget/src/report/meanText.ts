import type { Locale, Mean } from "@klynge/engine";
import { formatNumber } from "./formatFigures.js";
import type { ReportMessages } from "./reportMessages.js";

/** "Gennemsnit: 3,5" or "Gennemsnit: skjult"; `null` where the round has no mean to speak of. */
export function meanText(mean: Mean | null, locale: Locale, text: ReportMessages): string | null {
  if (mean === null) return null;
  return mean.status === "shown"
    ? text.mean(formatNumber(mean.value, locale, { digits: 1 }))
    : text.meanHidden;
}
