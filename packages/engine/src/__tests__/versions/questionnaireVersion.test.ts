import { createHash } from "node:crypto";
import { makeQuestionnaire } from "@klynge/test-support/questionnaires";
import { unwrap } from "@klynge/test-support/unwrap";
import { describe, expect, it } from "vitest";
import { sha256Hex, utf8Encode } from "../../internal/sha256.js";
import { formatIssue } from "../../issues/formatIssue.js";
import type { Issue } from "../../issues/issue.js";
import { applyEdits } from "../../versions/applyEdits.js";
import { canonicalJson } from "../../versions/canonicalJson.js";
import {
  createVersion,
  hashPattern,
  hashQuestionnaire,
  parseQuestionnaireVersion,
  type QuestionnaireVersion,
} from "../../versions/questionnaireVersion.js";

function issuesOf(result: {
  success: boolean;
  issues?: readonly Issue[];
}): { code: string; path: readonly (string | number)[] }[] {
  if (result.success) throw new Error("expected failure, got success");
  return (result.issues ?? []).map(({ code, path }) => ({ code, path }));
}

/** A deep copy whose object keys, at every depth, are in reverse order. */
function reverseKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeysDeep);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeysDeep(v)]),
  );
}

/** Simulates storing a version in IndexedDB or sending it over HTTP. */
const roundTrip = (version: QuestionnaireVersion): unknown => JSON.parse(JSON.stringify(version));

const mini = {
  schemaVersion: 1,
  id: "mini",
  title: { da: "Mini" },
  questions: [{ id: "q1", type: "text", text: { da: "Hvad synes du?" } }],
};

describe("hashQuestionnaire and createVersion", () => {
  it("pins the hash of a small questionnaire, defaults included, so stored responses stay bound", () => {
    const version = unwrap(createVersion(mini, { label: "Mini" }));
    const canonical =
      '{"id":"mini","questions":[{"id":"q1","maxLength":2000,"required":false,"text":{"da":"Hvad synes du?"},' +
      '"type":"text"}],"schemaVersion":1,"title":{"da":"Mini"}}';
    expect(canonicalJson(version.questionnaire)).toBe(canonical);
    expect(createHash("sha256").update(canonical, "utf8").digest("hex")).toBe(
      "d2d3c8f356f3bfa66d27eaed98679d39567e58f8f8b08c251efab8d64f9791cf",
    );
    expect(version.hash).toBe("d2d3c8f356f3bfa66d27eaed98679d39567e58f8f8b08c251efab8d64f9791cf");
  });

  it("is the SHA-256 of the parsed questionnaire's canonical JSON", () => {
    const version = unwrap(createVersion(makeQuestionnaire(), { label: "Rehab" }));
    const expected = createHash("sha256")
      .update(canonicalJson(version.questionnaire), "utf8")
      .digest("hex");
    expect(version.hash).toBe(expected);
    expect(version.hash).toBe(sha256Hex(utf8Encode(canonicalJson(version.questionnaire))));
    expect(hashQuestionnaire(version.questionnaire)).toBe(expected);
    expect(version.hash).toMatch(hashPattern);
  });

  it("does not depend on the key order of the input", () => {
    const a = unwrap(createVersion(makeQuestionnaire(), { label: "a" }));
    const b = unwrap(createVersion(reverseKeysDeep(makeQuestionnaire()), { label: "a" }));
    expect(b.hash).toBe(a.hash);
  });

  it("hashes the parsed form: defaults written out give the same hash as defaults left out", () => {
    const explicit = structuredClone(mini);
    Object.assign(explicit.questions[0] as object, { required: false, maxLength: 2000 });
    expect(unwrap(createVersion(explicit, { label: "x" })).hash).toBe(
      unwrap(createVersion(mini, { label: "x" })).hash,
    );
  });

  it("does not hash the label or the lineage: content addressing", () => {
    const a = unwrap(createVersion(makeQuestionnaire(), { label: "Klynge Syd, marts" }));
    const b = unwrap(
      createVersion(makeQuestionnaire(), {
        label: "Klynge Nord, maj",
        lineage: { base: "0".repeat(64), edits: [], template: { id: "rehab", semver: "1.0.0" } },
      }),
    );
    expect(b.hash).toBe(a.hash);
    expect(b.label).toBe("Klynge Nord, maj");
  });

  it("changes when any content changes, even an English text", () => {
    const base = unwrap(createVersion(makeQuestionnaire(), { label: "x" })).hash;
    const input = makeQuestionnaire();
    const first = input.questions[0];
    if (first === undefined) throw new Error("fixture has no questions");
    first.text = { ...first.text, en: "How well do you know them?" };
    expect(unwrap(createVersion(input, { label: "x" })).hash).not.toBe(base);
  });

  it("returns issues, not a version, for an invalid questionnaire", () => {
    const input = { ...makeQuestionnaire(), questions: [] };
    expect(issuesOf(createVersion(input, { label: "x" }))).toEqual([
      { code: "empty_questionnaire", path: ["questions"] },
    ]);
  });

  it("refuses a label it could not read back, with the questionnaire's issues too", () => {
    const long = "x".repeat(301);
    expect(issuesOf(createVersion(makeQuestionnaire(), { label: long }))).toEqual([
      { code: "too_big", path: ["label"] },
    ]);
    expect(
      issuesOf(createVersion({ ...makeQuestionnaire(), questions: [] }, { label: long })),
    ).toEqual([
      { code: "empty_questionnaire", path: ["questions"] },
      { code: "too_big", path: ["label"] },
    ]);
    const atLimit = unwrap(createVersion(makeQuestionnaire(), { label: "x".repeat(300) }));
    expect(unwrap(parseQuestionnaireVersion(roundTrip(atLimit))).label).toHaveLength(300);
  });
});

