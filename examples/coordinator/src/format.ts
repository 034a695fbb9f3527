import { formatNumber } from "@klynge/widget/report";
import type { Locale } from "./messages.js";

const tags: Record<Locale, string> = { da: "da-DK", en: "en-GB" };

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
