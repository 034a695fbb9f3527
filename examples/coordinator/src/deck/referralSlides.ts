import type { ReferralRateReport } from "@klynge/engine";
import type PptxGenJS from "pptxgenjs";
import { formatRate } from "../format.js";
import type { CoordinatorMessages, Locale } from "../messages.js";
import { sentences } from "./figureNotes.js";
import {
  addFootnote,
  addHeading,
  bodyHeight,
  bodyTop,
  colours,
  contentWidth,
  fontFace,
  margin,
} from "./slideParts.js";

/** Offers per chart: grouped bars stay readable up to about four series. */
const offersPerSlide = 4;

/**
 * Referrals per 1,000 listed patients: practices (pseudonyms) as categories, one series per
 * offer, in a native chart. A withheld rate is a gap, named in the footnote as "færre end 5
 * henvisninger"; the report holds no ydernummer, and neither does the slide.
 */
export function addReferralSlides(
  pptx: PptxGenJS,
  referrals: ReferralRateReport,
  locale: Locale,
  text: CoordinatorMessages,
  period?: string,
): void {
  const step = formatRate(referrals.perThousandStep, referrals.perThousandStep, locale);
  for (let start = 0; start < referrals.offers.length; start += offersPerSlide) {
    const offers = referrals.offers.slice(start, start + offersPerSlide);
    const data = offers.map((offer) => ({
      name: offer.offer,
      labels: [...referrals.pseudonyms],
      values: referrals.pseudonyms.map((pseudonym) => {
        const rate = offer.practices.find((p) => p.pseudonym === pseudonym)?.rate;
        return rate?.status === "shown" ? rate.perThousand : null;
      }) as unknown as number[],
    }));
    const fewer = offers.flatMap((offer) =>
      offer.practices.flatMap((p) =>
        p.rate.status === "suppressed"
          ? [`${p.pseudonym} (${offer.offer}): ${text.referralFewer(p.rate.display, referrals.k)}`]
          : [],
      ),
    );
    const slide = pptx.addSlide();
    addHeading(
      slide,
      start === 0 ? text.referralTitle : `${text.referralTitle} ${text.deckContinued}`,
      text.referralIntro(step),
    );
    slide.addChart(pptx.ChartType.bar, data, {
      x: margin,
      y: bodyTop,
      w: contentWidth,
      h: bodyHeight - 0.75,
      barDir: "col",
      barGrouping: "clustered",
      catAxisLabelFontSize: 14,
      catAxisLabelColor: colours.text,
      valAxisLabelFontSize: 12,
      valAxisMinVal: 0,
      valAxisTitle: text.referralRate,
      showValAxisTitle: true,
      showValue: true,
      dataLabelFormatCode: referrals.perThousandStep < 1 ? "0.0" : "0",
      dataLabelPosition: "outEnd",
      dataLabelFontSize: 12,
      chartColors: [...colours.rounds, "2E6B2E"],
      showLegend: true,
      legendPos: "b",
      legendFontSize: 14,
    });
    // Where the figures come from and when: the file itself carries neither, so it is said.
    slide.addText(`${text.deckReferralSource} ${text.deckReferralPeriod(period)}`, {
      x: margin,
      y: bodyTop + bodyHeight - 0.7,
      w: contentWidth,
      h: 0.55,
      fontFace,
      fontSize: 13,
      color: colours.text,
      valign: "middle",
      fit: "shrink",
    });
    const note = text.deckReferralNote(referrals.k, step);
    addFootnote(slide, fewer.length === 0 ? note : `${fewer.join("; ")}. ${note}`);
    slide.addNotes(
      sentences([
        text.deckReferralSource,
        text.deckReferralPeriod(period),
        ...offers.map((offer) =>
          text.deckNotesReferral(
            offer.offer,
            offer.practices
              .map(
                (p) =>
                  `${p.pseudonym} ${
                    p.rate.status === "shown"
                      ? formatRate(p.rate.perThousand, referrals.perThousandStep, locale)
                      : text.referralFewer(p.rate.display, referrals.k)
                  }`,
              )
              .join("; "),
          ),
        ),
      ]),
    );
  }
}
