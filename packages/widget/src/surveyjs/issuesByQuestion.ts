import type { Issue, LocalizedMessage } from "@klynge/engine";

/**
 * The engine's messages per question id, in the order found, for showing at each question. Issues
 * whose path does not start `["answers", questionId]` (the envelope, the answer list) are left out.
 */
export function issuesByQuestion(issues: readonly Issue[]): Map<string, LocalizedMessage[]> {
  const grouped = new Map<string, LocalizedMessage[]>();
  for (const issue of issues) {
    const [root, questionId] = issue.path;
    if (root !== "answers" || typeof questionId !== "string") continue;
    const messages = grouped.get(questionId);
    if (messages === undefined) grouped.set(questionId, [issue.message]);
    else messages.push(issue.message);
  }
  return grouped;
}
