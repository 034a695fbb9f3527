import type { Locale } from "@klynge/engine";
import { localize } from "@klynge/engine";
import type { ComparisonLine, SideFigure } from "./comparisonView.js";
import { formatNumber, formatPercent, formatPoints } from "./formatFigures.js";
import type { ReportMessages } from "./reportMessages.js";

export interface ChangeCells {
  /** What the line is about: "Rækken – Svaret", or the mean. */
  readonly label: string;
  readonly baseline: string;
  readonly followUp: string;
  readonly change: string;
  /** Why the change is not shown, in the coordinator's words; absent when it is shown. */
  readonly why?: string;
}

/** The line's name: the matrix row and the option, or the mean. */
function lineLabel(line: ComparisonLine, locale: Locale, text: ReportMessages): string {
  return [
    line.row === undefined ? null : localize(line.row, locale).text,
    line.option === undefined ? text.meanRow : localize(line.option, locale).text,
  ]
    .filter((part) => part !== null)
    .join(" – ");
}

function sideText(
  side: SideFigure,
  kind: ComparisonLine["kind"],
  locale: Locale,
  text: ReportMessages,
): string {
  if (side.status === "suppressed") return text.hidden;
  if (side.status === "none") return "–";
  return kind === "mean"
    ? formatNumber(side.value, locale, { digits: 1 })
    : formatPercent(side.value, locale);
}

/** Why a withheld change is not shown: the side (or sides) the question tables also withhold. */
export function withheldWhy(line: ComparisonLine, k: number, text: ReportMessages): string {
  const which = line.withheld ?? "both";
  const suppressed = [line.baseline, line.followUp].some((s) => s.status === "suppressed");
  if (!suppressed) return text.changeWhyNobody;
  if (line.kind === "mean") {
    const reasons = [line.baseline, line.followUp].flatMap((s) =>
      s.status === "suppressed" ? [s.reason] : [],
    );
    return reasons.every((r) => r === "few_respondents")
      ? text.changeWhyMeanFew(which, k)
      : text.changeWhyMean(which, k);
  }
  return text.changeWhyShare(which);
}

/**
 * A comparison line as the cells a table or a slide shows: the engine's figures, formatted. A
 * withheld change keeps the side the question's table shows, and says why it has no change.
 */
export function changeCells(
  line: ComparisonLine,
  locale: Locale,
  text: ReportMessages,
  k: number,
): ChangeCells {
  const change = line.change;
  const label = lineLabel(line, locale, text);
  if (change.status === "suppressed") {
    return {
      label,
      baseline: sideText(line.baseline, line.kind, locale, text),
      followUp: sideText(line.followUp, line.kind, locale, text),
      change: text.hidden,
      why: withheldWhy(line, k, text),
    };
  }
  if (line.kind === "mean") {
    return {
      label,
      baseline: formatNumber(change.baseline, locale, { digits: 1 }),
      followUp: formatNumber(change.followUp, locale, { digits: 1 }),
      change: formatNumber(change.change, locale, { digits: 1, signed: true }),
    };
  }
  return {
    label,
    baseline: formatPercent(change.baseline, locale),
    followUp: formatPercent(change.followUp, locale),
    change: text.pp(formatPoints(change.change, locale)),
  };
}
