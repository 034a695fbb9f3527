import * as z from "zod/mini";
import { type Report, reportSchema } from "../aggregation/report.js";
import type { MeetingPlan } from "../clusterPackage/clusterPackage.js";
import type { LocalizedText } from "../questionnaire/primitives.js";
import { referralRateReportSchema } from "../referrals/referralRateReport.js";
import type { ReferralRateReport } from "../referrals/referralRates.js";
import { planReplySchema } from "./clusterPackageEntry.js";
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
  /** The last listed round's meeting plan (as its coordinator left it); null when it has none. */
  plan: z.optional(z.nullable(planReplySchema)),
  /** The title of the package that plan came from. */
  packageTitle: z.optional(z.object({ da: z.string(), en: z.optional(z.string()) })),
});
export interface ReportBundle {
  readonly report: Report;
  readonly referrals: ReferralRateReport | null;
  readonly generatedAt: string;
  readonly openLinkRounds?: readonly string[];
  readonly plan?: MeetingPlan | null;
  readonly packageTitle?: LocalizedText;
}
