import type { ReplyOf } from "@klynge/engine/contract";
import type { Locale } from "../messages.js";
import { bankPlanFor } from "./bankPlanFor.js";
import type { DeckInput } from "./deckInput.js";

type ReportBundle = ReplyOf<"report">;

/**
 * What "Hent PowerPoint" builds the deck from: the report bundle as the collector sent it, with
 * the round's meeting plan as kept on the server; a collector that sends no plan (older than
 * plans on the server) gets the bank package's.
 */
export function deckInputFor(bundle: ReportBundle, locale: Locale): DeckInput {
  return {
    report: bundle.report,
    referrals: bundle.referrals,
    generatedAt: bundle.generatedAt,
    locale,
    ...(bundle.plan === undefined
      ? bankPlanFor(bundle.report, locale)
      : {
          plan: bundle.plan,
          ...(bundle.packageTitle === undefined
            ? {}
            : { packageTitle: bundle.packageTitle[locale] ?? bundle.packageTitle.da }),
        }),
  };
}
