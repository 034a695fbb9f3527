import type { Answered } from "./chartGroups.js";
import type { ReportMessages } from "./reportMessages.js";

/** How many answered a question (row) in a round, or why that is not shown. */
export function answeredText(answered: Answered, k: number, text: ReportMessages): string {
  if (answered === null) return text.notAsked;
  // Withheld as "derived" it may well be k or more: "fewer than k" would say what is not known.
  if (answered.status === "suppressed")
    return answered.reason === "few_respondents" ? text.hiddenFew(k) : text.hiddenDerived;
  if (answered.value === 0) return text.nobodyAnswered;
  return text.answered(String(answered.value));
}
