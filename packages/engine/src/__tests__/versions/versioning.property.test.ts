import { assertProperty } from "@klynge/test-support/property";
import {
  arbQuestion,
  arbQuestionnaire,
  authoredQuestion,
  makeQuestionnaire,
} from "@klynge/test-support/questionnaires";
import { unwrap } from "@klynge/test-support/unwrap";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../issues/formatIssue.js";
import type { Question, Questionnaire } from "../../questionnaire/model.js";
import { applyEdits } from "../../versions/applyEdits.js";
import { diff } from "../../versions/diff.js";
import {
  createVersion,
  hashQuestionnaire,
  parseQuestionnaireVersion,
} from "../../versions/questionnaireVersion.js";
import { isIssueCode } from "../fixtures/issueCodes.js";

/** The same value with the keys of every object, at every depth, in a random order. */
function arbShuffledKeys(value: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(value))
    return value.length === 0 ? fc.constant([]) : fc.tuple(...value.map(arbShuffledKeys));
  if (value === null || typeof value !== "object") return fc.constant(value);
  const entries = Object.entries(value);
  if (entries.length === 0) return fc.constant({});
  return fc
    .shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length })
    .chain((shuffled) =>
      fc
        .tuple(...shuffled.map(([, child]) => arbShuffledKeys(child)))
        .map((children) => Object.fromEntries(shuffled.map(([key], i) => [key, children[i]]))),
    );
}

/** What to do next, read against the state the earlier edits left (see `planEdits`). */
type Intent =
  | { readonly kind: "remove"; readonly pick: number }
  | { readonly kind: "add"; readonly question: Question; readonly at: number | undefined }
  | { readonly kind: "move"; readonly pick: number; readonly to: number };

