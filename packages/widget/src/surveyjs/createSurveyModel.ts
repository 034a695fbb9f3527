import type { QuestionnaireVersion } from "@klynge/engine";
import { Model, QuestionSelectBase } from "survey-core";
import { surveyLocaleOf } from "./surveyLocale.js";
import { type ToSurveyJsonOptions, toSurveyJson } from "./toSurveyJson.js";

/**
 * A SurveyJS model of the version, made from `toSurveyJson`, speaking the widget's Danish (its
 * catalogue over SurveyJS's pack, see `surveyLocale.ts`), and with SurveyJS's extra rules that
 * the engine does not have switched off.
 */
export function createSurveyModel(
  version: QuestionnaireVersion,
  options: ToSurveyJsonOptions = {},
): Model {
  const json = toSurveyJson(version, options);
  const model = new Model({ ...json, locale: surveyLocaleOf(options.locale ?? "da") });
  for (const question of model.getAllQuestions()) {
    // SurveyJS makes the "Other" text required; the engine accepts "Andet" without one, and the
    // rules live in the engine. JSON cannot reach the built-in item, hence here.
    if (question instanceof QuestionSelectBase && question.showOtherItem) {
      question.otherItem.isCommentRequired = false;
    }
  }
  return model;
}
