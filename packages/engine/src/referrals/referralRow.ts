/**
 * One line of a municipality's referral data: how many patients one practice referred to one
 * offer, and how many patients are listed with that practice.
 */
export interface ReferralRow {
  /** The provider number (ydernummer), opaque: "012345" and "12345" are different practices. */
  readonly practice: string;
  /** Offer or diagnosis group as the municipality names it, e.g. "Diabetes", "KOL", "Lænd/ryg". */
  readonly offer: string;
  readonly referrals: number;
  /** Patients listed with the practice (tilknyttede patienter); at least 1. */
  readonly listedPatients: number;
}

/** Offer names are compared without case and extra spaces, so "KOL" and " kol " are one offer. */
export function offerKey(offer: string): string {
  return offer.trim().replace(/\s+/g, " ").toLowerCase();
}
