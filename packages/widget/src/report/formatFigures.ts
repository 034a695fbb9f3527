import type { Locale } from "@klynge/engine";

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

/** A number in the locale's way ("3,5" in Danish); `digits` decimals (default 0), `signed` adds "+". */
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
