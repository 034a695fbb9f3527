import { assertProperty } from "@klynge/test-support/property";
import {
  arbQuestion,
  arbQuestionnaire,
  type LooseDocument,
} from "@klynge/test-support/questionnaires";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Issue, Result } from "../../issues/issue.js";
import type { Questionnaire } from "../../questionnaire/model.js";
import { parseQuestion, parseQuestionnaire } from "../../questionnaire/parseQuestionnaire.js";
import { isWellFormed } from "../fixtures/issues.js";
import { arbJunk, arbLookalike } from "../fixtures/junk.js";

/** Parsing the printed form (JSON) of a parsed questionnaire gives it back unchanged. */
function roundTrips(questionnaire: Questionnaire): boolean {
  const result = parseQuestionnaire(JSON.parse(JSON.stringify(questionnaire)));
  expect(result).toEqual({ success: true, data: questionnaire });
  return true;
}

/** Never throws; a failure carries well-formed issues, a success round-trips. */
function wellBehaved<T>(parse: (input: unknown) => Result<T>, input: unknown): Result<T> {
  const result = parse(input);
  if (result.success) {
    expect(parse(JSON.parse(JSON.stringify(result.data)))).toEqual(result);
  } else {
    expect(result.issues.length).toBeGreaterThan(0);
    const bad = result.issues.filter((issue) => !isWellFormed(issue));
    expect(bad).toEqual([]);
    const astray = result.issues.filter((issue) => !pointsInto(input, issue.path));
    expect(astray).toEqual([]);
  }
  return result;
}

/** All but the last key of `path` lead to a value in `input`: an issue names where it is. */
function pointsInto(input: unknown, path: readonly (string | number)[]): boolean {
  let node = input;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}

/** Every path to a value in a JSON tree, the root excluded. */
function pathsIn(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object") return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsIn(child, [...prefix, key])]);
}

function parentOf(doc: LooseDocument, path: (string | number)[]): LooseDocument {
  return path.slice(0, -1).reduce((node: LooseDocument, key) => node[key], doc);
}

/** Keys a valid questionnaire may lack (optional, or filled by a default). */
const omittable = new Set(["description", "en", "kind", "required", "maxLength"]);

describe("parseQuestionnaire properties", () => {
  it("parse(JSON.parse(JSON.stringify(x))) equals x for valid questionnaires", () => {
    assertProperty(fc.property(arbQuestionnaire, roundTrips), { numRuns: 300 });
  });

  it("never throws on anything; issues are coded, pathed and translated", () => {
    assertProperty(
      fc.property(arbJunk, (input) => {
        wellBehaved(parseQuestionnaire, input);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on questionnaire-shaped junk", () => {
    assertProperty(
      fc.property(arbLookalike, (input) => {
        wellBehaved(parseQuestionnaire, input);
      }),
      { numRuns: 300 },
    );
  });

  it("parseQuestion round-trips valid questions and never throws on junk", () => {
    assertProperty(
      fc.property(arbQuestion, (question) => {
        expect(parseQuestion(JSON.parse(JSON.stringify(question)))).toEqual({
          success: true,
          data: question,
        });
      }),
    );
    assertProperty(
      fc.property(fc.oneof(arbJunk, arbLookalike), (input) => {
        wellBehaved(parseQuestion, input);
      }),
    );
  });
});

describe("parseQuestionnaire on mutated valid documents", () => {
  it("deleting any key: a coded failure, or success only for an optional key", () => {
    assertProperty(
      fc.property(arbQuestionnaire, fc.nat(), (questionnaire, pick) => {
        const doc: LooseDocument = structuredClone(questionnaire);
        const paths = pathsIn(doc).filter((p) => typeof p[p.length - 1] === "string");
        const path = paths[pick % paths.length] as (string | number)[];
        const key = path[path.length - 1] as string;
        delete parentOf(doc, path)[key];
        const result = wellBehaved(parseQuestionnaire, doc);
        if (result.success) expect(omittable.has(key), `deleted ${path.join(".")}`).toBe(true);
      }),
    );
  });

  it("replacing any value with anything: a coded failure or a valid result", () => {
    assertProperty(
      fc.property(arbQuestionnaire, fc.nat(), arbJunk, (questionnaire, pick, junk) => {
        const doc: LooseDocument = structuredClone(questionnaire);
        const paths = pathsIn(doc);
        const path = paths[pick % paths.length] as (string | number)[];
        parentOf(doc, path)[path[path.length - 1] as string | number] = junk;
        wellBehaved(parseQuestionnaire, doc);
      }),
    );
  });

  it("duplicating a question is reported as duplicate_question_id at the copy", () => {
    assertProperty(
      fc.property(arbQuestionnaire, fc.nat(), fc.nat(), (questionnaire, from, to) => {
        const questions = [...questionnaire.questions];
        const copied = questions[from % questions.length] as Questionnaire["questions"][number];
        const at = (to % questions.length) + 1;
        questions.splice(at, 0, structuredClone(copied));
        const result = wellBehaved(parseQuestionnaire, { ...questionnaire, questions });
        expect(result.success).toBe(false);
        const issues = result.success ? [] : result.issues;
        const original = questions.indexOf(copied);
        const second = Math.max(original, at);
        expect(issues).toEqual([
          expect.objectContaining<Partial<Issue>>({
            code: "duplicate_question_id",
            path: ["questions", second, "id"],
            value: copied.id,
          }),
        ]);
      }),
    );
  });
});
