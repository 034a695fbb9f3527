import type { Report } from "@klynge/engine";
import { localize } from "@klynge/engine";
import { listPackages } from "@klynge/question-bank";
import type { Locale } from "../messages.js";
import type { DeckInput } from "./deckInput.js";

/**
 * The meeting plan and title of the bank package whose template asks most of the report's
 * questions, for a round that has no plan of its own on the server; nothing when no question
 * of the report is from the bank (the deck then shows the questions in order).
 */
export function bankPlanFor(
  report: Report,
  locale: Locale,
): Pick<DeckInput, "plan" | "packageTitle"> {
  const ids = new Set(report.questions.map((q) => q.id));
  let best: { score: number; pkg: ReturnType<typeof listPackages>[number] } | null = null;
  for (const pkg of listPackages()) {
    const score = pkg.template.questions.filter((q) => ids.has(q.id)).length;
    if (score > 0 && (best === null || score > best.score)) best = { score, pkg };
  }
  if (best === null) return {};
  return { plan: best.pkg.plan, packageTitle: localize(best.pkg.title, locale).text };
}
