import { describeType } from "../internal/describeValue.js";
import { createIssue, fail, type Issue, ok, prefixIssues, type Result } from "../issues/issue.js";
import { checkAddedQuestion } from "../questionnaire/authoring.js";
import type { Question } from "../questionnaire/model.js";
import { checkQuestionnaire } from "../questionnaire/parseQuestionnaire.js";
import { limits } from "../questionnaire/primitives.js";
import { type LocalEdit, parseLocalEdit } from "./localEdit.js";
import {
  checkLabel,
  type QuestionnaireVersion,
  sealVersion,
  versionLimits,
} from "./questionnaireVersion.js";

export interface ApplyEditsOptions {
  /** Human label of the new version. */
  label: string;
}

/**
 * Applies local edits, in order, to a version and seals the result as a new version whose
 * lineage points at `base`. Untrusted edits are read here; every problem is returned, none thrown.
 * A new version needs a name, and the questions it adds meet the authoring rules
 * (`checkAddedQuestion`: scales best first, «Ved ikke» and «Andet» only as the special options,
 * no two options or questions with the same text).
 */
export function applyEdits(
  base: QuestionnaireVersion,
  edits: readonly unknown[],
  options: ApplyEditsOptions,
): Result<QuestionnaireVersion> {
  // The list itself may come from storage or the network, so its shape is checked, not trusted.
  if (!Array.isArray(edits)) {
    return fail([
      createIssue("invalid_type", ["edits"], { expected: "array", received: describeType(edits) }),
    ]);
  }
  if (edits.length > versionLimits.edits) {
    return fail([
      createIssue("too_big", ["edits"], {
        limit: versionLimits.edits,
        received: String(edits.length),
      }),
    ]);
  }
  const issues: Issue[] = checkLabel(options.label);
  if (issues.length === 0 && options.label.trim() === "") {
    issues.push(createIssue("blank_label", ["label"]));
  }
  const parsedEdits: LocalEdit[] = [];
  let questions: Question[] = [...base.questionnaire.questions];
  // Adds refused so far: the later edits' positions counted them, so a position up to that many
  // past the end is the earlier refusal's consequence, not an issue of its own (the result fails anyway).
  let refusedAdds = 0;

  // entries() visits the holes of a sparse list too, so a missing edit is reported, not skipped.
  for (const [i, input] of edits.entries()) {
    const path = ["edits", i] as const;
    const parsed = parseLocalEdit(input, path);
    if (!parsed.success) {
      issues.push(...parsed.issues);
      if ((input as { op?: unknown } | null)?.op === "add") refusedAdds++;
      continue;
    }
    const edit = parsed.data;
    const step = applyEdit(questions, edit, path, refusedAdds);
    if (step.success) {
      questions = step.data;
      parsedEdits.push(edit);
    } else {
      issues.push(...step.issues);
      if (edit.op === "add") refusedAdds++;
    }
  }
  if (issues.length > 0) return fail(issues);

  const questionnaire = { ...base.questionnaire, questions };
  const check = checkQuestionnaire(questionnaire);
  if (check.length > 0) return fail(check);
  return ok(sealVersion(questionnaire, options.label, { base: base.hash, edits: parsedEdits }));
}

function applyEdit(
  questions: readonly Question[],
  edit: LocalEdit,
  path: readonly (string | number)[],
  refusedAdds: number,
): Result<Question[]> {
  const indexOf = (id: string) => questions.findIndex((q) => q.id === id);
  switch (edit.op) {
    case "remove": {
      const index = indexOf(edit.questionId);
      if (index < 0)
        return fail([
          createIssue("unknown_question", [...path, "questionId"], { value: edit.questionId }),
        ]);
      return ok(questions.filter((_, i) => i !== index));
    }
    case "add": {
      if (indexOf(edit.question.id) >= 0) {
        return fail([
          createIssue("duplicate_question_id", [...path, "question", "id"], {
            value: edit.question.id,
          }),
        ]);
      }
      if (questions.length >= limits.questions) {
        return fail([
          createIssue("too_big", [...path], {
            limit: limits.questions,
            received: String(questions.length + 1),
          }),
        ]);
      }
      const at = Math.min(edit.at ?? questions.length, questions.length);
      if ((edit.at ?? 0) > questions.length + refusedAdds) {
        return fail([
          createIssue("invalid_position", [...path, "at"], {
            limit: questions.length,
            received: String(edit.at),
          }),
        ]);
      }
      const authored = checkAddedQuestion(edit.question, questions);
      if (authored.length > 0) return fail(prefixIssues([...path, "question"], authored));
      return ok([...questions.slice(0, at), edit.question, ...questions.slice(at)]);
    }
    case "move": {
      const index = indexOf(edit.questionId);
      if (index < 0)
        return fail([
          createIssue("unknown_question", [...path, "questionId"], { value: edit.questionId }),
        ]);
      if (edit.to >= questions.length + refusedAdds) {
        return fail([
          createIssue("invalid_position", [...path, "to"], {
            limit: questions.length - 1,
            received: String(edit.to),
          }),
        ]);
      }
      const rest = questions.filter((_, i) => i !== index);
      const to = Math.min(edit.to, rest.length);
      return ok([...rest.slice(0, to), questions[index] as Question, ...rest.slice(to)]);
    }
  }
}
