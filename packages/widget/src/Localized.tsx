import type { LocalizedText } from "@klynge/engine";
import { localize } from "./localize.js";
import type { Locale } from "./messages.js";

export interface LocalizedProps {
  readonly text: LocalizedText;
  readonly locale: Locale;
}

/** A text in the wanted locale; a Danish fallback is marked with `lang="da"` for screen readers. */
export function Localized({ text, locale }: LocalizedProps) {
  const value = localize(text, locale);
  return value.lang === locale ? value.text : <span lang={value.lang}>{value.text}</span>;
}
