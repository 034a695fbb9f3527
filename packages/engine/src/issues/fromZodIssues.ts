import type * as z from "zod/mini";
import { describeType, previewValue, valueAt } from "../internal/describeValue.js";
import { codePattern, questionIdPattern } from "../questionnaire/primitives.js";
import { createIssue, fail, type Issue, type IssuePath, ok, type Result } from "./issue.js";

type ZodIssue = z.core.$ZodIssue;

/**
 * `expected` holds language-neutral terms ("uuid", "question-id", a type name, a pattern); the
 * message catalogues put them into words.
 */
function patternName(pattern: string | undefined): string {
  if (pattern === String(questionIdPattern)) return "question-id";
  if (pattern === String(codePattern)) return "code";
  return pattern ?? "regex";
}

/** The allowed values of each discriminator the engine's schemas switch on, for messages. */
const discriminatorValues: Record<string, string> = {
  type: "rating | single | multi | text | matrix",
  op: "remove | add | move",
};

/** Turns zod's issues for `input` into engine issues with a `received` read from the input. */
export function fromZodIssues(
  issues: readonly ZodIssue[],
  input: unknown,
  prefix: IssuePath = [],
): Issue[] {
  return issues.flatMap((issue) => fromZodIssue(issue, input, prefix));
}

function fromZodIssue(issue: ZodIssue, input: unknown, prefix: IssuePath): Issue[] {
  const local = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const path = [...prefix, ...local];
  // The value zod checked (reportInput): a record's key rather than its value, text after trim.
  const at = () => (issue.input !== undefined ? issue.input : valueAt(input, local));
  switch (issue.code) {
    case "invalid_type":
      return [
        createIssue("invalid_type", path, {
          // zod names a missing required key "nonoptional".
          expected: issue.expected === "nonoptional" ? "present" : issue.expected,
          received: receivedType(at()),
        }),
      ];
    case "invalid_value":
      return [
        createIssue("invalid_value", path, {
          expected: issue.values.map((v) => previewValue(v)).join(" | "),
          received: previewValue(at()),
        }),
      ];
    case "invalid_format":
      return [
        createIssue("invalid_format", path, {
          expected: issue.format === "regex" ? patternName(issue.pattern) : issue.format,
          received: previewValue(at()),
        }),
      ];
    case "too_small":
      return [
        createIssue("too_small", path, { limit: Number(issue.minimum), received: sizeOf(at()) }),
      ];
    case "too_big":
      return [
        createIssue("too_big", path, { limit: Number(issue.maximum), received: sizeOf(at()) }),
      ];
    case "unrecognized_keys":
      return issue.keys.map((key) => createIssue("unknown_key", [...path, key], { value: key }));
    case "invalid_union":
      return fromUnionIssue(issue, input, prefix, local);
    case "invalid_key":
    case "invalid_element":
      return issue.issues.flatMap((inner) =>
        fromZodIssue({ ...inner, path: [...local, ...inner.path] } as ZodIssue, input, prefix),
      );
    default:
      return [createIssue("invalid_value", path, { received: previewValue(at()) })];
  }
}

function fromUnionIssue(
  issue: Extract<ZodIssue, { code: "invalid_union" }>,
  input: unknown,
  prefix: IssuePath,
  local: (string | number)[],
): Issue[] {
  const discriminator = "discriminator" in issue ? issue.discriminator : undefined;
  if (typeof discriminator === "string") {
    // zod points the issue at the discriminator itself; older releases pointed at its object.
    const key = local[local.length - 1] === discriminator ? local : [...local, discriminator];
    const received = valueAt(input, key);
    return [
      createIssue(received === undefined ? "invalid_type" : "invalid_value", [...prefix, ...key], {
        expected: discriminatorValues[discriminator] ?? optionsOf(issue) ?? discriminator,
        received: previewValue(received),
      }),
    ];
  }
  // A plain union: report the branch that got furthest (fewest issues).
  const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
  if (best.length === 0) {
    const received = previewValue(valueAt(input, local));
    return [createIssue("invalid_value", [...prefix, ...local], { received })];
  }
  return best.flatMap((inner) =>
    fromZodIssue({ ...inner, path: [...local, ...inner.path] } as ZodIssue, input, prefix),
  );
}

/** The discriminator's values, which zod lists on the issue. */
function optionsOf(issue: object): string | undefined {
  const options = "options" in issue ? issue.options : undefined;
  return Array.isArray(options) && options.length > 0 ? options.map(String).join(" | ") : undefined;
}

/** NaN, Infinity and 1.5 (for an int) fail as numbers: "received number" would say nothing. */
function receivedType(value: unknown): string {
  return typeof value === "number" && !Number.isSafeInteger(value)
    ? previewValue(value)
    : describeType(value);
}

function sizeOf(value: unknown): string {
  if (typeof value === "string" || Array.isArray(value)) return String(value.length);
  if (typeof value === "number") return String(value);
  return describeType(value);
}

/**
 * Runs a schema over untrusted input. zod does not throw on data, but a hostile object
 * (a throwing getter) could make it; that is bad data too, so it becomes an issue.
 */
export function parseWithSchema<T>(
  schema: z.ZodMiniType<T, unknown>,
  input: unknown,
  prefix: IssuePath = [],
): Result<T> {
  try {
    const parsed = schema.safeParse(input, { reportInput: true });
    return parsed.success
      ? ok(parsed.data)
      : fail(fromZodIssues(parsed.error.issues, input, prefix));
  } catch {
    return fail([
      createIssue("invalid_type", prefix, {
        expected: "json",
        received: "unreadable",
      }),
    ]);
  }
}
