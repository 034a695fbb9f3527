import type { Locale } from "@klynge/engine";
import { da } from "./locales/da.js";
import { en } from "./locales/en.js";
import type { ReportMessages } from "./locales/reportCatalogue.js";

export type { ReportMessages };

/** Every word of the report's view-model and shared components, one file per locale (`locales/`). */
export const reportMessages: { readonly [L in Locale]: ReportMessages } = { da, en };
