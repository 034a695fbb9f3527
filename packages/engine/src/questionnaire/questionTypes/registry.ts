import { matrix, matrixAnswering } from "./matrix.js";
import { multi, multiAnswering } from "./multi.js";
import type { AnsweringType, QuestionType } from "./questionType.js";
import { rating, ratingAnswering } from "./rating.js";
import { single, singleAnswering } from "./single.js";
import { text, textAnswering } from "./text.js";

export const questionTypes = { rating, single, multi, text, matrix } as const;
/** The answering parts alone: what parsing a questionnaire and checking a response need. */
const answeringTypes = {
  rating: ratingAnswering,
  single: singleAnswering,
  multi: multiAnswering,
  text: textAnswering,
  matrix: matrixAnswering,
} as const;

export type QuestionTypeName = keyof typeof questionTypes;
export const questionTypeNames = Object.keys(answeringTypes) as QuestionTypeName[];

type Registry = typeof questionTypes;
export type QuestionOf<T extends QuestionTypeName> =
  Registry[T] extends QuestionType<infer Q, unknown> ? Q : never;
export type AnswerOf<T extends QuestionTypeName> =
  Registry[T] extends QuestionType<never, infer A> ? A : never;

/** The registry entry for a question, typed loosely so shared code can call it without a switch. */
export function questionTypeOf(type: QuestionTypeName): QuestionType<{ type: string }, unknown> {
  return questionTypes[type] as unknown as QuestionType<{ type: string }, unknown>;
}

/** The answering part of a question's type (no figures): for code the widget carries. */
export function answeringTypeOf(type: QuestionTypeName): AnsweringType<{ type: string }, unknown> {
  return answeringTypes[type] as unknown as AnsweringType<{ type: string }, unknown>;
}