const arbIntent: fc.Arbitrary<Intent> = fc.oneof(
  fc.record({ kind: fc.constant("remove" as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant("add" as const),
    question: arbQuestion,
    at: fc.option(fc.nat(), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant("move" as const), pick: fc.nat(), to: fc.nat() }),
);

interface Plan {
  readonly edits: unknown[];
  /** The ids the result must have, in order. */
  readonly expectedIds: string[];
  readonly addedStillPresent: Set<string>;
  readonly removedFromBase: Set<string>;
  readonly moves: number;
}

/**
 * Turns intents into edits that are valid against the list as it stands when each is applied:
 * removes only while two questions remain, adds only fresh ids at positions 0..length, moves
 * only to 0..length-1. Simulates the list alongside, as a model to check applyEdits against.
 */
function planEdits(base: Questionnaire, intents: readonly Intent[]): Plan {
  const baseIds = new Set(base.questions.map((q) => q.id));
  const used = new Set(baseIds);
  const ids = base.questions.map((q) => q.id);
  const edits: unknown[] = [];
  let fresh = 0;
  let moves = 0;
  for (const intent of intents) {
    if (intent.kind === "remove") {
      if (ids.length < 2) continue;
      const [questionId] = ids.splice(intent.pick % ids.length, 1);
      edits.push({ op: "remove", questionId });
    } else if (intent.kind === "add") {
      let id = `lokal.${fresh}`;
      while (used.has(id)) id = `lokal.${++fresh}`;
      used.add(id);
      const at = intent.at === undefined ? ids.length : intent.at % (ids.length + 1);
      ids.splice(at, 0, id);
      // As a cluster may write it (authoring rules), not any parseable question.
      const question = authoredQuestion({ ...intent.question, id });
      edits.push(intent.at === undefined ? { op: "add", question } : { op: "add", question, at });
    } else {
      const [questionId] = ids.splice(intent.pick % ids.length, 1) as [string];
      const to = intent.to % (ids.length + 1);
      ids.splice(to, 0, questionId);
      edits.push({ op: "move", questionId, to });
      moves++;
    }
  }
  const present = new Set(ids);
  return {
    edits,
    expectedIds: ids,
    addedStillPresent: new Set(ids.filter((id) => !baseIds.has(id))),
    removedFromBase: new Set([...baseIds].filter((id) => !present.has(id))),
    moves,
  };
}

const fixtureBase = unwrap(createVersion(makeQuestionnaire(), { label: "fixture" }));
const fixtureIds = fixtureBase.questionnaire.questions.map((q) => q.id);

// Generous timeout: each property runs up to 200 cases and must not flake on a loaded CI runner.
describe("versioning properties", { timeout: 30_000 }, () => {
  it("hashes a generated questionnaire the same whatever the key order, at every depth", () => {
    assertProperty(
      fc.property(
        arbQuestionnaire.chain((q) => fc.tuple(fc.constant(q), arbShuffledKeys(q))),
        ([questionnaire, shuffled]) => {
          const version = unwrap(createVersion(questionnaire, { label: "a" }));
          const other = unwrap(createVersion(shuffled, { label: "b" }));
          expect(other.hash).toBe(version.hash);
          // The arbitrary makes parsed questionnaires, so parsing changes nothing.
          expect(version.questionnaire).toEqual(questionnaire);
          expect(version.hash).toBe(hashQuestionnaire(questionnaire));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("reads back every generated version after JSON, with the same hash", () => {
    assertProperty(
      fc.property(arbQuestionnaire, fc.string({ maxLength: 300 }), (questionnaire, label) => {
        const version = unwrap(createVersion(questionnaire, { label }));
        const read = unwrap(parseQuestionnaireVersion(JSON.parse(JSON.stringify(version))));
        expect(read).toEqual(version);
      }),
      { numRuns: 150 },
    );
  });

  it("applies random valid edit sequences as the model says, and diff reports them", () => {
    assertProperty(
      fc.property(
        arbQuestionnaire,
        fc.array(arbIntent, { maxLength: 12 }),
        (questionnaire, intents) => {
          const base = unwrap(createVersion(questionnaire, { label: "base" }));
          const plan = planEdits(base.questionnaire, intents);
          const result = unwrap(applyEdits(base, plan.edits, { label: "edited" }));

          expect(result.questionnaire.questions.map((q) => q.id)).toEqual(plan.expectedIds);
          expect(result.lineage.base).toBe(base.hash);
          expect(result.lineage.edits).toHaveLength(plan.edits.length);

          const d = diff(base, result);
          expect(new Set(d.added)).toEqual(plan.addedStillPresent);
          expect(d.added).toHaveLength(plan.addedStillPresent.size);
          expect(new Set(d.removed)).toEqual(plan.removedFromBase);
          expect(d.removed).toHaveLength(plan.removedFromBase.size);
          expect(d.moved.length).toBeLessThanOrEqual(plan.moves);
          if (plan.moves === 0) expect(d.moved).toEqual([]);
          // Edits never change a kept question, so every kept base question is comparable.
          const kept = base.questionnaire.questions
            .map((q) => q.id)
            .filter((id) => !plan.removedFromBase.has(id));
          expect(d.comparable).toEqual(expect.arrayContaining(kept));
          expect(d.comparable).toHaveLength(kept.length);
          expect(d.changed).toEqual([]);

          // Same edits, same base: same version; and it survives storage.
          expect(unwrap(applyEdits(base, plan.edits, { label: "again" })).hash).toBe(result.hash);
          expect(unwrap(parseQuestionnaireVersion(JSON.parse(JSON.stringify(result)))).hash).toBe(
            result.hash,
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it("never throws on arbitrary edits; a failure is a list of known issues", () => {
    const nearlyEdit = fc.record(
      {
        op: fc.oneof(fc.constantFrom("add", "remove", "move"), fc.anything()),
        questionId: fc.oneof(fc.constantFrom(...fixtureIds), fc.anything()),
        question: fc.oneof(arbQuestion, fc.anything()),
        at: fc.oneof(fc.integer({ min: -2, max: 8 }), fc.anything()),
        to: fc.oneof(fc.integer({ min: -2, max: 8 }), fc.anything()),
      },
      { requiredKeys: [] },
    );
    const anything = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
    });
    assertProperty(
      fc.property(
        fc.oneof(
          anything,
          fc.array(anything, { maxLength: 5 }),
          fc.array(fc.oneof(nearlyEdit, anything), { maxLength: 6 }),
        ),
        (edits) => {
          const result = applyEdits(fixtureBase, edits as unknown[], { label: "x" });
          if (result.success) {
            expect(result.data.lineage.base).toBe(fixtureBase.hash);
            return;
          }
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) {
            expect(isIssueCode(issue.code)).toBe(true);
            expect(["edits", "questions"]).toContain(issue.path[0]);
            expect(formatIssue(issue, "da").length).toBeGreaterThan(0);
            expect(formatIssue(issue, "en").length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
