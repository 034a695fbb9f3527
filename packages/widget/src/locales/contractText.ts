import { apiErrors } from "@klynge/engine/contract";
import type { Locale } from "./widgetMessages.js";

/**
 * The contract's sentence for `code`, when it is one of its codes. The frame's build puts
 * `contractTextLater.ts` in its place (vite.frame.config.ts), whose sentences come later.
 */
export function contractText(code: string | undefined, locale: Locale): string | undefined {
  if (code === undefined || !Object.hasOwn(apiErrors, code)) return undefined;
  return apiErrors[code as keyof typeof apiErrors][locale];
}
