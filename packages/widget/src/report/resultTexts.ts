import type { QuestionRoundResult, Texts } from "@klynge/engine";

/** A round's written answers to a question: free-text answers, or the "Andet" texts of a list. */
export interface ResultTexts {
  readonly kind: "texts" | "other";
  readonly texts: Texts;
}

/**
 * The texts a question's result in one round has, if any: the one place that knows which result
 * types carry texts (a free-text question its answers, a single or multiple choice its "Andet"
 * texts), so the results page, the deck and the tablet list the same ones.
 */
export function resultTexts(result: QuestionRoundResult): ResultTexts | null {
  switch (result.type) {
    case "text":
      return { kind: "texts", texts: result.texts };
    case "single":
    case "multi":
      return { kind: "other", texts: result.otherTexts };
    default:
      return null;
  }
}

/** The heading of a round's texts: "Fritekstsvar" or "Andet (fritekst)". */
export function resultTextsTitle(
  texts: ResultTexts,
  text: { readonly textsTitle: string; readonly otherTextsTitle: string },
): string {
  return texts.kind === "texts" ? text.textsTitle : text.otherTextsTitle;
}
