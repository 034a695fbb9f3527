import { makeQuestionnaire } from "@klynge/test-support/questionnaires";
import { unwrap } from "@klynge/test-support/unwrap";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../issues/formatIssue.js";
import type { Issue } from "../../issues/issue.js";
import type { QuestionInput } from "../../questionnaire/model.js";
import { applyEdits } from "../../versions/applyEdits.js";
import { canonicalJson } from "../../versions/canonicalJson.js";
import { createVersion, type QuestionnaireVersion } from "../../versions/questionnaireVersion.js";

function issuesOf(result: { success: boolean; issues?: readonly Issue[] }) {
  if (result.success) throw new Error("expected failure, got success");
  return (result.issues ?? []).map(({ code, path }) => ({ code, path }));
}

const ids = (version: QuestionnaireVersion) => version.questionnaire.questions.map((q) => q.id);

// The fixture's order: rating, multi, single, text, matrix.
const baseIds = [
  "rehab.kendskab",
  "rehab.kanaler",
  "rehab.rolle",
  "rehab.kommentar",
  "rehab.grupper",
];
const base = unwrap(createVersion(makeQuestionnaire(), { label: "Rehab (KiAP-udkast)" }));
const local = (id: string): QuestionInput => ({
  id,
  type: "text",
  text: { da: `Lokalt spørgsmål ${id}` },
});
const apply = (edits: readonly unknown[], label = "Klynge Syd") =>
  applyEdits(base, edits, { label });

describe("applyEdits: what each edit does", () => {
  it("starts from the fixture's order", () => {
    expect(ids(base)).toEqual(baseIds);
  });

  it("removes a question", () => {
    const next = unwrap(apply([{ op: "remove", questionId: "rehab.rolle" }]));
    expect(ids(next)).toEqual([
      "rehab.kendskab",
      "rehab.kanaler",
      "rehab.kommentar",
      "rehab.grupper",
    ]);
  });

  it.each([
    [0, ["lokal.a", ...baseIds]],
    [
      2,
      [
        "rehab.kendskab",
        "rehab.kanaler",
        "lokal.a",
        "rehab.rolle",
        "rehab.kommentar",
        "rehab.grupper",
      ],
    ],
    [5, [...baseIds, "lokal.a"]],
  ])("adds a question at position %i", (at, expected) => {
    expect(ids(unwrap(apply([{ op: "add", question: local("lokal.a"), at }])))).toEqual(expected);
  });

  it("adds a question at the end when no position is given", () => {
    expect(ids(unwrap(apply([{ op: "add", question: local("lokal.a") }])))).toEqual([
      ...baseIds,
      "lokal.a",
    ]);
  });

  it("moves a question forward: `to` is its index afterwards", () => {
    expect(ids(unwrap(apply([{ op: "move", questionId: "rehab.kendskab", to: 3 }])))).toEqual([
      "rehab.kanaler",
      "rehab.rolle",
      "rehab.kommentar",
      "rehab.kendskab",
      "rehab.grupper",
    ]);
  });

  it("moves a question backward", () => {
    expect(ids(unwrap(apply([{ op: "move", questionId: "rehab.grupper", to: 1 }])))).toEqual([
      "rehab.kendskab",
      "rehab.grupper",
      "rehab.kanaler",
      "rehab.rolle",
      "rehab.kommentar",
    ]);
  });

  it("moves a question to the last index", () => {
    expect(ids(unwrap(apply([{ op: "move", questionId: "rehab.kanaler", to: 4 }])))).toEqual([
      "rehab.kendskab",
      "rehab.rolle",
      "rehab.kommentar",
      "rehab.grupper",
      "rehab.kanaler",
    ]);
  });

  it("reads each position against the list as the edits before it left it", () => {
    const next = unwrap(
      apply([
        { op: "remove", questionId: "rehab.kendskab" },
        { op: "remove", questionId: "rehab.kanaler" },
        // Three questions remain, so 3 is the end here, though the base had five.
        { op: "add", question: local("lokal.a"), at: 3 },
        // Index 3 exists only because of the add before it.
        { op: "move", questionId: "rehab.rolle", to: 3 },
      ]),
    );
    expect(ids(next)).toEqual(["rehab.kommentar", "rehab.grupper", "lokal.a", "rehab.rolle"]);
  });

  it("keeps the kept questions exactly as they were", () => {
    const next = unwrap(
      apply([
        { op: "remove", questionId: "rehab.rolle" },
        { op: "add", question: local("lokal.a"), at: 0 },
      ]),
    );
    for (const question of base.questionnaire.questions.filter((q) => q.id !== "rehab.rolle")) {
      expect(next.questionnaire.questions.find((q) => q.id === question.id)).toEqual(question);
    }
    expect(next.questionnaire.title).toEqual(base.questionnaire.title);
    expect(next.questionnaire.id).toBe(base.questionnaire.id);
  });

  it("fills the added question's defaults", () => {
    const next = unwrap(apply([{ op: "add", question: local("lokal.a") }]));
    expect(next.questionnaire.questions.at(-1)).toEqual({
      id: "lokal.a",
      type: "text",
      text: { da: "Lokalt spørgsmål lokal.a" },
      required: false,
      maxLength: 2000,
    });
  });
});

