import type { QuestionReport } from "@klynge/engine";
import { conditionLines } from "@klynge/widget/report";
import type { DeckContext } from "./deckContext.js";

/**
 * A slide's subtitle with a conditional question's lines before it ("Spurgt dem, der svarede «Ja»
 * på «…». · Spurgt 3 af 4 · Besvaret af 3"), as the results page shows them.
 */
export function withCondition(
  c: DeckContext,
  question: QuestionReport,
  subtitle: string | undefined,
): string {
  const lines = conditionLines(question, c.report.rounds, c.report.k, c.locale, c.text);
  return [...lines, ...(subtitle === undefined || subtitle === "" ? [] : [subtitle])].join(" · ");
}
