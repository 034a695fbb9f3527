import type { MeetingPlan, ReferralRateReport, Report } from "@klynge/engine";
import type { Locale } from "../messages.js";

/** What a deck is made from: the collector's report bundle and the language of the slides. */
export interface DeckInput {
  readonly report: Report;
  readonly referrals: ReferralRateReport | null;
  readonly locale: Locale;
  /** When the report was computed (ISO 8601); the title slide's date. */
  readonly generatedAt: string;
  /**
   * The meeting plan the deck follows (the round's plan as kept on the server, else the bank
   * package's). Absent or null: the deck has no programme and shows the questions in order.
   */
  readonly plan?: MeetingPlan | null;
  /** The package's title for the title slide, e.g. "Genoptræning og rehabilitering". */
  readonly packageTitle?: string;
  /**
   * The period the municipality's referral figures cover, as the coordinator words it (e.g.
   * "1. januar – 31. december 2026"); the referral file holds no period, so absent the slide
   * says so and asks the municipality.
   */
  readonly referralPeriod?: string;
}
