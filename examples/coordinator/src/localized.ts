import type { LocalizedText } from "@klynge/engine";
import type { Locale } from "./messages.js";

export interface LocalizedString {
  readonly text: string;
  /** The language the text is in: Danish when the English text is missing. */
  readonly lang: Locale;
}

/**
 * Picks the text for `locale`, falling back to Danish, which every text has. The widget has the
 * same helper; this copy keeps the deck builder free of React and SurveyJS, so it runs in Node.
 */
export function localized(text: LocalizedText, locale: Locale): LocalizedString {
  if (locale === "en" && text.en !== undefined) return { text: text.en, lang: "en" };
  return { text: text.da, lang: "da" };
}
