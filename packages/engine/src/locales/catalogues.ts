import type { Locale, LocalizedMessage } from "../questionnaire/localize.js";
import type { Catalogue } from "./catalogue.js";
import { da } from "./da.js";
import { en } from "./en.js";

export const catalogues: Readonly<Record<Locale, Catalogue>> = { da, en };

/** One text in both languages, for data that carries its words (a report's notes, an audit's findings). */
export function inBothLocales(words: (catalogue: Catalogue) => string): LocalizedMessage {
  return { da: words(da), en: words(en) };
}
