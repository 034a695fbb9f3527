import * as z from "zod/mini";
import { referralRateReportSchema } from "../referralRateReport.js";
import type { ReferralRateReport } from "../referralRates.js";
import { type Report, reportSchema } from "../report.js";

/** `GET /api/report`: the rounds' report (k from the cluster's policy) and the referral rates. */
export const reportBundleSchema = z.object({
  report: reportSchema,
  /** From the last listed round that has a referral file; pseudonyms re-drawn per request. */
  referrals: z.nullable(referralRateReportSchema),
  generatedAt: z.iso.datetime({ offset: true }),
});
export interface ReportBundle {
  readonly report: Report;
  readonly referrals: ReferralRateReport | null;
  readonly generatedAt: string;
}
