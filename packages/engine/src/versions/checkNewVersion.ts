import { createIssue, type Issue, prefixIssues } from "../issues/issue.js";
import { checkAddedQuestion } from "../questionnaire/authoring.js";
import type { QuestionnaireVersion } from "./questionnaireVersion.js";

/**
 * The rules a version must meet to be published now, beyond `parseQuestionnaireVersion` (which a
 * stored version made before a rule existed still passes): a name, and for each question its
 * edits add, the authoring rules `applyEdits` applies. Paths from the version
 * (`["lineage", "edits", i, "question", …]`, `["label"]`).
 */
export function checkNewVersion(version: QuestionnaireVersion): Issue[] {
  const issues: Issue[] = [];
  if (version.label.trim() === "") issues.push(createIssue("blank_label", ["label"]));
  const questions = version.questionnaire.questions;
  version.lineage.edits.forEach((edit, i) => {
    if (edit.op !== "add") return;
    // A question a later edit removed again is not in the version: nothing to check.
    const question = questions.find((q) => q.id === edit.question.id);
    if (question === undefined) return;
    issues.push(
      ...prefixIssues(["lineage", "edits", i, "question"], checkAddedQuestion(question, questions)),
    );
  });
  return issues;
}
