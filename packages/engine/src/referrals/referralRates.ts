import { defaultK, minimumK } from "../anonymity/suppressCells.js";
import { referralLimits } from "./parseReferralCsv.js";
import { compareCodeUnits, drawPseudonyms } from "./pseudonyms.js";
import { offerKey, type ReferralRow } from "./referralRow.js";

/**
 * One practice's referrals per 1,000 listed patients in one offer, or withheld because the
 * practice referred 1 to k−1 patients. `display` ("<5") stands for "fewer than 5 referrals",
 * never for a rate below 5 per 1,000: word it "færre end 5 henvisninger" / "fewer than 5 referrals".
 */
export type ReferralFigure =
  | { readonly status: "shown"; readonly perThousand: number }
  | { readonly status: "suppressed"; readonly reason: "small_cell"; readonly display: string };

/** A rate over an offer's practices; withheld whenever one of their rates is. */
export type ReferralRateSummary =
  | { readonly status: "shown"; readonly perThousand: number }
  | { readonly status: "suppressed"; readonly reason: "derived" };

export interface PracticeReferralRate {
  readonly pseudonym: string;
  readonly rate: ReferralFigure;
}

export interface OfferReferralRates {
  readonly offer: string;
  /** The practices with a row for this offer, in pseudonym order. */
  readonly practices: readonly PracticeReferralRate[];
  /** The mean of the practices' rates as shown, rounded to the report's step. */
  readonly averageRate: ReferralRateSummary;
  /** Only with `includeClusterRate`: all referrals per 1,000 of all listed patients. */
  readonly clusterRate?: ReferralRateSummary;
}

export interface ReferralRateReport {
  readonly k: number;
  /** What every rate is rounded to, per 1,000 listed: 0.1, 0.2, 0.5, 1, 2, 5, 10, … */
  readonly perThousandStep: number;
  /** Every practice's pseudonym, in order ("Praksis A", "Praksis B", …). */
  readonly pseudonyms: readonly string[];
  /** Sorted by offer name (code units, ignoring case). */
  readonly offers: readonly OfferReferralRates[];
}

export interface ReferralRatesOptions {
  /**
   * Draws the pseudonyms; use a fresh random value per report (≥ 16 characters, e.g. a UUID)
   * and do not publish it: the seed and the ydernumre give back the mapping.
   */
  seed: string;
  /** Counts from 1 to k−1 are withheld, shown as "<k" (fewer than k referrals). Default 5, at least 3. */
  k?: number;
  /** Default "Praksis". */
  pseudonymPrefix?: string;
  /**
   * Adds each offer's pooled rate. Default false: it weighs the practice rates by list size, so
   * next to them it tells how the list sizes compare, and that can undo the pseudonyms.
   */
  includeClusterRate?: boolean;
}

/**
 * Referrals per 1,000 listed patients per practice and offer, with the practices under
 * pseudonyms re-drawn from `seed`. The output holds rates only: no count, no list size, no
 * ydernummer, and not the pseudonym → ydernummer key (see `pseudonymKey`). Rows are expected to
 * come from `parseReferralCsv`; invalid rows are a programmer error and throw.
 */
export function referralRates(
  rows: readonly ReferralRow[],
  options: ReferralRatesOptions,
): ReferralRateReport {
  const k = options.k ?? defaultK;
  if (!Number.isInteger(k) || k < minimumK) {
    throw new RangeError(`referralRates: k must be an integer of at least ${minimumK} (got ${k}).`);
  }
  checkRows(rows);
  const pseudonyms = drawPseudonyms(
    rows.map((r) => r.practice),
    options.seed,
    options.pseudonymPrefix,
  );
  const order = new Map([...pseudonyms.values()].map((p, i) => [p, i]));
  const tenths = stepInTenths(Math.min(...rows.map((r) => r.listedPatients)));

  const byOffer = new Map<string, ReferralRow[]>();
  for (const row of rows) {
    const key = offerKey(row.offer);
    const group = byOffer.get(key);
    if (group) group.push(row);
    else byOffer.set(key, [row]);
  }

  const context: OfferContext = {
    k,
    tenths,
    pseudonyms,
    order,
    includeClusterRate: options.includeClusterRate === true,
  };
  const offers = [...byOffer.entries()]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([, group]) => rateOffer(group, context));
  return { k, perThousandStep: tenths / 10, pseudonyms: [...order.keys()], offers };
}

interface OfferContext {
  readonly k: number;
  readonly tenths: number;
  readonly pseudonyms: ReadonlyMap<string, string>;
  readonly order: ReadonlyMap<string, number>;
  readonly includeClusterRate: boolean;
}

