import type { MeetingPlan } from "./clusterPackage.js";

/**
 * The questions no block of the plan discusses, in the order given: a package's template
 * questions, or a report's (with a cluster's own questions and those of an earlier round), for a
 * block of other results.
 */
export function undiscussedQuestions<Q extends { readonly id: string }>(
  plan: Pick<MeetingPlan, "items">,
  questions: readonly Q[],
): Q[] {
  const discussed = new Set(
    plan.items.flatMap((item) => (item.kind === "block" ? item.questions : [])),
  );
  return questions.filter((q) => !discussed.has(q.id));
}
