import * as z from "zod/mini";
import { summarizeMean, summarizeOptions } from "../../aggregation/summarizeChoices.js";
import { createIssue } from "../../issues/issue.js";
import { codeSchema, limits, questionBaseShape, scaleOptionSchema } from "../primitives.js";
import { labelIn, valuesOf, wholeColumn } from "./exportColumns.js";
import { checkOptionList, checkScale } from "./options.js";
import { type AnsweringType, type QuestionType, withFigures } from "./questionType.js";
import { hasOnlyKeys, isCode, isPlainRecord } from "./readFast.js";

export const ratingQuestionSchema = z.strictObject({
  ...questionBaseShape,
  type: z.literal("rating"),
  options: z.array(scaleOptionSchema).check(z.minLength(2), z.maxLength(limits.options)),
});
export type RatingQuestion = z.output<typeof ratingQuestionSchema>;

export const choiceAnswerSchema = z.strictObject({ choice: codeSchema });
export type RatingAnswer = z.output<typeof choiceAnswerSchema>;

export const ratingAnswering: AnsweringType<RatingQuestion, RatingAnswer> = {
  type: "rating",
  schema: ratingQuestionSchema,
  answerSchema: choiceAnswerSchema,
  checkDefinition: (q) => [
    ...checkOptionList(q.options, "options"),
    ...checkScale(q.options, "options"),
  ],
  checkAnswer: (q, a) =>
    q.options.some((o) => o.code === a.choice)
      ? []
      : [createIssue("unknown_option", ["choice"], { value: a.choice })],
  checkRequired: () => [],
  readAnswerFast: (raw) =>
    isPlainRecord(raw) && hasOnlyKeys(raw, ["choice"]) && isCode(raw.choice)
      ? { choice: raw.choice }
      : undefined,
};

export const rating: QuestionType<RatingQuestion, RatingAnswer> = /* @__PURE__ */ withFigures(
  ratingAnswering,
  {
    createAdder: (q) => {
      const ordinals = new Map(q.options.map((o) => [o.code, o.ordinal]));
      return (tally, a) => {
        tally.counts[a.choice] = (tally.counts[a.choice] ?? 0) + 1;
        const ordinal = ordinals.get(a.choice);
        if (ordinal !== undefined) {
          tally.ordinalSum += ordinal;
          tally.ordinalCount++;
        }
      };
    },
    summarize: (input) => {
      const { question, tally, k, contentShown, note } = input;
      const summary = summarizeOptions({ ...input, options: question.options, linked: true });
      return {
        options: summary.options,
        mean: summarizeMean(tally, summary, k, contentShown, note),
      };
    },
    exportColumns: (q) => [
      wholeColumn(
        q,
        (a) => ("choice" in a ? a.choice : ""),
        (a) => ("choice" in a ? labelIn(q.options, a.choice) : ""),
        valuesOf(q.options),
      ),
    ],
  },
);
