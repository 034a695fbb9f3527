import type { Question, QuestionType } from "@klynge/engine";
import { checkboxMapping } from "./checkboxMapping.js";
import { commentMapping } from "./commentMapping.js";
import { matrixMapping } from "./matrixMapping.js";
import { radiogroupMapping } from "./radiogroupMapping.js";
import type { SurveyMapping } from "./surveyMapping.js";

const surveyMappings: {
  readonly [T in QuestionType]: SurveyMapping<Extract<Question, { type: T }>>;
} = {
  rating: radiogroupMapping,
  single: radiogroupMapping,
  multi: checkboxMapping,
  text: commentMapping,
  matrix: matrixMapping,
};

/** The mapping of the question's type, typed loosely so callers need no switch on type names. */
export function surveyMappingOf(question: Question): SurveyMapping<Question> {
  return surveyMappings[question.type] as SurveyMapping<Question>;
}
