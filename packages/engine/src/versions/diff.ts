import type { Question, Questionnaire } from "../questionnaire/model.js";
import { canonicalJson } from "./canonicalJson.js";
import type { QuestionnaireVersion } from "./questionnaireVersion.js";

/** The parts of a question a diff reports on. */
export type QuestionField =
  | "type"
  | "text"
  | "description"
  | "required"
  | "options"
  | "rows"
  | "columns"
  | "maxLength"
  | "showIf";

export interface QuestionChange {
  readonly id: string;
  readonly fields: readonly QuestionField[];
  /** Whether answers to the two forms of the question can be set side by side. */
  readonly comparable: boolean;
}

export interface QuestionnaireDiff {
  /** In `b` only, in `b`'s order. */
  readonly added: readonly string[];
  /** In `a` only, in `a`'s order. */
  readonly removed: readonly string[];
  /** In both, but out of the longest run of questions kept in the same relative order. */
  readonly moved: readonly { readonly id: string; readonly from: number; readonly to: number }[];
  readonly changed: readonly QuestionChange[];
  /** In both and comparable between rounds, in `b`'s order. */
  readonly comparable: readonly string[];
}

export interface DiffOptions {
  /**
   * Ids to report as moved when the fewest moves can be told more than one way (a question moved
   * one place up is also its neighbour moved one place down): the ones the person moved. Default none.
   */
  readonly moved?: Iterable<string>;
}

const fields: readonly QuestionField[] = [
  "type",
  "text",
  "description",
  "required",
  "options",
  "rows",
  "columns",
  "maxLength",
  "showIf",
];

/**
 * What changed from `a` to `b`. A question stays comparable when its id, type and Danish wording
 * are the same, every scale point both forms share keeps its ordinal, and it is shown to the same
 * respondents (the same condition, or none): options or matrix rows added or removed, an English
 * translation or the required flag changed, do not break it.
 */
export function diff(
  a: QuestionnaireVersion | Questionnaire,
  b: QuestionnaireVersion | Questionnaire,
  options: DiffOptions = {},
): QuestionnaireDiff {
  const qa = questionsOf(a);
  const qb = questionsOf(b);
  const indexA = new Map(qa.map((q, i) => [q.id, i]));
  const indexB = new Map(qb.map((q, i) => [q.id, i]));

  const added = qb.filter((q) => !indexA.has(q.id)).map((q) => q.id);
  const removed = qa.filter((q) => !indexB.has(q.id)).map((q) => q.id);
  const commonA = qa.filter((q) => indexB.has(q.id)).map((q) => q.id);
  const commonB = qb.filter((q) => indexA.has(q.id)).map((q) => q.id);
  const kept = new Set(longestCommonSubsequence(commonA, commonB, new Set(options.moved)));
  const moved = commonB
    .filter((id) => !kept.has(id))
    .map((id) => ({ id, from: indexA.get(id) as number, to: indexB.get(id) as number }));

  const changed: QuestionChange[] = [];
  const comparable: string[] = [];
  for (const id of commonB) {
    const before = qa[indexA.get(id) as number] as Question;
    const after = qb[indexB.get(id) as number] as Question;
    const differing = fields.filter(
      (f) => canonicalJson(field(before, f)) !== canonicalJson(field(after, f)),
    );
    const isComparable = areComparable(before, after);
    if (differing.length > 0) changed.push({ id, fields: differing, comparable: isComparable });
    if (isComparable) comparable.push(id);
  }
  return { added, removed, moved, changed, comparable };
}

function questionsOf(v: QuestionnaireVersion | Questionnaire): readonly Question[] {
  return "questionnaire" in v ? v.questionnaire.questions : v.questions;
}

function field(question: Question, name: QuestionField): unknown {
  return (question as unknown as Record<string, unknown>)[name] ?? null;
}

function areComparable(a: Question, b: Question): boolean {
  if (a.type !== b.type || a.text.da !== b.text.da) return false;
  // Asked of other respondents: its figures describe another group.
  if (canonicalJson(a.showIf ?? null) !== canonicalJson(b.showIf ?? null)) return false;
  const scaleA = "columns" in a ? a.columns : a.type === "rating" ? a.options : [];
  const scaleB = "columns" in b ? b.columns : b.type === "rating" ? b.options : [];
  const ordinals = new Map(scaleA.map((o) => [o.code, o.ordinal]));
  if (scaleB.some((o) => ordinals.has(o.code) && ordinals.get(o.code) !== o.ordinal)) return false;
  // Nothing to set side by side when no option (or matrix row) survived.
  if (a.type === "matrix" && b.type === "matrix")
    return a.rows.some((r) => b.rows.some((s) => s.code === r.code));
  if ("options" in a && "options" in b)
    return a.options.some((o) => b.options.some((p) => p.code === o.code));
  return true;
}

/**
 * The longest run of ids in the same relative order in both lists (the questions not moved). Of
 * several equally long runs, the one that leaves out most of `leaveOut`.
 */
export function longestCommonSubsequence(
  a: readonly string[],
  b: readonly string[],
  leaveOut: ReadonlySet<string> = new Set(),
): string[] {
  // Each id kept weighs `whole`, one of `leaveOut` a little less: length first, then the wish.
  const whole = a.length + 1;
  const weight = (id: string) => (leaveOut.has(id) ? whole - 1 : whole);
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = table[i] as number[];
      const skip = Math.max((table[i + 1] as number[])[j] as number, row[j + 1] as number);
      // Ids are unique, so keeping a pair may cost crossing pairs worth more: compare both.
      row[j] =
        a[i] === b[j]
          ? Math.max(skip, ((table[i + 1] as number[])[j + 1] as number) + weight(a[i] as string))
          : skip;
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (
      a[i] === b[j] &&
      (table[i] as number[])[j] ===
        ((table[i + 1] as number[])[j + 1] as number) + weight(a[i] as string)
    ) {
      out.push(a[i] as string);
      i++;
      j++;
    } else if (
      ((table[i + 1] as number[])[j] as number) >= ((table[i] as number[])[j + 1] as number)
    )
      i++;
    else j++;
  }
  return out;
}
