import { localize } from "@klynge/engine";
import {
  answeredText,
  type BarValue,
  type ChartGroup,
  formatNumber,
  formatPercent,
} from "@klynge/widget/report";
import type { DeckContext } from "./deckContext.js";

/**
 * Lines as sentences of one paragraph: pptxgenjs writes a note as one text run, where a line
 * break would not survive.
 */
export function sentences(lines: readonly string[]): string {
  return lines.map((line) => (/[.!?]$/.test(line) ? line : `${line}.`)).join(" ");
}

function figure(c: DeckContext, value: BarValue | undefined): string | null {
  if (value === undefined || value.kind === "none") return null;
  if (value.kind === "hidden") return c.text.hidden;
  if (value.kind === "not_offered") return c.text.deckNotOffered;
  return c.text.deckNotesCount(String(value.count), formatPercent(value.share, c.locale));
}

/**
 * The figures behind a slide's charts in words, for the speaker notes (and for anyone who
 * cannot see the chart): per round, how many answered, then each option's count and share, a
 * withheld one as "skjult".
 */
export function figureNotes(c: DeckContext, groups: readonly ChartGroup[]): string {
  const lines: string[] = [];
  for (const group of groups) {
    if (group.row !== undefined) lines.push(localize(group.row, c.locale).text);
    c.roundLabels.forEach((round, i) => {
      const answered = answeredText(group.answered[i] ?? null, c.report.k, c.text);
      const options = group.bars.flatMap((bar) => {
        const shown = figure(c, bar.values[i]);
        return shown === null
          ? []
          : [c.text.deckNotesOption(localize(bar.label, c.locale).text, shown)];
      });
      const mean = group.means[i];
      const parts = [
        answered,
        ...options,
        ...(mean === null || mean === undefined
          ? []
          : [
              c.text.deckNotesMean(
                mean.status === "shown"
                  ? formatNumber(mean.value, c.locale, { digits: 1 })
                  : c.text.hidden,
              ),
            ]),
      ];
      // "Skjult: færre end 5 har svaret." ends a sentence of its own: no ".;" after it.
      const joined = parts.map((part, j) =>
        j < parts.length - 1 ? part.replace(/\.$/, "") : part,
      );
      lines.push(`${round}: ${joined.join("; ")}`);
    });
  }
  return sentences(lines);
}
