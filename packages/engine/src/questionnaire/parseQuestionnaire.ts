import { parseWithSchema } from "../issues/fromZodIssues.js";
import { createIssue, fail, type Issue, ok, prefixIssues, type Result } from "../issues/issue.js";
import { checkConditions } from "./conditions.js";
import { type Question, type Questionnaire, questionnaireSchema, questionSchema } from "./model.js";
import { answeringTypeOf } from "./questionTypes/registry.js";

/** Reads an untrusted questionnaire document. Never throws on data: problems come back as issues. */
export function parseQuestionnaire(input: unknown): Result<Questionnaire> {
  const parsed = parseWithSchema(questionnaireSchema, input);
  if (!parsed.success) return parsed;
  const issues = checkQuestionnaire(parsed.data);
  return issues.length > 0 ? fail(issues) : ok(parsed.data);
}

/** Reads one untrusted question (e.g. a locally added one). */
export function parseQuestion(input: unknown): Result<Question> {
  const parsed = parseWithSchema(questionSchema, input);
  if (!parsed.success) return parsed;
  const issues = checkQuestion(parsed.data);
  return issues.length > 0 ? fail(issues) : ok(parsed.data);
}

/**
 * Meaning checks over a well-shaped questionnaire: non-empty, unique ids, each question sound,
 * each condition on an earlier question's options.
 */
export function checkQuestionnaire(questionnaire: Questionnaire): Issue[] {
  const issues: Issue[] = [];
  if (questionnaire.questions.length === 0)
    issues.push(createIssue("empty_questionnaire", ["questions"]));
  const seen = new Set<string>();
  questionnaire.questions.forEach((question, i) => {
    if (seen.has(question.id)) {
      issues.push(
        createIssue("duplicate_question_id", ["questions", i, "id"], { value: question.id }),
      );
    }
    seen.add(question.id);
    issues.push(...prefixIssues(["questions", i], checkQuestion(question)));
  });
  issues.push(...checkConditions(questionnaire.questions));
  return issues;
}

export function checkQuestion(question: Question): Issue[] {
  return answeringTypeOf(question.type).checkDefinition(question);
}
