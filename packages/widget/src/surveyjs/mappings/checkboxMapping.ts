import type { Question } from "@klynge/engine";
import { CodeTable, surveyOtherValue } from "../codeTable.js";
import { choiceItems } from "./choiceItems.js";
import { commentKeyOf, readOtherText, readValue } from "./surveyData.js";
import type { SurveyMapping } from "./surveyMapping.js";

type MultiQuestion = Extract<Question, { type: "multi" }>;

/**
 * Multiple choice as checkboxes. "Nej"/"Ved ikke" stay ordinary choices with `isExclusive`, so they
 * keep their place and their code; SurveyJS's none/don't-know items would move to the end and
 * take values from global settings. "Andet" is SurveyJS's "Other" item, which it always lists last.
 */
export const checkboxMapping: SurveyMapping<MultiQuestion> = {
  toElement: (question, base, locale) => ({
    ...base,
    type: "checkbox",
    ...choiceItems(question.options, locale, true),
  }),
  toAnswer: (question, data, name) => {
    const value = readValue(data, name);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) return { choices: value };
    const table = new CodeTable(question.options);
    // SurveyJS keeps ticks in the order ticked, which is the order the engine keeps.
    const ticked: unknown[] = value.filter((v) => v !== undefined && v !== null && v !== "");
    if (ticked.length === 0) return undefined;
    const choices = ticked.map((v) => (typeof v === "string" ? (table.toCode(v) ?? v) : v));
    const otherText = ticked.includes(surveyOtherValue) ? readOtherText(data, name) : undefined;
    return otherText === undefined ? { choices } : { choices, otherText };
  },
  toData: (question, answer, name) => {
    if (!("choices" in answer)) return {};
    const table = new CodeTable(question.options);
    const values = answer.choices.flatMap((code) => table.toValue(code) ?? []);
    if (values.length === 0) return {};
    const otherText = answer.otherText;
    return values.includes(surveyOtherValue) && otherText !== undefined
      ? { [name]: values, [commentKeyOf(name)]: otherText }
      : { [name]: values };
  },
  // Every option is read to decide whether to tick it.
  secondsToAnswer: (question) => 6 + 2 * question.options.length,
};
