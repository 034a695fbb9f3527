import type { OfferReferralRates, ReferralRateReport } from "@klynge/engine";
import { type ReactElement, useId, useState } from "react";
import { Bar, BarChart, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { formatRate } from "../format.js";
import type { CoordinatorMessages, Locale } from "../messages.js";
import { chartLayout } from "./chartLayout.js";
import { BarShape, roundColours } from "./OptionChart.js";
import { ScrollBox } from "./ScrollBox.js";

export interface ReferralSectionProps {
  readonly referrals: ReferralRateReport | null;
  readonly locale: Locale;
  readonly text: CoordinatorMessages;
  readonly chartWidth?: number;
}

/**
 * The figure of one practice as the meeting reads it: its rate, or the engine's `display` ("<5")
 * worded as what it means, fewer than 5 referrals (never a rate below 5 per 1,000).
 */
export function referralFigureText(
  practice: OfferReferralRates["practices"][number],
  referrals: ReferralRateReport,
  locale: Locale,
  text: CoordinatorMessages,
): string {
  const rate = practice.rate;
  return rate.status === "shown"
    ? formatRate(rate.perThousand, referrals.perThousandStep, locale)
    : text.referralFewer(rate.display, referrals.k);
}

function OfferChart(props: {
  readonly offer: OfferReferralRates;
  readonly referrals: ReferralRateReport;
  readonly locale: Locale;
  readonly text: CoordinatorMessages;
  readonly width: number;
}): ReactElement {
  const { offer, referrals, locale, text } = props;
  const [width, setWidth] = useState(props.width);
  const layout = chartLayout(width, { category: 120, label: 200 }, { category: 64, label: 112 });
  const data = offer.practices.map((practice) => ({
    pseudonym: practice.pseudonym,
    // A withheld rate is no bar at the axis, labelled "færre end 5 henvisninger".
    rate: practice.rate.status === "shown" ? practice.rate.perThousand : 0,
    label: referralFigureText(practice, referrals, locale, text),
  }));
  const height = 56 + data.length * 36;
  return (
    <div className="coordinator-chart" role="img" aria-label={text.chartOf(offer.offer)}>
      <ResponsiveContainer
        width="100%"
        height={height}
        initialDimension={{ width: props.width, height }}
        onResize={(measured) => setWidth(measured)}
      >
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 8, right: layout.labelRoom, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <XAxis
            type="number"
            tick={{ fill: "#1a1a1a" }}
            allowDecimals={referrals.perThousandStep < 1}
          />
          <YAxis
            type="category"
            dataKey="pseudonym"
            width={layout.categoryWidth}
            tick={{ fill: "#1a1a1a" }}
          />
          <Bar dataKey="rate" fill={roundColours[0]} isAnimationActive={false} shape={BarShape}>
            <LabelList dataKey="label" position="right" fill="#1a1a1a" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Referrals per 1,000 listed patients, per offer and practice pseudonym: never a ydernummer. */
export function ReferralSection(props: ReferralSectionProps): ReactElement {
  const { referrals, locale, text, chartWidth = 720 } = props;
  const titleId = useId();
  return (
    <section className="coordinator-referrals" aria-labelledby={titleId}>
      <h2 id={titleId}>{text.referralTitle}</h2>
      {referrals === null ? (
        <p>{text.referralNone}</p>
      ) : (
        <>
          <p>
            {text.referralIntro(
              formatRate(referrals.perThousandStep, referrals.perThousandStep, locale),
            )}
          </p>
          {referrals.offers.map((offer) => (
            <div key={offer.offer} className="coordinator-group">
              <h3>{offer.offer}</h3>
              <div className="coordinator-figures">
                <OfferChart
                  offer={offer}
                  referrals={referrals}
                  locale={locale}
                  text={text}
                  width={chartWidth}
                />
                <ScrollBox label={`${text.referralTitle}: ${offer.offer}`}>
                  <table className="coordinator-table">
                    <caption className="coordinator-visually-hidden">
                      {text.referralTitle}: {offer.offer}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{text.referralPractice}</th>
                        <th scope="col" className="coordinator-number">
                          {text.referralRate}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {offer.practices.map((practice) => (
                        <tr key={practice.pseudonym}>
                          <th scope="row">{practice.pseudonym}</th>
                          <td className="coordinator-number">
                            {referralFigureText(practice, referrals, locale, text)}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                    <tfoot>
                      <tr>
                        <th scope="row">{text.referralAverage}</th>
                        <td className="coordinator-number">
                          {offer.averageRate.status === "shown"
                            ? formatRate(
                                offer.averageRate.perThousand,
                                referrals.perThousandStep,
                                locale,
                              )
                            : text.referralAverageHidden(referrals.k)}
                        </td>
                      </tr>
                    </tfoot>
                  </table>
                </ScrollBox>
              </div>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
