import { compareCodeUnits, drawPseudonyms } from "./pseudonyms.js";
import { offerKey, type ReferralRow } from "./referralRow.js";
import type { SuppressionReason } from "./report.js";
import { defaultK, minimumK } from "./suppressCells.js";

/** A figure that is shown, or withheld with the text to print in its place (e.g. "<5"). */
export type ReferralFigure =
  | { readonly status: "shown"; readonly value: number }
  | { readonly status: "suppressed"; readonly reason: SuppressionReason; readonly display: string };

export interface PracticeReferralRate {
  readonly pseudonym: string;
  readonly referrals: ReferralFigure;
  /** Referrals per 1,000 listed patients, one decimal; withheld with its count. */
  readonly perThousand: ReferralFigure;
}

export interface OfferReferralRates {
  readonly offer: string;
  /** The practices with a row for this offer, in pseudonym order. */
  readonly practices: readonly PracticeReferralRate[];
  /** All the cluster's referrals per 1,000 of all its listed patients, one decimal. */
  readonly clusterPerThousand: ReferralFigure;
  /** Mean of the shown practice rates (unrounded, then one decimal); null when none is shown. */
  readonly averagePerThousand: number | null;
  /** How many practice rates the mean is over; withheld rates are left out of it. */
  readonly practicesInAverage: number;
}

export interface ReferralRateReport {
  readonly k: number;
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
  /** Counts from 1 to k−1 are shown as "<k" and their rates withheld. Default 5, at least 3. */
  k?: number;
  /** Default "Praksis". */
  pseudonymPrefix?: string;
}

/**
 * Referrals per 1,000 listed patients per practice and offer, with the practices under
 * pseudonyms re-drawn from `seed`. The output holds no ydernummer and no list size, and the
 * pseudonym → ydernummer key is not part of it (see `pseudonymKey`). Rows are expected to come
 * from `parseReferralCsv`; invalid rows are a programmer error and throw.
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

  const byOffer = new Map<string, ReferralRow[]>();
  for (const row of rows) {
    const key = offerKey(row.offer);
    const group = byOffer.get(key);
    if (group) group.push(row);
    else byOffer.set(key, [row]);
  }

  const offers = [...byOffer.entries()]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([, group]) => rateOffer(group, k, pseudonyms, order));
  return { k, pseudonyms: [...order.keys()], offers };
}

function rateOffer(
  group: readonly ReferralRow[],
  k: number,
  pseudonyms: ReadonlyMap<string, string>,
  order: ReadonlyMap<string, number>,
): OfferReferralRates {
  const practices = group
    .map((row): PracticeReferralRate => {
      const pseudonym = pseudonyms.get(row.practice) as string;
      if (isSmall(row.referrals, k)) {
        return {
          pseudonym,
          referrals: withheld("small_cell", k),
          perThousand: withheld("derived", k),
        };
      }
      return {
        pseudonym,
        referrals: { status: "shown", value: row.referrals },
        perThousand: { status: "shown", value: perThousand(row.referrals, row.listedPatients) },
      };
    })
    .sort((a, b) => (order.get(a.pseudonym) ?? 0) - (order.get(b.pseudonym) ?? 0));

  const totalReferrals = sum(group.map((r) => r.referrals));
  const totalListed = sum(group.map((r) => r.listedPatients));
  const shown = group.filter((r) => !isSmall(r.referrals, k));
  const mean = sum(shown.map((r) => (r.referrals * 1000) / r.listedPatients)) / shown.length;

  return {
    // Every spelling of one offer key sorts the same; the first in code units is the label.
    offer: group.map((r) => r.offer.trim().replace(/\s+/g, " ")).sort(compareCodeUnits)[0] ?? "",
    practices,
    clusterPerThousand: isSmall(totalReferrals, k)
      ? withheld("small_cell", k)
      : { status: "shown", value: perThousand(totalReferrals, totalListed) },
    averagePerThousand: shown.length === 0 ? null : Math.round(mean * 10) / 10,
    practicesInAverage: shown.length,
  };
}

function isSmall(count: number, k: number): boolean {
  return count > 0 && count < k;
}

function withheld(reason: SuppressionReason, k: number): ReferralFigure {
  return { status: "suppressed", reason, display: `<${k}` };
}

/** count / listed × 1000 to one decimal, rounded half up in integers so 0.05 never drifts. */
function perThousand(count: number, listed: number): number {
  const twice = count * 20_000 + listed;
  return (twice - (twice % (2 * listed))) / (2 * listed) / 10;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function checkRows(rows: readonly ReferralRow[]): void {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const valid =
      row.practice.length > 0 &&
      Number.isSafeInteger(row.referrals) &&
      row.referrals >= 0 &&
      Number.isSafeInteger(row.listedPatients) &&
      row.listedPatients >= 1;
    if (!valid) {
      throw new RangeError(
        `referralRates: rows[${i}] needs a practice, referrals ≥ 0 and listedPatients ≥ 1 (whole numbers); ` +
          "read files with parseReferralCsv, which reports such rows as issues.",
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
