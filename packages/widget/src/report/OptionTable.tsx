import type { Locale } from "@klynge/engine";
import { localize } from "@klynge/engine";
import type { ReactElement, ReactNode } from "react";
import { countText, shareText } from "./barText.js";
import type { BarValue, ChartGroup } from "./chartGroups.js";
import { type ReportMessages, reportMessages } from "./reportMessages.js";

export interface OptionTableProps {
  /** One chart group of `chartGroups`: a question, or one row of a matrix. */
  readonly group: ChartGroup;
  /** The report's round labels, one column pair (count, share) each. */
  readonly roundLabels: readonly string[];
  readonly locale: Locale;
  /** The words; default `reportMessages[locale]` (an app's catalogue that extends them will do). */
  readonly text?: ReportMessages;
  /** The table's caption; none when absent. */
  readonly caption?: string;
  /** Class names, so each app keeps its own look. */
  readonly className?: string;
  readonly captionClassName?: string;
  readonly numberClassName?: string;
  /** Draws a share cell from its value and its text; default the text ("42 %", "skjult"). */
  readonly renderShare?: (value: BarValue, shown: string) => ReactNode;
}

/** A chart group's figures as a table: count and share per option and round, "skjult" never 0. */
export function OptionTable(props: OptionTableProps): ReactElement {
  const { group, roundLabels, caption, locale, renderShare } = props;
  const { className, captionClassName, numberClassName } = props;
  const text = props.text ?? reportMessages[locale];
  const several = roundLabels.length > 1;
  return (
    <table className={className}>
      {caption === undefined ? null : <caption className={captionClassName}>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{text.option}</th>
          {roundLabels.map((round) => [
            <th key={`${round}-count`} scope="col" className={numberClassName}>
              {several ? `${round}: ${text.count.toLocaleLowerCase(locale)}` : text.count}
            </th>,
            <th key={`${round}-share`} scope="col" className={numberClassName}>
              {several ? `${round}: ${text.share.toLocaleLowerCase(locale)}` : text.share}
            </th>,
          ])}
        </tr>
      </thead>
      <tbody>
        {group.bars.map((bar) => {
          const label = localize(bar.label, locale);
          return (
            <tr key={bar.code}>
              <th scope="row" lang={label.lang}>
                {label.text}
              </th>
              {bar.values.map((value, i) => {
                const share = shareText(value, locale, text);
                return [
                  <td key={`${roundLabels[i]}-count`} className={numberClassName}>
                    {countText(value, text)}
                  </td>,
                  <td key={`${roundLabels[i]}-share`} className={numberClassName}>
                    {renderShare === undefined ? share : renderShare(value, share)}
                  </td>,
                ];
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
