import type { ReferralRateReport, Report } from "@klynge/engine";
import type { Locale } from "../messages.js";

/** What a deck is made from: the collector's report bundle and the language of the slides. */
export interface DeckInput {
  readonly report: Report;
  readonly referrals: ReferralRateReport | null;
  readonly locale: Locale;
  /** When the report was computed (ISO 8601); the title slide's date. */
  readonly generatedAt: string;
}
