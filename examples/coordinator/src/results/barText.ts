import type { BarValue } from "../chartGroups.js";
import { formatPercent } from "../format.js";
import type { CoordinatorMessages, Locale } from "../messages.js";

/** What a bar or a table cell says: the share, or why there is none ("skjult", never 0). */
export function shareText(value: BarValue, locale: Locale, text: CoordinatorMessages): string {
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

export function countText(value: BarValue, text: CoordinatorMessages): string {
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
