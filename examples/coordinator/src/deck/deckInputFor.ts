import type { ReplyOf } from "@klynge/engine/contract";
import type { Locale } from "../messages.js";
import type { DeckInput } from "./deckInput.js";

type ReportBundle = ReplyOf<"report">;

/**
 * What "Hent PowerPoint" builds the deck from: the report bundle as the collector sent it, with
 * the last round's meeting plan as the collector keeps it (null: the round's questionnaire is
 * from no cluster package, and the deck shows the questions in order).
 */
export function deckInputFor(bundle: ReportBundle, locale: Locale): DeckInput {
  return {
    report: bundle.report,
    referrals: bundle.referrals,
    generatedAt: bundle.generatedAt,
    locale,
    plan: bundle.plan ?? null,
    ...(bundle.packageTitle === undefined
      ? {}
      : { packageTitle: bundle.packageTitle[locale] ?? bundle.packageTitle.da }),
  };
}
