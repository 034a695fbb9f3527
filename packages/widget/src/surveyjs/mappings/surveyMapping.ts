import type { Answer, Question } from "@klynge/engine";
import type { Locale } from "../../messages.js";
import type { SurveyJsonQuestion, SurveyJsonQuestionBase } from "../surveyJsonModel.js";

/** SurveyJS's `model.data`: values keyed by question name, "Andet" texts under `<name>-Comment`. */
export type SurveyData = Readonly<Record<string, unknown>>;

/** How one engine question type is shown by SurveyJS and how its answers travel each way. */
export interface SurveyMapping<Q extends Question> {
  /** The SurveyJS element; `base` holds what every element shares (name, texts, required). */
  toElement(question: Q, base: SurveyJsonQuestionBase, locale: Locale): SurveyJsonQuestion;
  /**
   * The answer in the engine's shape, or undefined when SurveyJS holds nothing for the question.
   * A value no option has passes through unchanged, so the engine reports it instead of it vanishing.
   */
  toAnswer(question: Q, data: SurveyData, name: string): unknown;
  /** SurveyJS data entries for the answer; codes the question does not have are left out. */
  toData(question: Q, answer: Answer, name: string): Record<string, unknown>;
  /** About how long a GP takes to read and answer it, in seconds, for the intro's estimate. */
  secondsToAnswer(question: Q): number;
}
