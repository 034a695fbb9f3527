import type { QuestionnaireVersion } from "@klynge/engine";
import { Model, QuestionSelectBase } from "survey-core";
// Registers SurveyJS's Danish strings (buttons, its own errors) under "da"; survey-core has no
// "sideEffects" field, so bundlers keep this import.
import "survey-core/i18n/danish";
import { type ToSurveyJsonOptions, toSurveyJson } from "./toSurveyJson.js";

/**
 * A SurveyJS model of the version, made from `toSurveyJson`, with SurveyJS's Danish strings loaded
 * and SurveyJS's extra rules that the engine does not have switched off.
 */
export function createSurveyModel(
  version: QuestionnaireVersion,
  options: ToSurveyJsonOptions = {},
): Model {
  const model = new Model(toSurveyJson(version, options));
  for (const question of model.getAllQuestions()) {
    // SurveyJS makes the "Other" text required; the engine accepts "Andet" without one, and the
    // rules live in the engine. JSON cannot reach the built-in item, hence here.
    if (question instanceof QuestionSelectBase && question.showOtherItem) {
      question.otherItem.isCommentRequired = false;
    }
  }
  return model;
}