describe("applyEdits: the new version", () => {
  const edits = [
    { op: "remove", questionId: "rehab.kommentar" },
    { op: "add", question: local("lokal.ventetid"), at: 1 },
    { op: "move", questionId: "rehab.grupper", to: 0 },
  ];

  it("records its lineage: the base hash and the parsed edits, and takes the label", () => {
    const next = unwrap(apply(edits, "Klynge Syd + Vejle Kommune, marts 2027"));
    expect(next.label).toBe("Klynge Syd + Vejle Kommune, marts 2027");
    expect(next.lineage).toEqual({
      base: base.hash,
      edits: [
        { op: "remove", questionId: "rehab.kommentar" },
        {
          op: "add",
          question: {
            id: "lokal.ventetid",
            type: "text",
            text: { da: "Lokalt spørgsmål lokal.ventetid" },
            required: false,
            maxLength: 2000,
          },
          at: 1,
        },
        { op: "move", questionId: "rehab.grupper", to: 0 },
      ],
    });
    expect(next.hash).not.toBe(base.hash);
  });

  it("gives the same hash for the same edits on the same base (determinism)", () => {
    const a = unwrap(apply(edits, "a"));
    const b = unwrap(apply(structuredClone(edits), "b"));
    expect(b.hash).toBe(a.hash);
    expect(b.questionnaire).toEqual(a.questionnaire);
  });

  it("gives the base's hash when the edits cancel out: the hash addresses content", () => {
    const next = unwrap(
      apply([
        { op: "move", questionId: "rehab.kendskab", to: 4 },
        { op: "move", questionId: "rehab.kendskab", to: 0 },
      ]),
    );
    expect(next.hash).toBe(base.hash);
    expect(next.lineage.base).toBe(base.hash);
    expect(unwrap(apply([])).hash).toBe(base.hash);
  });

  it("does not keep a reference to the caller's edit objects", () => {
    const question = local("lokal.a") as { text: { da: string } };
    const next = unwrap(apply([{ op: "add", question }]));
    question.text.da = "ændret bagefter";
    expect(next.questionnaire.questions.at(-1)?.text.da).toBe("Lokalt spørgsmål lokal.a");
  });

  it("can be edited again, chaining lineage", () => {
    const first = unwrap(apply([{ op: "remove", questionId: "rehab.rolle" }]));
    const second = unwrap(
      applyEdits(first, [{ op: "add", question: local("lokal.b"), at: 0 }], { label: "runde 2" }),
    );
    expect(second.lineage.base).toBe(first.hash);
    expect(ids(second)).toEqual([
      "lokal.b",
      "rehab.kendskab",
      "rehab.kanaler",
      "rehab.kommentar",
      "rehab.grupper",
    ]);
  });
});

