import type { Locale } from "../messages.js";
import { da } from "./locales/da.js";
import type { EditorMessages } from "./locales/editorCatalogue.js";
import { en } from "./locales/en.js";

export type { EditorMessages };

/** Every word of the editor, one file per locale (`locales/`). */
export const editorMessages: { readonly [L in Locale]: EditorMessages } = { da, en };
