import { formatIssue, groupIssues, type Issue, type LocalizedMessage } from "@klynge/engine";

/**
 * The engine's messages per question id, in the order found, for showing at each question. Issues
 * whose path does not start `["answers", questionId]` (the envelope, the answer list) are left out.
 * Shown at its question, a message needs no path: "Spørgsmålet skal besvares.".
 */
export function issuesByQuestion(issues: readonly Issue[]): Map<string, LocalizedMessage[]> {
  const { groups } = groupIssues(issues, ({ path: [root, questionId] }) =>
    root === "answers" && typeof questionId === "string" ? questionId : undefined,
  );
  return new Map([...groups].map(([id, group]) => [id, group.map(atQuestion)]));
}

function atQuestion(issue: Issue): LocalizedMessage {
  // A matrix issue keeps its row (["answers", id, "rows", row]): the question alone is not enough.
  const row = issue.path[2] === "rows" && issue.path[3] !== undefined ? `${issue.path[3]}: ` : "";
  return { da: row + formatIssue(issue, "da"), en: row + formatIssue(issue, "en") };
}
