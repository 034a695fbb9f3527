import type { QuestionnaireVersion } from "@klynge/engine";
import { surveyMappingOf } from "../surveyjs/mappings/surveyMappings.js";

/** Reading the intro, turning pages and the final "Færdig". */
const overheadSeconds = 20;

/**
 * About how many minutes the questionnaire takes, for the intro: each question type's own
 * estimate (its options, rows, whether a text is required), summed and rounded up; at least 1.
 */
export function estimateMinutes(version: QuestionnaireVersion): number {
  let seconds = overheadSeconds;
  for (const question of version.questionnaire.questions) {
    seconds += surveyMappingOf(question).secondsToAnswer(question);
  }
  return Math.max(1, Math.ceil(seconds / 60));
}
