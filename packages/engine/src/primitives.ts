import { z } from "zod";

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

export const questionIdSchema = z.string().max(limits.idLength).regex(questionIdPattern);
export const codeSchema = z.string().max(limits.codeLength).regex(codePattern);

export function localizedTextSchema(max: number) {
  return z.strictObject({
    da: z.string().trim().min(1).max(max),
    en: z.string().trim().min(1).max(max).optional(),
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
  kind: optionKindSchema.optional(),
});
export type ChoiceOption = z.output<typeof choiceOptionSchema>;

/** A point on an ordinal scale; `dontKnow` carries no ordinal and is kept out of means. */
export const scaleOptionSchema = z.strictObject({
  code: codeSchema,
  label: localizedTextSchema(limits.optionLabelLength),
  kind: z.literal("dontKnow").optional(),
  ordinal: z.number().int().min(-100).max(100).optional(),
});
export type ScaleOption = z.output<typeof scaleOptionSchema>;

export const matrixRowSchema = z.strictObject({
  code: codeSchema,
  label: localizedTextSchema(limits.optionLabelLength),
});
export type MatrixRow = z.output<typeof matrixRowSchema>;

/** Fields every question type shares. */
export const questionBaseShape = {
  id: questionIdSchema,
  text: localizedTextShape,
  description: localizedTextShape.optional(),
  required: z.boolean().default(false),
};
