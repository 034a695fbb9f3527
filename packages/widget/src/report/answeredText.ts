import type { Answered } from "./chartGroups.js";
import type { ReportMessages } from "./reportMessages.js";

/** How many answered a question (row) in a round, or why that is not shown. */
export function answeredText(answered: Answered, k: number, text: ReportMessages): string {
  if (answered === null) return text.notAsked;
  if (answered.status === "suppressed") return text.hiddenFew(k);
  if (answered.value === 0) return text.nobodyAnswered;
  return text.answered(String(answered.value));
}