describe("a version is deeply frozen", () => {
  it("freezes the version, its questionnaire down to option labels, and its lineage", () => {
    const version = unwrap(createVersion(makeQuestionnaire(), { label: "x" }));
    const first = version.questionnaire.questions[0];
    if (first?.type !== "rating") throw new Error("fixture's first question is a rating");
    for (const part of [
      version,
      version.questionnaire,
      version.questionnaire.questions,
      first,
      first.text,
      first.options,
      first.options[0]?.label,
      version.lineage,
      version.lineage.edits,
    ]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
    expect(() => {
      (first.text as { da: string }).da = "ændret";
    }).toThrow(TypeError);
    expect(() => {
      (version.questionnaire.questions as unknown[]).push({});
    }).toThrow(TypeError);
    expect(first.text.da).toBe("Hvor godt kender du kommunens rehabiliteringstilbud?");
  });

  it("freezes what sits inside a lineage that was frozen only at the top", () => {
    const edits = [{ op: "remove" as const, questionId: "rehab.kommentar" }];
    const lineage = Object.freeze({ base: null, edits });
    const version = unwrap(createVersion(makeQuestionnaire(), { label: "x", lineage }));
    expect(Object.isFrozen(version.lineage.edits)).toBe(true);
    expect(Object.isFrozen(version.lineage.edits[0])).toBe(true);
  });

  it("freezes versions made by applyEdits, including an added question", () => {
    const base = unwrap(createVersion(makeQuestionnaire(), { label: "x" }));
    const added = { id: "lokal.ny", type: "text", text: { da: "Ny lokal" } };
    const next = unwrap(applyEdits(base, [{ op: "add", question: added }], { label: "y" }));
    const last = next.questionnaire.questions.at(-1);
    expect(last?.id).toBe("lokal.ny");
    expect(Object.isFrozen(last)).toBe(true);
    expect(Object.isFrozen(last?.text)).toBe(true);
    expect(Object.isFrozen(next.lineage.edits[0])).toBe(true);
    // The caller's object is not the stored one, so the caller can still change its own copy.
    expect(Object.isFrozen(added)).toBe(false);
  });
});

describe("parseQuestionnaireVersion", () => {
  const version = unwrap(createVersion(makeQuestionnaire(), { label: "Klynge Syd" }));

  it("reads back a version that went through JSON", () => {
    const read = unwrap(parseQuestionnaireVersion(roundTrip(version)));
    expect(read).toEqual(version);
    expect(read.hash).toBe(version.hash);
    expect(Object.isFrozen(read.questionnaire.questions[0])).toBe(true);
  });

  it("reads back an edited version with its lineage: base, parsed edits and template", () => {
    const base = unwrap(
      createVersion(makeQuestionnaire(), {
        label: "Rehab",
        lineage: { base: null, edits: [], template: { id: "rehab", semver: "1.2.0" } },
      }),
    );
    const edited = unwrap(
      applyEdits(
        base,
        [
          { op: "remove", questionId: "rehab.kommentar" },
          {
            op: "add",
            question: { id: "lokal.ventetid", type: "text", text: { da: "Ventetid?" } },
            at: 0,
          },
          { op: "move", questionId: "rehab.rolle", to: 1 },
        ],
        { label: "Klynge Syd + Vejle" },
      ),
    );
    const read = unwrap(parseQuestionnaireVersion(roundTrip(edited)));
    expect(read).toEqual(edited);
    expect(read.lineage.base).toBe(base.hash);
    expect(read.lineage.edits.map((e) => e.op)).toEqual(["remove", "add", "move"]);
    const template = unwrap(parseQuestionnaireVersion(roundTrip(base))).lineage.template;
    expect(template).toEqual({ id: "rehab", semver: "1.2.0" });
  });

  it("refuses a version whose question text was changed but whose hash was kept", () => {
    const tampered = roundTrip(version) as {
      questionnaire: { questions: { text: { da: string } }[] };
    };
    const first = tampered.questionnaire.questions[0];
    if (first === undefined) throw new Error("fixture has no questions");
    first.text.da = "Hvor dårligt kender du kommunens tilbud?";
    const result = parseQuestionnaireVersion(tampered);
    expect(issuesOf(result)).toEqual([{ code: "hash_mismatch", path: ["hash"] }]);
    if (result.success) return;
    const [issue] = result.issues;
    if (issue?.code !== "hash_mismatch") expect.fail(`expected hash_mismatch, got ${issue?.code}`);
    expect(issue.expected).toBe(version.hash);
    expect(issue.received).toMatch(hashPattern);
    expect(issue.received).not.toBe(version.hash);
    expect(formatIssue(issue, "en")).toContain("altered or damaged");
  });

  it("refuses a relabelled hash: the hash of another questionnaire", () => {
    const other = unwrap(createVersion(mini, { label: "Mini" }));
    const swapped = { ...(roundTrip(version) as object), hash: other.hash };
    expect(issuesOf(parseQuestionnaireVersion(swapped))).toEqual([
      { code: "hash_mismatch", path: ["hash"] },
    ]);
  });

  it.each([
    ["too short", "abc123"],
    ["upper-case hex", "D2D3C8F356F3BFA66D27EAED98679D39567E58F8F8B08C251EFAB8D64F9791CF"],
    ["not hex", "g".repeat(64)],
  ])("refuses a hash that is %s", (_name, hash) => {
    const stored = { ...(roundTrip(version) as object), hash };
    expect(issuesOf(parseQuestionnaireVersion(stored))).toEqual([
      { code: "invalid_format", path: ["hash"] },
    ]);
  });

  it("refuses a malformed lineage base", () => {
    const stored = roundTrip(version) as { lineage: { base: unknown } };
    stored.lineage.base = "not-a-hash";
    expect(issuesOf(parseQuestionnaireVersion(stored))).toEqual([
      { code: "invalid_format", path: ["lineage", "base"] },
    ]);
  });

  it.each([
    [
      "an unknown op",
      { op: "rename", questionId: "rehab.kendskab" },
      [{ code: "invalid_value", path: ["lineage", "edits", 1, "op"] }],
    ],
    [
      "a bad question id",
      { op: "remove", questionId: "Rehab Kendskab" },
      [{ code: "invalid_format", path: ["lineage", "edits", 1, "questionId"] }],
    ],
    [
      "a negative move target",
      { op: "move", questionId: "rehab.rolle", to: -1 },
      [{ code: "too_small", path: ["lineage", "edits", 1, "to"] }],
    ],
    [
      "an unknown field",
      { op: "remove", questionId: "rehab.rolle", why: "x" },
      [{ code: "unknown_key", path: ["lineage", "edits", 1, "why"] }],
    ],
    [
      "an added question without Danish text",
      { op: "add", question: { id: "lokal.x", type: "text", text: { en: "Only English" } } },
      [{ code: "invalid_type", path: ["lineage", "edits", 1, "question", "text", "da"] }],
    ],
    [
      "an added rating with a repeated ordinal",
      {
        op: "add",
        question: {
          id: "lokal.skala",
          type: "rating",
          text: { da: "Skala" },
          options: [
            { code: "a", label: { da: "A" }, ordinal: 1 },
            { code: "b", label: { da: "B" }, ordinal: 1 },
          ],
        },
      },
      [
        {
          code: "duplicate_ordinal",
          path: ["lineage", "edits", 1, "question", "options", 1, "ordinal"],
        },
      ],
    ],
  ])("refuses a lineage edit with %s, at its path", (_name, badEdit, expected) => {
    const stored = roundTrip(version) as { lineage: { edits: unknown[] } };
    stored.lineage.edits = [{ op: "remove", questionId: "rehab.kommentar" }, badEdit];
    expect(issuesOf(parseQuestionnaireVersion(stored))).toEqual(expected);
  });

  it("reports every bad lineage edit, not only the first", () => {
    const stored = roundTrip(version) as { lineage: { edits: unknown[] } };
    stored.lineage.edits = [
      { op: "jump" },
      { op: "remove", questionId: "ok" },
      { op: "move", questionId: "x" },
    ];
    expect(issuesOf(parseQuestionnaireVersion(stored))).toEqual([
      { code: "invalid_value", path: ["lineage", "edits", 0, "op"] },
      { code: "invalid_type", path: ["lineage", "edits", 2, "to"] },
    ]);
  });

  it("prefixes a broken questionnaire's issues with ['questionnaire']", () => {
    const stored = roundTrip(version) as { questionnaire: { questions: { id: string }[] } };
    const second = stored.questionnaire.questions[1];
    if (second === undefined) throw new Error("fixture has < 2 questions");
    second.id = stored.questionnaire.questions[0]?.id ?? "";
    expect(issuesOf(parseQuestionnaireVersion(stored))).toEqual([
      { code: "duplicate_question_id", path: ["questionnaire", "questions", 1, "id"] },
    ]);
  });

  it.each([
    ["null", null, [{ code: "invalid_type", path: [] }]],
    ["a string", "version", [{ code: "invalid_type", path: [] }]],
    [
      "an extra field",
      { ...(JSON.parse(JSON.stringify(version)) as object), extra: 1 },
      [{ code: "unknown_key", path: ["extra"] }],
    ],
    [
      "too many lineage edits",
      {
        ...(JSON.parse(JSON.stringify(version)) as object),
        lineage: { base: null, edits: new Array(501).fill({ op: "remove", questionId: "a" }) },
      },
      [{ code: "too_big", path: ["lineage", "edits"] }],
    ],
  ])("refuses %s with issues instead of throwing", (_name, input, expected) => {
    expect(issuesOf(parseQuestionnaireVersion(input))).toEqual(expected);
  });
});
