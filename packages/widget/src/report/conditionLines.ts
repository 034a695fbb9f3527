import {
  type Count,
  type Locale,
  localize,
  type QuestionReport,
  type RoundSummary,
} from "@klynge/engine";
import type { ReportMessages } from "./reportMessages.js";

/**
 * What a conditional question's results say about whom it was asked: the condition in words
 * ("Spurgt dem, der svarede «Ja» på «…».") and, per round that asked it, how many it was asked of
 * ("Spurgt 3 af 4", prefixed with the round's label when the report has several rounds). Empty for
 * a question asked of everyone. Every rendering (results page, deck, tablet) shows these lines, so
 * a share of those asked is not read as a share of all.
 */
export function conditionLines(
  question: QuestionReport,
  rounds: readonly RoundSummary[],
  k: number,
  locale: Locale,
  text: ReportMessages,
): string[] {
  const condition = question.shownIf;
  if (condition === undefined) return [];
  const several = question.perRound.length > 1;
  return [
    text.askedOnlyIf(
      condition.options.map((option) => localize(option, locale).text),
      localize(condition.text, locale).text,
    ),
    ...question.perRound.flatMap((result, i) => {
      if (result.type === "not_asked") return [];
      const round = rounds[i];
      const line = askedText(result.asked, round?.respondents, k, text);
      return [several && round !== undefined ? `${round.label}: ${line}` : line];
    }),
  ];
}

function askedText(asked: Count, respondents: Count | undefined, k: number, text: ReportMessages) {
  // Withheld as "derived" it may well be k or more: "fewer than k" would say what is not known.
  if (asked.status === "suppressed")
    return asked.reason === "few_respondents" ? text.askedHidden(k) : text.askedHiddenDerived;
  const of = respondents?.status === "shown" ? String(respondents.value) : undefined;
  return text.asked(String(asked.value), of);
}
