import { matrix } from "./matrix.js";
import { multi } from "./multi.js";
import type { QuestionType } from "./questionType.js";
import { rating } from "./rating.js";
import { single } from "./single.js";
import { text } from "./text.js";

export const questionTypes = { rating, single, multi, text, matrix } as const;

export type QuestionTypeName = keyof typeof questionTypes;
export const questionTypeNames = Object.keys(questionTypes) as QuestionTypeName[];

type Registry = typeof questionTypes;
export type QuestionOf<T extends QuestionTypeName> =
  Registry[T] extends QuestionType<infer Q, unknown> ? Q : never;
export type AnswerOf<T extends QuestionTypeName> =
  Registry[T] extends QuestionType<never, infer A> ? A : never;

/** The registry entry for a question, typed loosely so shared code can call it without a switch. */
export function questionTypeOf(type: QuestionTypeName): QuestionType<{ type: string }, unknown> {
  return questionTypes[type] as unknown as QuestionType<{ type: string }, unknown>;
}
