import type { QuestionnaireVersion } from "@klynge/engine";

/** Engine question ids ⇄ SurveyJS question names for one version. */
export interface SurveyNames {
  /** The SurveyJS name of a question; undefined when the version has no question with this id. */
  nameOf(questionId: string): string | undefined;
  /** The engine question id behind a SurveyJS name; undefined for a name this version did not make. */
  questionIdOf(name: string): string | undefined;
}

/**
 * Names such as `q2_rehab_henvisningsmaade`: our ids contain "." (and "-"), which SurveyJS reads as
 * a path into nested values in expressions, triggers and text placeholders (surveyjs/survey-library
 * #1715, #10532). The position makes each name unique; the rest is only there to be readable.
 */
export function createSurveyNames(version: QuestionnaireVersion): SurveyNames {
  const names = new Map<string, string>();
  const ids = new Map<string, string>();
  version.questionnaire.questions.forEach((question, index) => {
    const name = `q${index + 1}_${question.id.replace(/[.-]/g, "_")}`;
    names.set(question.id, name);
    ids.set(name, question.id);
  });
  return {
    nameOf: (questionId) => names.get(questionId),
    questionIdOf: (name) => ids.get(name),
  };
}
