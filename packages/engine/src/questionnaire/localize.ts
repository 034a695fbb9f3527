import type { LocalizedText } from "./primitives.js";

/** The languages of every text: Danish first (always there), English second. */
export type Locale = "da" | "en";

/** A text the engine wrote, in both of its languages. */
export interface LocalizedMessage {
  readonly da: string;
  readonly en: string;
}

export interface LocalizedString {
  readonly text: string;
  /** The language the text is actually in: Danish when the English text is missing. */
  readonly lang: Locale;
}

/** Picks the text for `locale`, falling back to Danish, which every text has. */
export function localize(text: LocalizedText, locale: Locale): LocalizedString {
  if (locale === "en" && text.en !== undefined) return { text: text.en, lang: "en" };
  return { text: text.da, lang: "da" };
}
