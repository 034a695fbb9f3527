import type { Locale } from "@klynge/engine";
import type { BarValue } from "./chartGroups.js";
import { formatPercent } from "./formatFigures.js";
import type { ReportMessages } from "./reportMessages.js";

/** What a bar or a table cell says: the share, or why there is none ("skjult", never 0). */
export function shareText(value: BarValue, locale: Locale, text: ReportMessages): string {
  switch (value.kind) {
    case "shown":
      return formatPercent(value.share, locale);
    case "hidden":
      return text.hidden;
    case "not_offered":
      return text.notOffered;
    case "none":
      return "–";
  }
}

/** What a count cell says: the count, or why there is none ("skjult", never 0). */
export function countText(value: BarValue, text: ReportMessages): string {
  switch (value.kind) {
    case "shown":
      return String(value.count);
    case "hidden":
      return text.hidden;
    case "not_offered":
      return text.notOffered;
    case "none":
      return "–";
  }
}
