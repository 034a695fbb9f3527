import * as z from "zod/mini";
import { summarizeOptions, summarizeOtherTexts } from "../../aggregation/summarizeChoices.js";
import {
  choiceOptionsSchema,
  codeSchema,
  limits,
  otherTextSchema,
  questionBaseShape,
} from "../primitives.js";
import { otherTextColumns, partColumn, tickValues } from "./exportColumns.js";
import { checkChoices, checkOptionList } from "./options.js";
import { type AnsweringType, type QuestionType, withFigures } from "./questionType.js";
import { hasOnlyKeys, isCode, isPlainRecord, otherTextOk } from "./readFast.js";

export const multiQuestionSchema = z.strictObject({
  ...questionBaseShape,
  type: z.literal("multi"),
  options: choiceOptionsSchema,
});
export type MultiQuestion = z.output<typeof multiQuestionSchema>;

/** Ticked codes in the order ticked; an empty tick list is "not answered" and is left out. */
export const multiAnswerSchema = z.strictObject({
  choices: z.array(codeSchema).check(z.minLength(1), z.maxLength(limits.options)),
  otherText: z.optional(otherTextSchema),
});
export type MultiAnswer = z.output<typeof multiAnswerSchema>;

export const multiAnswering: AnsweringType<MultiQuestion, MultiAnswer> = {
  type: "multi",
  schema: multiQuestionSchema,
  answerSchema: multiAnswerSchema,
  checkDefinition: (q) => checkOptionList(q.options, "options"),
  checkAnswer: (q, a) => checkChoices(q.options, a.choices, a.otherText, (i) => ["choices", i]),
  checkRequired: () => [],
  readAnswerFast: (raw) => {
    if (!isPlainRecord(raw) || !hasOnlyKeys(raw, ["choices"], ["otherText"]) || !otherTextOk(raw))
      return undefined;
    const choices = raw.choices;
    if (!Array.isArray(choices) || choices.length < 1 || choices.length > limits.options)
      return undefined;
    for (let i = 0; i < choices.length; i++)
      if (!(i in choices) || !isCode(choices[i])) return undefined;
    const copy = choices.slice() as string[];
    return "otherText" in raw
      ? { choices: copy, otherText: raw.otherText as string }
      : { choices: copy };
  },
};

export const multi: QuestionType<MultiQuestion, MultiAnswer> = /* @__PURE__ */ withFigures(
  multiAnswering,
  {
    createAdder: () => (tally, a) => {
      for (const code of a.choices) tally.counts[code] = (tally.counts[code] ?? 0) + 1;
      if (a.otherText !== undefined) tally.otherTexts.push(a.otherText);
    },
    summarize: (input) => {
      const { question, tally, offered, contentShown } = input;
      // Ticks add up to the respondents when at most one regular option was ticked at all: the
      // exclusive options ("Nej", "Ved ikke") then hold everyone else, and a lone withheld count is the rest.
      const ticked = question.options.filter(
        (o) =>
          offered.has(o.code) &&
          o.kind !== "none" &&
          o.kind !== "dontKnow" &&
          (tally.counts[o.code] ?? 0) > 0,
      );
      const linked = ticked.length <= 1;
      const summary = summarizeOptions({ ...input, options: question.options, linked });
      return {
        options: summary.options,
        otherTexts: summarizeOtherTexts(tally, summary, contentShown),
      };
    },
    exportColumns: (q) => [
      ...q.options.map((o) =>
        partColumn(q, `option:${o.code}`, o.code, o.label.da, {
          value: (a) => ("choices" in a && a.choices.includes(o.code) ? "1" : "0"),
          words: (a) => ("choices" in a && a.choices.includes(o.code) ? "Ja" : "Nej"),
          values: tickValues,
        }),
      ),
      ...otherTextColumns(q, q.options),
    ],
  },
);
