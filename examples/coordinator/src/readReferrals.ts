import type { ReferralFigure, ReferralRateReport, ReferralRateSummary } from "@klynge/engine";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

function isFigure(value: unknown): value is ReferralFigure {
  if (!isRecord(value)) return false;
  if (value.status === "shown") return isNumber(value.perThousand);
  return value.status === "suppressed" && typeof value.display === "string";
}

function isSummary(value: unknown): value is ReferralRateSummary {
  if (!isRecord(value)) return false;
  return value.status === "shown" ? isNumber(value.perThousand) : value.status === "suppressed";
}

/**
 * Checks the shape of a `ReferralRateReport` received from the collector (the engine has no
 * schema for it); `undefined` when it is not one. Nothing is recomputed.
 */
export function readReferrals(value: unknown): ReferralRateReport | undefined {
  if (!isRecord(value) || !isNumber(value.k) || !isNumber(value.perThousandStep)) return undefined;
  const { pseudonyms, offers } = value;
  if (!Array.isArray(pseudonyms) || !pseudonyms.every((p) => typeof p === "string")) {
    return undefined;
  }
  if (!Array.isArray(offers)) return undefined;
  const valid = offers.every(
    (offer) =>
      isRecord(offer) &&
      typeof offer.offer === "string" &&
      isSummary(offer.averageRate) &&
      Array.isArray(offer.practices) &&
      offer.practices.every(
        (p: unknown) => isRecord(p) && typeof p.pseudonym === "string" && isFigure(p.rate),
      ),
  );
  return valid ? (value as unknown as ReferralRateReport) : undefined;
}
