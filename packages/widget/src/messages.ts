import { da } from "./locales/da.js";
import { en } from "./locales/en.js";
import type { Locale, WidgetMessages } from "./locales/widgetMessages.js";

/** The languages the widget speaks (the engine's); Danish is the default everywhere. */
export type { Locale, WidgetMessages };

/** Every user-facing word of the widget, one file per locale (`locales/`); code only looks them up. */
export const messages: { readonly [L in Locale]: WidgetMessages } = { da, en };
