import type { Report } from "@klynge/engine";
import type PptxGenJS from "pptxgenjs";
import type { CoordinatorMessages, Locale } from "../messages.js";

/** What every slide-making function of one deck shares. */
export interface DeckContext {
  readonly pptx: PptxGenJS;
  readonly report: Report;
  readonly locale: Locale;
  readonly text: CoordinatorMessages;
  readonly roundLabels: readonly string[];
}
