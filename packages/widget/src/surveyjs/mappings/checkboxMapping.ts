import type { Question } from "@klynge/engine";
import { localize } from "../../localize.js";
import { CodeTable, surveyOtherValue } from "../codeTable.js";
import { commentKeyOf, readOtherText, readValue } from "./surveyData.js";
import type { SurveyMapping } from "./surveyMapping.js";

type MultiQuestion = Extract<Question, { type: "multi" }>;

/**
 * Multiple choice as checkboxes. "Nej"/"Ved ikke" stay ordinary choices with `isExclusive`, so they
 * keep their place and their code; SurveyJS's none/don't-know items would move to the end and
 * take values from global settings. "Andet" is SurveyJS's "Other" item, which it always lists last.
 */
export const checkboxMapping: SurveyMapping<MultiQuestion> = {
  toElement: (question, base, locale) => {
    const table = new CodeTable(question.options);
    const other = question.options.find((o) => o.kind === "other");
    return {
      ...base,
      type: "checkbox",
      choices: question.options
        .filter((o) => o !== other)
        .map((o) => ({
          value: table.toValue(o.code) as string,
          text: localize(o.label, locale).text,
          ...(o.kind === "none" || o.kind === "dontKnow" ? { isExclusive: true as const } : {}),
        })),
      ...(other === undefined
        ? {}
        : { showOtherItem: true, otherText: localize(other.label, locale).text }),
    };
  },
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
};
