import { seededShuffle } from "../internal/seededShuffle.js";
import type { ReferralRow } from "./referralRow.js";

/** Shorter seeds are easy to guess, and a guessed seed plus the cluster's ydernumre undoes the pseudonyms. */
export const minimumSeedLength = 16;

/** "Praksis A" … "Praksis Z", then "Praksis AA", "Praksis AB", … (as spreadsheet columns count). */
export function pseudonymLabel(index: number, prefix = "Praksis"): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${prefix} ${letters}`;
}

/**
 * Practice id → pseudonym, drawn by a seeded shuffle of the ids sorted by code unit, so the
 * result depends on the set of practices and the seed only, never on row order.
 */
export function drawPseudonyms(
  practices: Iterable<string>,
  seed: string,
  prefix = "Praksis",
): Map<string, string> {
  if (seed.length < minimumSeedLength) {
    throw new RangeError(
      `The pseudonym seed must have at least ${minimumSeedLength} characters (got ${seed.length}); ` +
        "pass a fresh random value per report, e.g. a UUID from your id generator.",
    );
  }
  const sorted = [...new Set(practices)].sort(compareCodeUnits);
  const shuffled = seededShuffle(sorted, seed, "klynge/pseudonyms/v1");
  return new Map(shuffled.map((practice, i) => [practice, pseudonymLabel(i, prefix)]));
}

export interface PseudonymKeyEntry {
  readonly pseudonym: string;
  readonly practice: string;
}

/**
 * FOR THE COORDINATOR ONLY: which ydernummer hides behind each pseudonym of the report made
 * with the same rows and seed. Whoever holds this key (or the seed and the list of ydernumre)
 * can re-identify every practice, so keep it out of the deck, the report and shared folders.
 */
export function pseudonymKey(
  rows: readonly ReferralRow[],
  seed: string,
  options: { pseudonymPrefix?: string } = {},
): PseudonymKeyEntry[] {
  const pseudonyms = drawPseudonyms(
    rows.map((r) => r.practice),
    seed,
    options.pseudonymPrefix,
  );
  return [...pseudonyms].map(([practice, pseudonym]) => ({ pseudonym, practice }));
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
