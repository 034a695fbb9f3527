import type { MeetingPlan } from "@klynge/engine";

/**
 * The plan with each block discussing only the questions the questionnaire has: a round's version
 * may have removed some of its package's questions; a block left with none keeps its talks and
 * dialogue.
 */
export function fitPlan(
  plan: MeetingPlan,
  questionnaire: { readonly questions: readonly { readonly id: string }[] },
): MeetingPlan {
  const ids = new Set(questionnaire.questions.map((q) => q.id));
  return {
    ...plan,
    items: plan.items.map((item) =>
      item.kind === "block"
        ? { ...item, questions: item.questions.filter((id) => ids.has(id)) }
        : item,
    ),
  };
}
