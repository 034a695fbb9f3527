import type { Locale } from "./messages.js";

const tags: Record<Locale, string> = { da: "da-DK", en: "en-GB" };

/** A share (0.42) as a whole percentage: "42 %" in Danish, "42%" in English. */
export function formatPercent(share: number, locale: Locale): string {
  return new Intl.NumberFormat(tags[locale], { style: "percent", maximumFractionDigits: 0 }).format(
    share,
  );
}

/** A change in share (0.14) as signed percentage points: "+14". */
export function formatPoints(change: number, locale: Locale): string {
  return new Intl.NumberFormat(tags[locale], {
    maximumFractionDigits: 0,
    signDisplay: "exceptZero",
  }).format(change * 100);
}

export function formatNumber(
  value: number,
  locale: Locale,
  options: { readonly digits?: number; readonly signed?: boolean } = {},
): string {
  const digits = options.digits ?? 0;
  return new Intl.NumberFormat(tags[locale], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    ...(options.signed === true ? { signDisplay: "exceptZero" as const } : {}),
  }).format(value);
}

/** Rates keep the decimals of the report's step (0.5 → one decimal), no more. */
export function formatRate(perThousand: number, step: number, locale: Locale): string {
  const digits = step >= 1 ? 0 : 1;
  return formatNumber(perThousand, locale, { digits });
}

/** The day of an ISO timestamp as the meeting reads it, in Danish time. */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(tags[locale], {
    dateStyle: "long",
    timeZone: "Europe/Copenhagen",
  }).format(date);
}

/** A moment as a person reads it in the audit trail, in Danish time: "14. mar. 2027 09.05". */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(tags[locale], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Copenhagen",
  }).format(date);
}
