import * as z from "zod/mini";
import { summarizeTexts } from "../../aggregation/summarizeChoices.js";
import { createIssue } from "../../issues/issue.js";
import { integerSchema, limits, questionBaseShape, trimmedTextSchema } from "../primitives.js";
import { type ExportAnswer, wholeColumn } from "./exportColumns.js";
import { type AnsweringType, type QuestionType, withFigures } from "./questionType.js";
import { hasOnlyKeys, isCleanText, isPlainRecord } from "./readFast.js";

export const textQuestionSchema = z.strictObject({
  ...questionBaseShape,
  type: z.literal("text"),
  maxLength: z._default(integerSchema(1, limits.textAnswerMax), limits.textAnswerDefault),
});
export type TextQuestion = z.output<typeof textQuestionSchema>;

/** Blank text is "not answered" and is left out of the response. */
export const textAnswerSchema = z.strictObject({
  text: trimmedTextSchema(limits.textAnswerMax),
});
export type TextAnswer = z.output<typeof textAnswerSchema>;

export const textAnswering: AnsweringType<TextQuestion, TextAnswer> = {
  type: "text",
  schema: textQuestionSchema,
  answerSchema: textAnswerSchema,
  checkDefinition: () => [],
  checkAnswer: (q, a) =>
    a.text.length > q.maxLength
      ? [
          createIssue("text_too_long", ["text"], {
            limit: q.maxLength,
            received: String(a.text.length),
          }),
        ]
      : [],
  checkRequired: () => [],
  readAnswerFast: (raw) =>
    isPlainRecord(raw) && hasOnlyKeys(raw, ["text"]) && isCleanText(raw.text, limits.textAnswerMax)
      ? { text: raw.text }
      : undefined,
};

export const text: QuestionType<TextQuestion, TextAnswer> = /* @__PURE__ */ withFigures(
  textAnswering,
  {
    createAdder: () => (tally, a) => {
      tally.texts.push(a.text);
    },
    summarize: ({ tally, contentShown }) => ({
      texts: summarizeTexts(tally.texts, contentShown ? null : "few_respondents"),
    }),
    exportColumns: (q) => {
      const text = (a: ExportAnswer) => ("text" in a ? a.text : "");
      return [wholeColumn(q, text, text, [])];
    },
  },
);