function rateOffer(group: readonly ReferralRow[], c: OfferContext): OfferReferralRates {
  const rated = group
    .map((row) => {
      const pseudonym = c.pseudonyms.get(row.practice) as string;
      if (row.referrals > 0 && row.referrals < c.k) {
        const rate: ReferralFigure = {
          status: "suppressed",
          reason: "small_cell",
          display: `<${c.k}`,
        };
        return { pseudonym, rate, units: null };
      }
      const units = roundedUnits(row.referrals * 10_000, row.listedPatients * c.tenths);
      const rate: ReferralFigure = { status: "shown", perThousand: (units * c.tenths) / 10 };
      return { pseudonym, rate, units };
    })
    .sort((a, b) => (c.order.get(a.pseudonym) ?? 0) - (c.order.get(b.pseudonym) ?? 0));

  // With one rate withheld, an average or pooled rate over all of them would give it back, and
  // one over the shown rates only would pass for the cluster's: either way it is withheld.
  const shownUnits = rated.flatMap((r) => (r.units === null ? [] : [r.units]));
  const anyWithheld = shownUnits.length < rated.length;
  const withheld: ReferralRateSummary = { status: "suppressed", reason: "derived" };
  const shownRate = (units: number): ReferralRateSummary => ({
    status: "shown",
    perThousand: (units * c.tenths) / 10,
  });

  // The average is of the rates as shown, so it tells nothing the practice rates do not.
  const averageRate = anyWithheld
    ? withheld
    : shownRate(roundedUnits(sum(shownUnits), shownUnits.length));
  const clusterRate = anyWithheld
    ? withheld
    : shownRate(
        roundedUnits(
          sum(group.map((r) => r.referrals)) * 10_000,
          sum(group.map((r) => r.listedPatients)) * c.tenths,
        ),
      );

  return {
    // Every spelling of one offer key sorts the same; the first in code units is the label.
    offer: group.map((r) => r.offer.trim().replace(/\s+/g, " ")).sort(compareCodeUnits)[0] ?? "",
    practices: rated.map(({ pseudonym, rate }) => ({ pseudonym, rate })),
    averageRate,
    ...(c.includeClusterRate ? { clusterRate } : {}),
  };
}

/**
 * The step, in tenths per 1,000: the finest of 0.1, 0.2, 0.5, 1, 2, 5, … that is at least one
 * referral's worth of rate in the smallest practice (step × listed ≥ 1,000). Then any list size
 * of the report fits any shown rate with some whole count, so rates compared across offers do
 * not tell which list size is behind a pseudonym; at a fixed 0.1 they did (README, Known limits).
 */
function stepInTenths(smallestListed: number): number {
  if (!Number.isFinite(smallestListed)) return 1;
  for (let decade = 1; ; decade *= 10) {
    for (const mantissa of [1, 2, 5]) {
      if (mantissa * decade * smallestListed >= 10_000) return mantissa * decade;
    }
  }
}

/** numerator / denominator rounded half up, in integers so that a .5 never drifts. */
function roundedUnits(numerator: number, denominator: number): number {
  const twice = 2 * numerator + denominator;
  return (twice - (twice % (2 * denominator))) / (2 * denominator);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function checkRows(rows: readonly ReferralRow[]): void {
  // The bounds of parseReferralCsv keep every sum below in exact integer range.
  if (rows.length > referralLimits.rows) {
    throw new RangeError(
      `referralRates: at most ${referralLimits.rows} rows (got ${rows.length}), as parseReferralCsv allows.`,
    );
  }
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const valid =
      row.practice.length > 0 &&
      Number.isSafeInteger(row.referrals) &&
      row.referrals >= 0 &&
      Number.isSafeInteger(row.listedPatients) &&
      row.listedPatients >= 1 &&
      row.listedPatients <= referralLimits.count &&
      row.referrals <= row.listedPatients;
    if (!valid) {
      throw new RangeError(
        `referralRates: rows[${i}] needs a practice and whole numbers 0 ≤ referrals ≤ listedPatients, ` +
          `1 ≤ listedPatients ≤ ${referralLimits.count}; read files with parseReferralCsv, which reports such rows as issues.`,
      );
    }
    const key = JSON.stringify([row.practice, offerKey(row.offer)]);
    if (seen.has(key)) {
      throw new RangeError(
        `referralRates: rows[${i}] repeats a practice and offer; each pair may occur once.`,
      );
    }
    seen.add(key);
  });
}