describe("applyEdits: issues", () => {
  it("reports removing an unknown question at the edit's questionId", () => {
    const result = apply([
      { op: "remove", questionId: "rehab.kendskab" },
      { op: "remove", questionId: "rehab.findes-ikke" },
    ]);
    expect(issuesOf(result)).toEqual([
      { code: "unknown_question", path: ["edits", 1, "questionId"] },
    ]);
    if (!result.success) {
      expect(result.issues[0]).toMatchObject({ value: "rehab.findes-ikke" });
      expect(formatIssue(result.issues[0] as Issue, "da")).toContain(
        'Spørgsmålet "rehab.findes-ikke" findes ikke',
      );
    }
  });

  it("reports removing a question an earlier edit already removed", () => {
    expect(
      issuesOf(
        apply([
          { op: "remove", questionId: "rehab.rolle" },
          { op: "remove", questionId: "rehab.rolle" },
        ]),
      ),
    ).toEqual([{ code: "unknown_question", path: ["edits", 1, "questionId"] }]);
  });

  it("reports moving an unknown question", () => {
    expect(issuesOf(apply([{ op: "move", questionId: "lokal.x", to: 0 }]))).toEqual([
      { code: "unknown_question", path: ["edits", 0, "questionId"] },
    ]);
  });

  it("reports adding an id that exists, also one added by an earlier edit", () => {
    expect(issuesOf(apply([{ op: "add", question: local("rehab.rolle") }]))).toEqual([
      { code: "duplicate_question_id", path: ["edits", 0, "question", "id"] },
    ]);
    expect(
      issuesOf(
        apply([
          { op: "add", question: local("lokal.a") },
          { op: "add", question: local("lokal.a"), at: 0 },
        ]),
      ),
    ).toEqual([{ code: "duplicate_question_id", path: ["edits", 1, "question", "id"] }]);
  });

  it("refuses to remove every question", () => {
    const result = apply(baseIds.map((questionId) => ({ op: "remove", questionId })));
    expect(issuesOf(result)).toEqual([{ code: "empty_questionnaire", path: ["questions"] }]);
  });

  it.each([
    [
      "a bad id, blank text and one option",
      {
        id: "Bad",
        type: "rating",
        text: { da: "  " },
        options: [{ code: "a", label: { da: "A" }, ordinal: 1 }],
      },
      [
        { code: "invalid_format", path: ["edits", 0, "question", "id"] },
        { code: "too_small", path: ["edits", 0, "question", "text", "da"] },
        { code: "too_small", path: ["edits", 0, "question", "options"] },
      ],
    ],
    [
      "a repeated option code and two 'other' options",
      {
        id: "lokal.x",
        type: "single",
        text: { da: "x" },
        options: [
          { code: "a", label: { da: "A" } },
          { code: "a", label: { da: "B" }, kind: "other" },
          { code: "c", label: { da: "C" }, kind: "other" },
        ],
      },
      [
        { code: "duplicate_option_code", path: ["edits", 0, "question", "options", 1, "code"] },
        { code: "duplicate_special_option", path: ["edits", 0, "question", "options", 2, "kind"] },
      ],
    ],
    [
      "a scale point without an ordinal and a 'Ved ikke' with one",
      {
        id: "lokal.x",
        type: "matrix",
        text: { da: "x" },
        rows: [{ code: "r", label: { da: "R" } }],
        columns: [
          { code: "a", label: { da: "A" } },
          { code: "b", label: { da: "Ved ikke" }, kind: "dontKnow", ordinal: 2 },
        ],
      },
      [
        { code: "missing_ordinal", path: ["edits", 0, "question", "columns", 0] },
        { code: "unexpected_ordinal", path: ["edits", 0, "question", "columns", 1, "ordinal"] },
      ],
    ],
    [
      "no type",
      { id: "lokal.x", text: { da: "x" } },
      [{ code: "invalid_type", path: ["edits", 0, "question", "type"] }],
    ],
    [
      "an unknown type",
      { id: "lokal.x", type: "slider", text: { da: "x" } },
      [{ code: "invalid_value", path: ["edits", 0, "question", "type"] }],
    ],
    ["a string", "Hvad synes du?", [{ code: "invalid_type", path: ["edits", 0, "question"] }]],
    [
      "an unknown field",
      { ...local("lokal.x"), hint: "x" },
      [{ code: "unknown_key", path: ["edits", 0, "question", "hint"] }],
    ],
  ])(
    "reports a malformed added question (%s) under the edit's question",
    (_name, question, expected) => {
      expect(issuesOf(apply([{ op: "add", question }]))).toEqual(expected);
    },
  );

  it("reports positions out of range with the allowed limit", () => {
    const add = apply([{ op: "add", question: local("lokal.a"), at: 6 }]);
    expect(issuesOf(add)).toEqual([{ code: "invalid_position", path: ["edits", 0, "at"] }]);
    if (!add.success) expect(add.issues[0]).toMatchObject({ limit: 5, received: "6" });

    const move = apply([{ op: "move", questionId: "rehab.rolle", to: 5 }]);
    expect(issuesOf(move)).toEqual([{ code: "invalid_position", path: ["edits", 0, "to"] }]);
    if (!move.success) {
      expect(move.issues[0]).toMatchObject({ limit: 4, received: "5" });
      expect(formatIssue(move.issues[0] as Issue, "en")).toBe(
        "Position must be between 0 and 4 (received 5).",
      );
    }
  });

  it("reports a position that only the earlier edits made out of range", () => {
    expect(
      issuesOf(
        apply([
          { op: "remove", questionId: "rehab.rolle" },
          { op: "add", question: local("lokal.a"), at: 5 },
        ]),
      ),
    ).toEqual([{ code: "invalid_position", path: ["edits", 1, "at"] }]);
  });

  it("reports a refused add once, not again as the positions after it (an editor's blank question)", () => {
    const blank = { ...local("lokal.a"), text: { da: " " } };
    const result = apply([
      { op: "add", question: blank, at: 5 },
      { op: "add", question: { ...local("lokal.b"), text: { da: "Lokalt a" } }, at: 6 },
      { op: "move", questionId: "rehab.rolle", to: 6 },
      { op: "add", question: { ...local("lokal.c"), text: { da: "Lokalt a" } }, at: 7 },
    ]);
    // The later adds are still checked: the third repeats the second's text.
    expect(issuesOf(result)).toEqual([
      { code: "too_small", path: ["edits", 0, "question", "text", "da"] },
      { code: "duplicate_question_text", path: ["edits", 3, "question", "text", "da"] },
    ]);
    // One past what the refused add accounts for is still out of range.
    expect(
      issuesOf(
        apply([
          { op: "add", question: blank, at: 5 },
          { op: "add", question: local("lokal.b"), at: 7 },
        ]),
      ),
    ).toEqual([
      { code: "too_small", path: ["edits", 0, "question", "text", "da"] },
      { code: "invalid_position", path: ["edits", 1, "at"] },
    ]);
  });

  it.each([
    [
      "a negative position",
      { op: "add", question: local("lokal.a"), at: -1 },
      [{ code: "too_small", path: ["edits", 0, "at"] }],
    ],
    [
      "a fractional position",
      { op: "move", questionId: "rehab.rolle", to: 1.5 },
      [{ code: "invalid_type", path: ["edits", 0, "to"] }],
    ],
    [
      "a move without a target",
      { op: "move", questionId: "rehab.rolle" },
      [{ code: "invalid_type", path: ["edits", 0, "to"] }],
    ],
  ])("reports %s", (_name, edit, expected) => {
    expect(issuesOf(apply([edit]))).toEqual(expected);
  });

  it("reports an unknown op at the edit's op, naming the allowed ops", () => {
    const result = apply([{ op: "rename", questionId: "rehab.rolle" }]);
    expect(issuesOf(result)).toEqual([{ code: "invalid_value", path: ["edits", 0, "op"] }]);
    if (!result.success)
      expect(result.issues[0]).toMatchObject({
        expected: "remove | add | move",
        received: '"rename"',
      });
  });

  it.each([
    [
      "a missing op",
      { questionId: "rehab.rolle" },
      [{ code: "invalid_type", path: ["edits", 0, "op"] }],
    ],
    ["a string edit", "remove", [{ code: "invalid_type", path: ["edits", 0] }]],
    ["a null edit", null, [{ code: "invalid_type", path: ["edits", 0] }]],
    [
      "an unknown field",
      { op: "remove", questionId: "rehab.rolle", at: 1 },
      [{ code: "unknown_key", path: ["edits", 0, "at"] }],
    ],
  ])("reports %s", (_name, edit, expected) => {
    expect(issuesOf(apply([edit]))).toEqual(expected);
  });

  it("reports a hole in a sparse edit list instead of skipping it", () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is what is tested
    const sparse = [
      { op: "remove", questionId: "rehab.rolle" },
      ,
      { op: "remove", questionId: "rehab.kanaler" },
    ];
    expect(issuesOf(apply(sparse))).toEqual([{ code: "invalid_type", path: ["edits", 1] }]);
  });

  it("reports every bad edit, not only the first", () => {
    const result = apply([
      { op: "remove", questionId: "lokal.x" },
      { op: "remove", questionId: "rehab.rolle" },
      { op: "jump" },
      { op: "add", question: local("lokal.a"), at: 99 },
    ]);
    expect(issuesOf(result)).toEqual([
      { code: "unknown_question", path: ["edits", 0, "questionId"] },
      { code: "invalid_value", path: ["edits", 2, "op"] },
      { code: "invalid_position", path: ["edits", 3, "at"] },
    ]);
  });

  it("reports an edit list that is not a list, or too long to store", () => {
    expect(
      issuesOf(applyEdits(base, { op: "remove" } as unknown as unknown[], { label: "x" })),
    ).toEqual([{ code: "invalid_type", path: ["edits"] }]);
    const many = Array.from({ length: 501 }, () => ({
      op: "move",
      questionId: "rehab.rolle",
      to: 0,
    }));
    expect(issuesOf(apply(many))).toEqual([{ code: "too_big", path: ["edits"] }]);
    expect(unwrap(apply(many.slice(0, 500))).lineage.edits).toHaveLength(500);
  });

  it("reports a label longer than a stored version may carry", () => {
    expect(issuesOf(apply([], "x".repeat(301)))).toEqual([{ code: "too_big", path: ["label"] }]);
  });

  it("refuses to grow past the question limit", () => {
    const big = unwrap(
      createVersion(
        {
          ...makeQuestionnaire(),
          questions: Array.from({ length: 150 }, (_, i) => local(`q${i}`)),
        },
        { label: "150" },
      ),
    );
    expect(
      issuesOf(applyEdits(big, [{ op: "add", question: local("lokal.a") }], { label: "151" })),
    ).toEqual([{ code: "too_big", path: ["edits", 0] }]);
  });

  it("leaves the base unchanged when it fails", () => {
    const before = canonicalJson(base);
    const result = apply([
      { op: "remove", questionId: "rehab.rolle" },
      { op: "add", question: local("lokal.a"), at: 0 },
      { op: "move", questionId: "lokal.a", to: 99 },
    ]);
    expect(result.success).toBe(false);
    expect(canonicalJson(base)).toBe(before);
    expect(ids(base)).toEqual(baseIds);
  });
});
