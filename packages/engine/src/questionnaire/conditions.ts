import { createIssue, type Issue } from "../issues/issue.js";
import type { Answer, Question } from "./model.js";

/** The types a condition may name: answers that are option codes. */
const sourceTypes: ReadonlySet<Question["type"]> = new Set(["rating", "single", "multi"]);

/**
 * Conditions name an earlier rating, single or multiple choice question and options it has. Only
 * earlier questions: so there is no cycle, and a respondent sees the condition's answer first.
 */
export function checkConditions(questions: readonly Question[]): Issue[] {
  const issues: Issue[] = [];
  const index = new Map(questions.map((q, i) => [q.id, i]));
  questions.forEach((question, i) => {
    const condition = question.showIf;
    if (condition === undefined) return;
    const path = ["questions", i, "showIf"];
    const at = index.get(condition.question);
    if (at === undefined) {
      issues.push(
        createIssue("condition_unknown_question", [...path, "question"], {
          value: condition.question,
        }),
      );
      return;
    }
    if (at >= i) {
      issues.push(
        createIssue("condition_not_earlier", [...path, "question"], { value: condition.question }),
      );
      return;
    }
    const source = questions[at] as Question;
    if (!sourceTypes.has(source.type) || !("options" in source)) {
      issues.push(
        createIssue("condition_source_type", [...path, "question"], {
          expected: [...sourceTypes].join("|"),
          received: source.type,
        }),
      );
      return;
    }
    const codes = new Set<string>(source.options.map((o) => o.code));
    const seen = new Set<string>();
    condition.anyOf.forEach((code, j) => {
      if (!codes.has(code))
        issues.push(
          createIssue("condition_unknown_option", [...path, "anyOf", j], { value: code }),
        );
      else if (seen.has(code))
        issues.push(createIssue("duplicate_choice", [...path, "anyOf", j], { value: code }));
      seen.add(code);
    });
  });
  return issues;
}

/**
 * Whether a respondent with these (valid) answers is shown `question`: always without a condition;
 * with one, when the named question's answer is (or, for a multiple choice, includes) one of its
 * options. A condition on a question the respondent was not shown is not met.
 */
export function isShown(
  question: Question,
  answers: Readonly<Record<string, Answer | undefined>>,
): boolean {
  const condition = question.showIf;
  if (condition === undefined) return true;
  if (!Object.hasOwn(answers, condition.question)) return false;
  const answer = answers[condition.question];
  if (answer === undefined) return false;
  if ("choice" in answer) return condition.anyOf.includes(answer.choice);
  if ("choices" in answer) return answer.choices.some((c) => condition.anyOf.includes(c));
  return false;
}
