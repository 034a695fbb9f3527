import { type Answer, isShown, type QuestionnaireVersion } from "@klynge/engine";
import { createSurveyNames } from "./createSurveyNames.js";
import { surveyMappingOf } from "./mappings/surveyMappings.js";

/**
 * SurveyJS's `model.data` as engine answers keyed by question id, for `validateResponse` to check.
 * Left out: unanswered questions, blank texts, empty tick lists and matrices. Texts are trimmed, and
 * an "Andet" text comes along only when "Andet" is chosen. Keys this version did not make are ignored,
 * and so is the answer to a conditional question its condition does not show (given before the
 * answer it depends on changed).
 */
export function answersFromSurveyData(
  version: QuestionnaireVersion,
  data: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const names = createSurveyNames(version);
  const answers: Record<string, unknown> = {};
  for (const question of version.questionnaire.questions) {
    const answer = surveyMappingOf(question).toAnswer(
      question,
      data,
      names.nameOf(question.id) as string,
    );
    // Conditions name earlier questions, so the answers they need are already here.
    if (answer !== undefined && isShown(question, answers as Record<string, Answer>))
      answers[question.id] = answer;
  }
  return answers;
}

/**
 * One question's answer from `model.data`, as `answersFromSurveyData` gives it (undefined when
 * unanswered): what a single answer's save needs, without converting every other question.
 */
export function answerFromSurveyData(
  version: QuestionnaireVersion,
  data: Readonly<Record<string, unknown>>,
  questionId: string,
  name: string,
): unknown {
  const question = version.questionnaire.questions.find((q) => q.id === questionId);
  return question === undefined
    ? undefined
    : surveyMappingOf(question).toAnswer(question, data, name);
}
