import * as z from "zod/mini";
import { type Report, reportSchema } from "../aggregation/report.js";
import { referralRateReportSchema } from "../referrals/referralRateReport.js";
import type { ReferralRateReport } from "../referrals/referralRates.js";
import { roundIdSchema } from "./ids.js";

/** `GET /api/report`: the rounds' report (k from the cluster's policy) and the referral rates. */
export const reportBundleSchema = z.object({
  report: reportSchema,
  /** From the last listed round that has a referral file; pseudonyms re-drawn per request. */
  referrals: z.nullable(referralRateReportSchema),
  generatedAt: z.iso.datetime({ offset: true }),
  /**
   * The report's rounds that took answers through an open link (anyone with the round's link),
   * to be marked «åbent link»: their respondents are not known to be the members invited.
   * Absent: none.
   */
  openLinkRounds: z.optional(z.array(roundIdSchema)),
});
export interface ReportBundle {
  readonly report: Report;
  readonly referrals: ReferralRateReport | null;
  readonly generatedAt: string;
  readonly openLinkRounds?: readonly string[];
}
