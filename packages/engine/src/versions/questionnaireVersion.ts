import * as z from "zod/mini";
import { sha256Hex, utf8Encode } from "../internal/sha256.js";
import { parseWithSchema } from "../issues/fromZodIssues.js";
import { createIssue, fail, type Issue, ok, prefixIssues, type Result } from "../issues/issue.js";
import type { Questionnaire } from "../questionnaire/model.js";
import { parseQuestionnaire } from "../questionnaire/parseQuestionnaire.js";
import { canonicalJson } from "./canonicalJson.js";
import { type LocalEdit, parseLocalEdit } from "./localEdit.js";

export const hashPattern = /^[0-9a-f]{64}$/;

/** Limits shared by the makers and the reader of versions, so every version made can be read back. */
export const versionLimits = { labelLength: 300, edits: 500 } as const;

const labelSchema = z.string().check(z.maxLength(versionLimits.labelLength));

/** Where a version came from: the bank template, or the version it was edited from and how. */
export interface Lineage {
  /** Hash of the version these edits were applied to; null for a version made from scratch. */
  readonly base: string | null;
  readonly edits: readonly LocalEdit[];
  readonly template?: { readonly id: string; readonly semver: string };
}

/**
 * An immutable questionnaire, addressed by the SHA-256 of its canonical JSON. Two versions with
 * the same questions have the same hash, whatever their labels: responses bind to content.
 */
export interface QuestionnaireVersion {
  readonly hash: string;
  readonly label: string;
  readonly questionnaire: Questionnaire;
  readonly lineage: Lineage;
}

export interface CreateVersionOptions {
  /** Human label, e.g. "Klynge Syd + Vejle Kommune, marts 2027". */
  label: string;
  /** Default: no base, no edits. */
  lineage?: Lineage;
}

/** The content hash: lowercase hex SHA-256 of the questionnaire's canonical JSON. */
export function hashQuestionnaire(questionnaire: Questionnaire): string {
  return sha256Hex(utf8Encode(canonicalJson(questionnaire)));
}

/** Parses `input` as a questionnaire and seals it as a version. */
export function createVersion(
  input: unknown,
  options: CreateVersionOptions,
): Result<QuestionnaireVersion> {
  const parsed = parseQuestionnaire(input);
  const labelIssues = checkLabel(options.label);
  if (!parsed.success) return fail([...parsed.issues, ...labelIssues]);
  if (labelIssues.length > 0) return fail(labelIssues);
  return ok(sealVersion(parsed.data, options.label, options.lineage ?? { base: null, edits: [] }));
}

/** Issues at `["label"]` when a label could not be stored and read back. */
export function checkLabel(label: unknown): Issue[] {
  const parsed = parseWithSchema(labelSchema, label, ["label"]);
  return parsed.success ? [] : [...parsed.issues];
}

/** Only for questionnaires that already passed `parseQuestionnaire`. */
export function sealVersion(
  questionnaire: Questionnaire,
  label: string,
  lineage: Lineage,
): QuestionnaireVersion {
  return deepFreeze({ hash: hashQuestionnaire(questionnaire), label, questionnaire, lineage });
}

const storedVersionSchema = z.strictObject({
  hash: z.string().check(z.regex(hashPattern)),
  label: labelSchema,
  questionnaire: z.unknown(),
  lineage: z.strictObject({
    base: z.nullable(z.string().check(z.regex(hashPattern))),
    edits: z.array(z.unknown()).check(z.maxLength(versionLimits.edits)),
    template: z.optional(
      z.strictObject({
        id: z.string().check(z.maxLength(64)),
        semver: z.string().check(z.maxLength(40)),
      }),
    ),
  }),
});

/**
 * Reads a version that was stored or sent (IndexedDB, HTTP): checks its shape, re-parses the
 * questionnaire and its edits, and recomputes the hash, so a tampered version is refused.
 */
export function parseQuestionnaireVersion(input: unknown): Result<QuestionnaireVersion> {
  const shape = parseWithSchema(storedVersionSchema, input);
  if (!shape.success) return shape;
  const questionnaire = parseQuestionnaire(shape.data.questionnaire);
  if (!questionnaire.success) {
    return fail(prefixIssues(["questionnaire"], questionnaire.issues));
  }
  const edits: LocalEdit[] = [];
  const editIssues: Issue[] = [];
  for (const [i, edit] of shape.data.lineage.edits.entries()) {
    const parsed = parseLocalEdit(edit, ["lineage", "edits", i]);
    if (parsed.success) edits.push(parsed.data);
    else editIssues.push(...parsed.issues);
  }
  if (editIssues.length > 0) return fail(editIssues);
  const hash = hashQuestionnaire(questionnaire.data);
  if (hash !== shape.data.hash) {
    return fail([
      createIssue("hash_mismatch", ["hash"], { expected: shape.data.hash, received: hash }),
    ]);
  }
  const { template } = shape.data.lineage;
  const lineage: Lineage = {
    base: shape.data.lineage.base,
    edits,
    ...(template ? { template } : {}),
  };
  return ok(sealVersion(questionnaire.data, shape.data.label, lineage));
}

// Visits the children of already-frozen objects too: a shallow-frozen part must not stay mutable.
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
