// zod/mini, not classic zod: the engine runs in the widget's browser bundle, where classic zod's
// method-chaining API costs about 29 KB gzip and zod/mini about 9 KB for the same schemas.
import * as z from "zod/mini";

/** Size limits that keep a questionnaire or response from growing without bound. */
export const limits = {
  idLength: 64,
  codeLength: 40,
  titleLength: 200,
  questionTextLength: 1000,
  optionLabelLength: 300,
  options: 40,
  rows: 30,
  questions: 150,
  textAnswerDefault: 2000,
  textAnswerMax: 10000,
  otherText: 500,
} as const;

export const questionIdPattern = /^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/;
export const codePattern = /^[a-z0-9]+(?:[_-][a-z0-9]+)*$/;

export const questionIdSchema = z
  .string()
  .check(z.maxLength(limits.idLength), z.regex(questionIdPattern));
export const codeSchema = z.string().check(z.maxLength(limits.codeLength), z.regex(codePattern));

/** Text with its surrounding whitespace trimmed off, then from 1 to `max` characters. */
export function trimmedTextSchema(max: number) {
  return z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
}

/** A safe integer from `min` to `max`. */
export function integerSchema(min: number, max: number) {
  return z.number().check(z.int(), z.gte(min), z.lte(max));
}

export function localizedTextSchema(max: number) {
  return z.strictObject({
    da: trimmedTextSchema(max),
    en: z.optional(trimmedTextSchema(max)),
  });
}

export const localizedTextShape = localizedTextSchema(limits.questionTextLength);
export type LocalizedText = z.output<typeof localizedTextShape>;

/** `other` asks for a text; `none` and `dontKnow` exclude every other choice. */
export const optionKindSchema = z.enum(["other", "none", "dontKnow"]);
export type OptionKind = z.output<typeof optionKindSchema>;

export const choiceOptionSchema = z.strictObject({
  code: codeSchema,
  label: localizedTextSchema(limits.optionLabelLength),
  kind: z.optional(optionKindSchema),
});
export type ChoiceOption = z.output<typeof choiceOptionSchema>;

/** The options of a single or multiple choice question. */
export const choiceOptionsSchema = z
  .array(choiceOptionSchema)
  .check(z.minLength(2), z.maxLength(limits.options));

/** What the respondent wrote with an option of kind `other`. */
export const otherTextSchema = trimmedTextSchema(limits.otherText);

/** A point on an ordinal scale; `dontKnow` carries no ordinal and is kept out of means. */
export const scaleOptionSchema = z.strictObject({
  code: codeSchema,
  label: localizedTextSchema(limits.optionLabelLength),
  kind: z.optional(z.literal("dontKnow")),
  ordinal: z.optional(integerSchema(-100, 100)),
});
export type ScaleOption = z.output<typeof scaleOptionSchema>;

export const matrixRowSchema = z.strictObject({
  code: codeSchema,
  label: localizedTextSchema(limits.optionLabelLength),
});
export type MatrixRow = z.output<typeof matrixRowSchema>;

/**
 * A conditional question is shown only when an earlier rating, single or multiple choice question
 * was answered with one of `anyOf` (for a multiple choice: any of them among the choices).
 */
export const conditionSchema = z.strictObject({
  question: questionIdSchema,
  anyOf: z.array(codeSchema).check(z.minLength(1), z.maxLength(limits.options)),
});
export type Condition = z.output<typeof conditionSchema>;

/** Fields every question type shares. */
export const questionBaseShape = {
  id: questionIdSchema,
  text: localizedTextShape,
  description: z.optional(localizedTextShape),
  required: z._default(z.boolean(), false),
  showIf: z.optional(conditionSchema),
};
