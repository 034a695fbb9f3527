import type { ClusterPackage } from "./clusterPackage.js";

/**
 * The ids of the template's questions that no block of the plan discusses, in questionnaire
 * order: a deck can show them in a block of other results.
 */
export function undiscussedQuestions(pkg: Pick<ClusterPackage, "template" | "plan">): string[] {
  const discussed = new Set(
    pkg.plan.items.flatMap((item) => (item.kind === "block" ? item.questions : [])),
  );
  return pkg.template.questions.map((q) => q.id).filter((id) => !discussed.has(id));
}
