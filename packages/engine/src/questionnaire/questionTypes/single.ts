import * as z from "zod/mini";
import { summarizeOptions, summarizeOtherTexts } from "../../aggregation/summarizeChoices.js";
import {
  choiceOptionsSchema,
  codeSchema,
  otherTextSchema,
  questionBaseShape,
} from "../primitives.js";
import { labelIn, otherTextColumns, valuesOf, wholeColumn } from "./exportColumns.js";
import { checkChoices, checkOptionList } from "./options.js";
import { type AnsweringType, type QuestionType, withFigures } from "./questionType.js";
import { hasOnlyKeys, isCode, isPlainRecord, otherTextOk } from "./readFast.js";

export const singleQuestionSchema = z.strictObject({
  ...questionBaseShape,
  type: z.literal("single"),
  options: choiceOptionsSchema,
});
export type SingleQuestion = z.output<typeof singleQuestionSchema>;

export const singleAnswerSchema = z.strictObject({
  choice: codeSchema,
  otherText: z.optional(otherTextSchema),
});
export type SingleAnswer = z.output<typeof singleAnswerSchema>;

export const singleAnswering: AnsweringType<SingleQuestion, SingleAnswer> = {
  type: "single",
  schema: singleQuestionSchema,
  answerSchema: singleAnswerSchema,
  checkDefinition: (q) => checkOptionList(q.options, "options"),
  checkAnswer: (q, a) => checkChoices(q.options, [a.choice], a.otherText, () => ["choice"]),
  checkRequired: () => [],
  readAnswerFast: (raw) => {
    if (!isPlainRecord(raw) || !hasOnlyKeys(raw, ["choice"], ["otherText"])) return undefined;
    if (!isCode(raw.choice) || !otherTextOk(raw)) return undefined;
    return "otherText" in raw
      ? { choice: raw.choice, otherText: raw.otherText as string }
      : { choice: raw.choice };
  },
};

export const single: QuestionType<SingleQuestion, SingleAnswer> = /* @__PURE__ */ withFigures(
  singleAnswering,
  {
    createAdder: () => (tally, a) => {
      tally.counts[a.choice] = (tally.counts[a.choice] ?? 0) + 1;
      if (a.otherText !== undefined) tally.otherTexts.push(a.otherText);
    },
    summarize: (input) => {
      const { question, tally, contentShown } = input;
      const summary = summarizeOptions({ ...input, options: question.options, linked: true });
      return {
        options: summary.options,
        otherTexts: summarizeOtherTexts(tally, summary, contentShown),
      };
    },
    exportColumns: (q) => [
      wholeColumn(
        q,
        (a) => ("choice" in a ? a.choice : ""),
        (a) => ("choice" in a ? labelIn(q.options, a.choice) : ""),
        valuesOf(q.options),
      ),
      ...otherTextColumns(q, q.options),
    ],
  },
);
