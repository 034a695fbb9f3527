import { type Issue, issueText, type LocalizedMessage } from "@klynge/engine";

/**
 * The engine's messages per question id, in the order found, for showing at each question. Issues
 * whose path does not start `["answers", questionId]` (the envelope, the answer list) are left out.
 * Shown at its question, a message needs no path: "answers.rehab.kendskab: spørgsmålet skal
 * besvares." becomes "Spørgsmålet skal besvares.".
 */
export function issuesByQuestion(issues: readonly Issue[]): Map<string, LocalizedMessage[]> {
  const grouped = new Map<string, LocalizedMessage[]>();
  for (const issue of issues) {
    const [root, questionId] = issue.path;
    if (root !== "answers" || typeof questionId !== "string") continue;
    const messages = grouped.get(questionId);
    const message = atQuestion(issue);
    if (messages === undefined) grouped.set(questionId, [message]);
    else messages.push(message);
  }
  return grouped;
}

function atQuestion(issue: Issue): LocalizedMessage {
  const text = issueText(issue);
  // A matrix issue keeps its row (["answers", id, "rows", row]): the question alone is not enough.
  const row = issue.path[2] === "rows" && issue.path[3] !== undefined ? `${issue.path[3]}: ` : "";
  return { da: row + text.da, en: row + text.en };
}
