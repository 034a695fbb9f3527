import * as z from "zod/mini";
import { limits, localizedTextSchema, questionIdSchema } from "./primitives.js";
import {
  type MatrixAnswer,
  type MatrixQuestion,
  matrixQuestionSchema,
} from "./questionTypes/matrix.js";
import {
  type MultiAnswer,
  type MultiQuestion,
  multiQuestionSchema,
} from "./questionTypes/multi.js";
import {
  type RatingAnswer,
  type RatingQuestion,
  ratingQuestionSchema,
} from "./questionTypes/rating.js";
import {
  type SingleAnswer,
  type SingleQuestion,
  singleQuestionSchema,
} from "./questionTypes/single.js";
import { type TextAnswer, type TextQuestion, textQuestionSchema } from "./questionTypes/text.js";

export const questionSchema = z.discriminatedUnion("type", [
  ratingQuestionSchema,
  singleQuestionSchema,
  multiQuestionSchema,
  textQuestionSchema,
  matrixQuestionSchema,
]);

export type Question =
  | RatingQuestion
  | SingleQuestion
  | MultiQuestion
  | TextQuestion
  | MatrixQuestion;
export type QuestionType = Question["type"];

/** An answer's shape follows its question's type; an unanswered question has no entry. */
export type Answer = RatingAnswer | SingleAnswer | MultiAnswer | TextAnswer | MatrixAnswer;

export interface AnswerByType {
  rating: RatingAnswer;
  single: SingleAnswer;
  multi: MultiAnswer;
  text: TextAnswer;
  matrix: MatrixAnswer;
}

export const questionnaireSchemaVersion = 1;

export const questionnaireSchema = z.strictObject({
  schemaVersion: z.literal(questionnaireSchemaVersion),
  id: questionIdSchema,
  title: localizedTextSchema(limits.titleLength),
  description: z.optional(localizedTextSchema(limits.questionTextLength)),
  questions: z.array(questionSchema).check(z.maxLength(limits.questions)),
});

export type Questionnaire = z.output<typeof questionnaireSchema>;
/** What a caller may hand in: defaults (e.g. `required: false`) may be left out. */
export type QuestionnaireInput = z.input<typeof questionnaireSchema>;
export type QuestionInput = z.input<typeof questionSchema>;
