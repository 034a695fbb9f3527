import * as z from "zod/mini";
import { parseWithSchema } from "../issues/fromZodIssues.js";
import type { Result } from "../issues/issue.js";
import type { ReferralRateReport } from "./referralRates.js";

/**
 * The referral report as other tools receive it (the collector's report bundle): rates only,
 * under pseudonyms. Checked by shape; nothing is recomputed.
 */
const rate = z.number().check(z.gte(0), z.lte(1_000));

const figureSchema = z.discriminatedUnion("status", [
  z.strictObject({ status: z.literal("shown"), perThousand: rate }),
  z.strictObject({
    status: z.literal("suppressed"),
    reason: z.literal("small_cell"),
    display: z.string().check(z.maxLength(20)),
  }),
]);

const summarySchema = z.discriminatedUnion("status", [
  z.strictObject({ status: z.literal("shown"), perThousand: rate }),
  z.strictObject({ status: z.literal("suppressed"), reason: z.literal("derived") }),
]);

export const referralRateReportSchema = z.strictObject({
  k: z.number().check(z.int(), z.gte(3)),
  perThousandStep: z.number().check(z.gt(0)),
  pseudonyms: z.array(z.string()),
  offers: z.array(
    z.strictObject({
      offer: z.string(),
      practices: z.array(z.strictObject({ pseudonym: z.string(), rate: figureSchema })),
      averageRate: summarySchema,
      clusterRate: z.exactOptional(summarySchema),
    }),
  ),
});

// What the schema accepts must be a ReferralRateReport (compile-time check).
const accepted = (report: z.output<typeof referralRateReportSchema>): ReferralRateReport => report;
void accepted;

export function parseReferralRateReport(input: unknown): Result<ReferralRateReport> {
  return parseWithSchema(referralRateReportSchema, input);
}
