import { localize } from "@klynge/engine";
import type { ReactElement } from "react";
import type { ChartGroup } from "../chartGroups.js";
import type { CoordinatorMessages, Locale } from "../messages.js";
import { countText, shareText } from "./barText.js";
import { ScrollBox } from "./ScrollBox.js";

export interface OptionTableProps {
  readonly group: ChartGroup;
  readonly roundLabels: readonly string[];
  readonly caption: string;
  readonly locale: Locale;
  readonly text: CoordinatorMessages;
}

/** The chart's figures as a table: count and share per option and round. */
export function OptionTable(props: OptionTableProps): ReactElement {
  const { group, roundLabels, caption, locale, text } = props;
  const several = roundLabels.length > 1;
  return (
    <ScrollBox label={caption}>
      <table className="coordinator-table">
        <caption className="coordinator-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.option}</th>
            {roundLabels.map((round) => [
              <th key={`${round}-count`} scope="col" className="coordinator-number">
                {several ? `${round}: ${text.count.toLocaleLowerCase(locale)}` : text.count}
              </th>,
              <th key={`${round}-share`} scope="col" className="coordinator-number">
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
                {bar.values.map((value, i) => [
                  <td key={`${roundLabels[i]}-count`} className="coordinator-number">
                    {countText(value, text)}
                  </td>,
                  <td key={`${roundLabels[i]}-share`} className="coordinator-number">
                    {shareText(value, locale, text)}
                  </td>,
                ])}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}
