import { apiErrors } from "@klynge/engine/contract";
import type { Locale } from "./widgetMessages.js";

/** The contract's sentence for `code`, when it is one of its codes. */
export function contractText(code: string | undefined, locale: Locale): string | undefined {
  if (code === undefined || !Object.hasOwn(apiErrors, code)) return undefined;
  return apiErrors[code as keyof typeof apiErrors][locale];
}

export function httpDetail(detail: { readonly status: number; readonly detail: string }): string {
  return detail.detail ? `HTTP ${detail.status}: ${detail.detail}` : `HTTP ${detail.status}`;
}
