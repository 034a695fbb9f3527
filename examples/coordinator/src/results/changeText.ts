import type { ComparisonLine } from "../comparisonLines.js";
import { formatNumber, formatPercent, formatPoints } from "../format.js";
import type { CoordinatorMessages, Locale } from "../messages.js";

export interface ChangeCells {
  readonly baseline: string;
  readonly followUp: string;
  readonly change: string;
}

/** A comparison line as the three cells a table or a slide shows: the engine's figures, formatted. */
export function changeCells(
  line: ComparisonLine,
  locale: Locale,
  text: CoordinatorMessages,
): ChangeCells {
  const change = line.change;
  if (change.status === "suppressed") {
    return { baseline: text.hidden, followUp: text.hidden, change: text.hidden };
  }
  if (line.kind === "mean") {
    return {
      baseline: formatNumber(change.baseline, locale, { digits: 1 }),
      followUp: formatNumber(change.followUp, locale, { digits: 1 }),
      change: formatNumber(change.change, locale, { digits: 1, signed: true }),
    };
  }
  return {
    baseline: formatPercent(change.baseline, locale),
    followUp: formatPercent(change.followUp, locale),
    change: text.pp(formatPoints(change.change, locale)),
  };
}
