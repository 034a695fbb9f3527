import { valueAt } from "../internal/describeValue.js";
import { parseWithSchema } from "../issues/fromZodIssues.js";
import { createIssue, fail, type Issue, ok, prefixIssues, type Result } from "../issues/issue.js";
import { isShown } from "../questionnaire/conditions.js";
import type { Answer, Question } from "../questionnaire/model.js";
import { limits } from "../questionnaire/primitives.js";
import { answeringTypeOf } from "../questionnaire/questionTypes/registry.js";
import type { QuestionnaireVersion } from "../versions/questionnaireVersion.js";
import {
  type Response,
  type ResponseEnvelope,
  readEnvelopeFast,
  responseEnvelopeSchema,
} from "./response.js";

export interface ValidateResponseOptions {
  /**
   * "draft" skips the required-question checks and the conditions (an answer to a question its
   * condition no longer shows may still stand in a draft), for answers still being given.
   * Default "submit".
   */
  mode?: "submit" | "draft";
}

/**
 * Checks an untrusted response against the version it claims: its envelope, that it names this
 * version, and every answer against its question; on submit, that a conditional question is
 * answered only when its condition showed it, and a required one asked only then. Never throws on
 * data.
 */
export function validateResponse(
  version: QuestionnaireVersion,
  input: unknown,
  options: ValidateResponseOptions = {},
): Result<Response> {
  const fast = readSafely(() => readEnvelopeFast(input));
  const envelope: Result<ResponseEnvelope> =
    fast !== undefined ? ok(fast) : parseWithSchema(responseEnvelopeSchema, input);
  if (!envelope.success) return envelope;
  const issues: Issue[] = [];
  if (envelope.data.versionHash !== version.hash) {
    issues.push(
      createIssue("version_mismatch", ["versionHash"], {
        expected: version.hash,
        received: envelope.data.versionHash,
      }),
    );
    return fail(issues);
  }

  // Keys are read from the input itself, so a key such as "__proto__" is reported, not lost.
  // An inherited `answers` (e.g. `Object.create(response)`) passes zod but is no own key.
  const own = valueAt(input, ["answers"]);
  const rawAnswers: Record<string, unknown> =
    typeof own === "object" && own !== null
      ? (own as Record<string, unknown>)
      : envelope.data.answers;
  const ids = Object.keys(rawAnswers);
  if (ids.length > limits.questions) {
    return fail([
      createIssue("too_big", ["answers"], {
        limit: limits.questions,
        received: String(ids.length),
      }),
    ]);
  }
  const { questions, required, conditional } = lookupOf(version);
  const answers: Record<string, Answer> = {};
  for (const id of ids) {
    const question = questions.get(id);
    if (question === undefined) {
      issues.push(createIssue("unknown_question", ["answers", id], { value: id }));
      continue;
    }
    const checked = checkAnswer(question, rawAnswers[id], ["answers", id]);
    if (checked.success) answers[id] = checked.data;
    else issues.push(...checked.issues);
  }
  if (options.mode !== "draft") {
    const hidden = new Set<string>();
    for (const q of conditional) {
      if (isShown(q, answers)) continue;
      hidden.add(q.id);
      if (Object.hasOwn(rawAnswers, q.id))
        issues.push(createIssue("answer_not_shown", ["answers", q.id]));
    }
    const asked = hidden.size === 0 ? required : required.filter((q) => !hidden.has(q.id));
    if (asked.length > 0) issues.push(...checkRequired(asked, answers, new Set(ids)));
  }
  if (issues.length > 0) return fail(issues);

  const e = envelope.data;
  const response: Response = {
    schemaVersion: e.schemaVersion,
    id: e.id,
    roundId: e.roundId,
    versionHash: e.versionHash,
    channel: e.channel,
    startedAt: e.startedAt,
    ...(e.submittedAt === undefined ? {} : { submittedAt: e.submittedAt }),
    answers,
  };
  return ok(response);
}

function checkAnswer(
  question: Question,
  raw: unknown,
  path: readonly (string | number)[],
): Result<Answer> {
  const type = answeringTypeOf(question.type);
  const fast = readSafely(() => type.readAnswerFast(raw));
  const shaped = fast !== undefined ? ok(fast) : parseWithSchema(type.answerSchema, raw, path);
  if (!shaped.success) return shaped;
  const issues = type.checkAnswer(question, shaped.data);
  return issues.length > 0 ? fail(prefixIssues(path, issues)) : ok(shaped.data as Answer);
}

/** `given`: the ids present in the input; a given but invalid answer already has its own issue. */
function checkRequired(
  required: readonly Question[],
  answers: Record<string, Answer>,
  given: ReadonlySet<string>,
): Issue[] {
  return required.flatMap((q) => {
    if (!given.has(q.id)) return [createIssue("required_missing", ["answers", q.id])];
    // hasOwn: an id such as "constructor" must not find Object.prototype's member.
    if (!Object.hasOwn(answers, q.id)) return [];
    const answer = answers[q.id] as Answer;
    return prefixIssues(["answers", q.id], answeringTypeOf(q.type).checkRequired(q, answer));
  });
}

/** A fast reader that meets a hostile object (a throwing getter) gives way to the schema. */
function readSafely<T>(read: () => T | undefined): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

interface VersionLookup {
  readonly questions: ReadonlyMap<string, Question>;
  readonly required: readonly Question[];
  /** Questions with a condition, in the questionnaire's order (a condition names an earlier one). */
  readonly conditional: readonly Question[];
}

// Versions are immutable, so their lookup tables are made once, not once per response.
const lookups = new WeakMap<QuestionnaireVersion, VersionLookup>();

function lookupOf(version: QuestionnaireVersion): VersionLookup {
  let lookup = lookups.get(version);
  if (lookup === undefined) {
    const all = version.questionnaire.questions;
    lookup = {
      questions: new Map(all.map((q) => [q.id, q])),
      required: all.filter((q) => q.required),
      conditional: all.filter((q) => q.showIf !== undefined),
    };
    lookups.set(version, lookup);
  }
  return lookup;
}
