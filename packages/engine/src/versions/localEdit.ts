import * as z from "zod/mini";
import { parseWithSchema } from "../issues/fromZodIssues.js";
import { fail, type IssuePath, ok, prefixIssues, type Result } from "../issues/issue.js";
import type { Question } from "../questionnaire/model.js";
import { parseQuestion } from "../questionnaire/parseQuestionnaire.js";
import { integerSchema, limits, questionIdSchema } from "../questionnaire/primitives.js";

/**
 * A local change the cluster or municipality makes to a questionnaire. Positions are indexes in
 * the question list as it stands when the edit is applied (after the edits before it).
 */
export type LocalEdit =
  | { readonly op: "remove"; readonly questionId: string }
  /** `at` default: the end. */
  | { readonly op: "add"; readonly question: Question; readonly at?: number }
  | { readonly op: "move"; readonly questionId: string; readonly to: number };

const localEditInputSchema = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("remove"), questionId: questionIdSchema }),
  // The question is checked by parseQuestion, so its issues carry the question's own paths.
  z.strictObject({
    op: z.literal("add"),
    question: z.unknown(),
    at: z.optional(integerSchema(0, limits.questions)),
  }),
  z.strictObject({
    op: z.literal("move"),
    questionId: questionIdSchema,
    to: integerSchema(0, limits.questions),
  }),
]);

/** Reads one untrusted edit; issue paths start with `path`. */
export function parseLocalEdit(input: unknown, path: IssuePath = []): Result<LocalEdit> {
  const parsed = parseWithSchema(localEditInputSchema, input, path);
  if (!parsed.success) return parsed;
  const edit = parsed.data;
  if (edit.op !== "add") return ok(edit);
  const question = parseQuestion(edit.question);
  if (!question.success) return fail(prefixIssues([...path, "question"], question.issues));
  return ok(
    edit.at === undefined
      ? { op: "add", question: question.data }
      : { op: "add", question: question.data, at: edit.at },
  );
}
