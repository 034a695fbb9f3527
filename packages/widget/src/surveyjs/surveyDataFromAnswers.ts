import type { Answer, QuestionnaireVersion } from "@klynge/engine";
import { createSurveyNames } from "./createSurveyNames.js";
import { surveyMappingOf } from "./mappings/surveyMappings.js";

/**
 * Engine answers as SurveyJS data (`model.data = …`), to resume a draft. Expects answers valid for
 * this version (e.g. a draft read back through `validateResponse` in draft mode): an answer to a
 * question the version lacks, or an option code it does not have, is left out.
 */
export function surveyDataFromAnswers(
  version: QuestionnaireVersion,
  answers: Readonly<Record<string, Answer>>,
): Record<string, unknown> {
  const names = createSurveyNames(version);
  const data: Record<string, unknown> = {};
  for (const question of version.questionnaire.questions) {
    // hasOwn: an id such as "constructor" must not find Object.prototype's member.
    if (!Object.hasOwn(answers, question.id)) continue;
    const answer = answers[question.id] as Answer;
    const name = names.nameOf(question.id) as string;
    Object.assign(data, surveyMappingOf(question).toData(question, answer, name));
  }
  return data;
}
