import type { Question } from "@klynge/engine";
import { CodeTable, surveyOtherValue } from "../codeTable.js";
import { choiceItems } from "./choiceItems.js";
import { commentKeyOf, readOtherText, readValue } from "./surveyData.js";
import type { SurveyMapping } from "./surveyMapping.js";

type OneChoiceQuestion = Extract<Question, { type: "rating" | "single" }>;

/**
 * Rating and single choice as a radiogroup rather than SurveyJS's `rating`: native radio inputs with
 * the whole label in a fieldset, which wrap on a phone, where `rating` squeezes verbal labels into a
 * row of buttons (or a dropdown on narrow screens) and makes "Ved ikke" look like a point on the scale.
 */
export const radiogroupMapping: SurveyMapping<OneChoiceQuestion> = {
  toElement: (question, base, locale) => ({
    ...base,
    type: "radiogroup",
    ...choiceItems(question.options, locale, false),
  }),
  toAnswer: (question, data, name) => {
    const value = readValue(data, name);
    if (value === undefined) return undefined;
    if (typeof value !== "string") return { choice: value };
    const choice = new CodeTable(question.options).toCode(value) ?? value;
    const otherText = value === surveyOtherValue ? readOtherText(data, name) : undefined;
    return otherText === undefined ? { choice } : { choice, otherText };
  },
  toData: (question, answer, name) => {
    if (!("choice" in answer)) return {};
    const value = new CodeTable(question.options).toValue(answer.choice);
    if (value === undefined) return {};
    const otherText = "otherText" in answer ? answer.otherText : undefined;
    return value === surveyOtherValue && otherText !== undefined
      ? { [name]: value, [commentKeyOf(name)]: otherText }
      : { [name]: value };
  },
  // Read the question, pick one of a handful of options.
  secondsToAnswer: (question) => 6 + question.options.length,
};
