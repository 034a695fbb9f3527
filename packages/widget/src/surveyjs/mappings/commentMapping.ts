import type { Question } from "@klynge/engine";
import { readText, readValue } from "./surveyData.js";
import type { SurveyMapping } from "./surveyMapping.js";

type TextQuestion = Extract<Question, { type: "text" }>;

/** Free text as a comment box that grows with the text and stops at the question's limit. */
export const commentMapping: SurveyMapping<TextQuestion> = {
  toElement: (question, base) => ({
    ...base,
    type: "comment",
    maxLength: question.maxLength,
    autoGrow: true,
  }),
  toAnswer: (_question, data, name) => {
    const value = readValue(data, name);
    if (value === undefined) return undefined;
    if (typeof value !== "string") return { text: value };
    // Blank text is "not answered" to the engine, so it is left out rather than sent empty.
    const text = readText(value);
    return text === undefined ? undefined : { text };
  },
  toData: (_question, answer, name) => ("text" in answer ? { [name]: answer.text } : {}),
  // A sentence or two; many leave an optional text empty, so this is an average, not a ceiling.
  secondsToAnswer: (question) => (question.required ? 60 : 30),
};
