import type { Answered } from "./chartGroups.js";
import type { CoordinatorMessages } from "./messages.js";

/** How many answered a question (row) in a round, or why that is not shown. */
export function answeredText(answered: Answered, k: number, text: CoordinatorMessages): string {
  if (answered === null) return text.notAsked;
  if (answered.status === "suppressed") return text.hiddenFew(k);
  if (answered.value === 0) return text.nobodyAnswered;
  return text.answered(String(answered.value));
}
