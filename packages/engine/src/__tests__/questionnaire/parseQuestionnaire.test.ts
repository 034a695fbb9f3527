import {
  editQuestionnaire,
  makeQuestionnaire,
  validQuestionnaire,
} from "@klynge/test-support/questionnaires";
import { describe, expect, it } from "vitest";
import { formatIssue, formatPath } from "../../issues/formatIssue.js";
import { parseQuestion, parseQuestionnaire } from "../../questionnaire/parseQuestionnaire.js";
import { limits } from "../../questionnaire/primitives.js";
import { questionTypeNames } from "../../questionnaire/questionTypes/registry.js";
import { expectSingleIssue, expectWellFormed, issuesOf } from "../fixtures/issues.js";

const typeNames = "rating | single | multi | text | matrix";
const idFormat = "question-id";
/** A change to the valid fixture document. */
type Change = Parameters<typeof editQuestionnaire>[0];

describe("parseQuestionnaire: a valid document", () => {
  it("parses the fixture and fills in the defaults", () => {
    const result = parseQuestionnaire(makeQuestionnaire());
    expect(result.success).toBe(true);
    if (!result.success) return;
    const byId = new Map(result.data.questions.map((q) => [q.id, q]));
    expect([...byId.keys()]).toEqual([
      "rehab.kendskab",
      "rehab.kanaler",
      "rehab.rolle",
      "rehab.kommentar",
      "rehab.grupper",
    ]);
    expect(byId.get("rehab.kendskab")?.required).toBe(true);
    expect(byId.get("rehab.kanaler")?.required).toBe(false);
    expect(byId.get("rehab.rolle")?.required).toBe(false);
    expect(byId.get("rehab.kommentar")).toEqual({
      id: "rehab.kommentar",
      type: "text",
      text: { da: "Kommentarer" },
      required: false,
      maxLength: limits.textAnswerDefault,
    });
    expect(limits.textAnswerDefault).toBe(2000);
    expect(result.data.title).toEqual(validQuestionnaire.title);
  });

  it("covers every question type", () => {
    const types = validQuestionnaire.questions.map((q) => q.type);
    expect([...types].sort()).toEqual([...questionTypeNames].sort());
  });

  it("does not modify its input", () => {
    const input = makeQuestionnaire();
    const before = structuredClone(input);
    parseQuestionnaire(input);
    expect(input).toEqual(before);
  });

  it("trims texts", () => {
    const result = parseQuestionnaire(
      editQuestionnaire((doc) => {
        doc.title.da = "  Rehab  ";
      }),
    );
    expect(result.success && result.data.title.da).toBe("Rehab");
  });

  it("accepts a lone dontKnow next to one scale point", () => {
    const result = parseQuestionnaire(
      editQuestionnaire((doc) => {
        doc.questions[0].options = doc.questions[0].options.slice(3);
      }),
    );
    expect(result.success).toBe(true);
  });
});

describe("parseQuestionnaire: one issue per problem", () => {
  it.each<[string, Change, Partial<Record<string, unknown>>]>([
    [
      "invalid_type: a title that is a number",
      (doc) => {
        doc.title = 42;
      },
      { code: "invalid_type", path: ["title"], expected: "object", received: "number" },
    ],
    [
      "invalid_type: a question option text that is null",
      (doc) => {
        doc.questions[1].options[0].label.da = null;
      },
      {
        code: "invalid_type",
        path: ["questions", 1, "options", 0, "label", "da"],
        expected: "string",
        received: "null",
      },
    ],
    [
      "invalid_type: a question without a type",
      (doc) => {
        delete doc.questions[3].type;
      },
      {
        code: "invalid_type",
        path: ["questions", 3, "type"],
        expected: typeNames,
        received: "undefined",
      },
    ],
    [
      "invalid_value: schemaVersion 2",
      (doc) => {
        doc.schemaVersion = 2;
      },
      { code: "invalid_value", path: ["schemaVersion"], expected: "1", received: "2" },
    ],
    [
      "invalid_value: an unknown option kind",
      (doc) => {
        doc.questions[1].options[2].kind = "andet";
      },
      {
        code: "invalid_value",
        path: ["questions", 1, "options", 2, "kind"],
        expected: '"other" | "none" | "dontKnow"',
        received: '"andet"',
      },
    ],
    [
      'invalid_format: the question id "Rehab Kendskab"',
      (doc) => {
        doc.questions[0].id = "Rehab Kendskab";
      },
      {
        code: "invalid_format",
        path: ["questions", 0, "id"],
        expected: idFormat,
        received: '"Rehab Kendskab"',
      },
    ],
    [
      "invalid_format: an option code names the code pattern, not the id pattern",
      (doc) => {
        doc.questions[2].options[0].code = "læge.1";
      },
      {
        code: "invalid_format",
        path: ["questions", 2, "options", 0, "code"],
        expected: "code",
        received: '"læge.1"',
      },
    ],
    [
      "too_small: an empty Danish question text",
      (doc) => {
        doc.questions[3].text.da = "";
      },
      { code: "too_small", path: ["questions", 3, "text", "da"], limit: 1, received: "0" },
    ],
    [
      "too_small: a blank Danish title counts its trimmed length",
      (doc) => {
        doc.title.da = "   ";
      },
      { code: "too_small", path: ["title", "da"], limit: 1, received: "0" },
    ],
    [
      "too_small: a rating with one option",
      (doc) => {
        doc.questions[0].options = doc.questions[0].options.slice(0, 1);
      },
      { code: "too_small", path: ["questions", 0, "options"], limit: 2, received: "1" },
    ],
    [
      "too_big: a question text over its limit",
      (doc) => {
        doc.questions[1].text.da = "x".repeat(limits.questionTextLength + 1);
      },
      {
        code: "too_big",
        path: ["questions", 1, "text", "da"],
        limit: limits.questionTextLength,
        received: String(limits.questionTextLength + 1),
      },
    ],
    [
      "too_big: too many options",
      (doc) => {
        doc.questions[2].options = Array.from({ length: limits.options + 1 }, (_, i) => ({
          code: `o${i}`,
          label: { da: `Mulighed ${i}` },
        }));
      },
      { code: "too_big", path: ["questions", 2, "options"], limit: limits.options, received: "41" },
    ],
    [
      "too_big: a text question's maxLength over the ceiling",
      (doc) => {
        doc.questions[3].maxLength = limits.textAnswerMax + 1;
      },
      {
        code: "too_big",
        path: ["questions", 3, "maxLength"],
        limit: limits.textAnswerMax,
        received: "10001",
      },
    ],
    [
      "unknown_key: an extra field on a question",
      (doc) => {
        doc.questions[4].colour = "blue";
      },
      { code: "unknown_key", path: ["questions", 4, "colour"], value: "colour" },
    ],
    [
      "duplicate_question_id",
      (doc) => {
        doc.questions[3].id = "rehab.kanaler";
      },
      { code: "duplicate_question_id", path: ["questions", 3, "id"], value: "rehab.kanaler" },
    ],
    [
      "duplicate_option_code",
      (doc) => {
        doc.questions[2].options[1].code = "laege";
      },
      {
        code: "duplicate_option_code",
        path: ["questions", 2, "options", 1, "code"],
        value: "laege",
      },
    ],
    [
      "duplicate_option_code: among matrix columns",
      (doc) => {
        doc.questions[4].columns[2].code = "aldrig";
      },
      {
        code: "duplicate_option_code",
        path: ["questions", 4, "columns", 2, "code"],
        value: "aldrig",
      },
    ],
    [
      "duplicate_row_code",
      (doc) => {
        doc.questions[4].rows[1].code = "kol";
      },
      { code: "duplicate_row_code", path: ["questions", 4, "rows", 1, "code"], value: "kol" },
    ],
    [
      "duplicate_special_option: two 'other' options",
      (doc) => {
        doc.questions[1].options[0].kind = "other";
      },
      {
        code: "duplicate_special_option",
        path: ["questions", 1, "options", 2, "kind"],
        value: "other",
      },
    ],
    [
      "missing_ordinal: a scale point without its ordinal",
      (doc) => {
        delete doc.questions[0].options[1].ordinal;
      },
      { code: "missing_ordinal", path: ["questions", 0, "options", 1] },
    ],
    [
      "unexpected_ordinal: 'Ved ikke' with an ordinal",
      (doc) => {
        doc.questions[0].options[4].ordinal = 5;
      },
      { code: "unexpected_ordinal", path: ["questions", 0, "options", 4, "ordinal"] },
    ],
    [
      "duplicate_ordinal",
      (doc) => {
        doc.questions[4].columns[2].ordinal = 1;
      },
      { code: "duplicate_ordinal", path: ["questions", 4, "columns", 2, "ordinal"], value: "1" },
    ],
    [
      "empty_questionnaire",
      (doc) => {
        doc.questions = [];
      },
      { code: "empty_questionnaire", path: ["questions"] },
    ],
  ])("%s", (_name, change, expected) => {
    expectSingleIssue(parseQuestionnaire(editQuestionnaire(change)), expected);
  });

  it.each([
    ["NaN", Number.NaN, "number", "NaN"],
    ["Infinity", Number.POSITIVE_INFINITY, "number", "Infinity"],
    ["a fraction", 1.5, "int", "1.5"],
  ])(
    "invalid_type: a maxLength of %s shows the value, not just 'number'",
    (_name, value, expected, received) => {
      expectSingleIssue(
        parseQuestionnaire(
          editQuestionnaire((doc) => {
            doc.questions[3].maxLength = value;
          }),
        ),
        { code: "invalid_type", path: ["questions", 3, "maxLength"], expected, received },
      );
    },
  );

  it("invalid_value: an unknown question type, pointed at the type", () => {
    const issue = expectSingleIssue(
      parseQuestionnaire(
        editQuestionnaire((doc) => {
          doc.questions[2].type = "slider";
        }),
      ),
      {
        code: "invalid_value",
        path: ["questions", 2, "type"],
        expected: typeNames,
        received: '"slider"',
      },
    );
    expect(formatPath(issue.path)).toBe("questions[2].type");
    expect(formatIssue(issue, "en")).toContain('"slider"');
  });

  it("too_small: a scale with no ordinal point at all", () => {
    const issues = issuesOf(
      parseQuestionnaire(
        editQuestionnaire((doc) => {
          doc.questions[0].options = [
            { code: "ved-ikke", label: { da: "Ved ikke" }, kind: "dontKnow" },
            { code: "vil-ikke", label: { da: "Vil ikke svare" }, kind: "dontKnow" },
          ];
        }),
      ),
    );
    expectWellFormed(issues);
    expect(issues).toMatchObject([
      {
        code: "duplicate_special_option",
        path: ["questions", 0, "options", 1, "kind"],
        value: "dontKnow",
      },
      { code: "too_small", path: ["questions", 0, "options"], limit: 1 },
    ]);
  });

  it("unknown_key: one issue per extra top-level field", () => {
    const issues = issuesOf(
      parseQuestionnaire(
        editQuestionnaire((doc) => {
          doc.author = "Klynge Syd";
          doc.version = 3;
        }),
      ),
    );
    expectWellFormed(issues);
    expect(issues).toMatchObject([
      { code: "unknown_key", path: ["author"], value: "author" },
      { code: "unknown_key", path: ["version"], value: "version" },
    ]);
  });

  it("reports problems in several questions at once, in document order", () => {
    const issues = issuesOf(
      parseQuestionnaire(
        editQuestionnaire((doc) => {
          doc.questions[0].options[1].ordinal = 1;
          doc.questions[4].rows[1].code = "kol";
        }),
      ),
    );
    expect(issues.map((i) => i.code)).toEqual(["duplicate_ordinal", "duplicate_row_code"]);
  });
});

describe("parseQuestionnaire: hostile input never throws", () => {
  it.each([
    ["null", null, "null"],
    ["a number", 42, "number"],
    ["a string", "x", "string"],
    ["an array", [], "array"],
    ["undefined", undefined, "undefined"],
  ])("%s is invalid_type at the root", (_name, input, received) => {
    const issue = expectSingleIssue(parseQuestionnaire(input), {
      code: "invalid_type",
      path: [],
      expected: "object",
      received,
    });
    expect(formatPath(issue.path, "da")).toBe("(rod)");
    expect(formatPath(issue.path, "en")).toBe("(root)");
  });

  it("an empty object lists every missing field", () => {
    const issues = issuesOf(parseQuestionnaire({}));
    expectWellFormed(issues);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["invalid_value", ["schemaVersion"]],
      ["invalid_type", ["id"]],
      ["invalid_type", ["title"]],
      ["invalid_type", ["questions"]],
    ]);
  });

  it("a deeply nested junk object", () => {
    let junk: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 10_000; i++) junk = { a: junk, b: [junk] };
    const issues = issuesOf(parseQuestionnaire(junk));
    expectWellFormed(issues);
    expect(issues).toContainEqual(expect.objectContaining({ code: "unknown_key", path: ["a"] }));
    expect(issues).toContainEqual(expect.objectContaining({ code: "unknown_key", path: ["b"] }));
  });

  it("deeply nested junk where a question should be", () => {
    let junk: unknown = [];
    for (let i = 0; i < 10_000; i++) junk = [junk];
    const issues = issuesOf(
      parseQuestionnaire(
        editQuestionnaire((doc) => {
          doc.questions = junk;
        }),
      ),
    );
    expectWellFormed(issues);
    expect(issues).toMatchObject([
      { code: "invalid_type", path: ["questions", 0], expected: "object", received: "array" },
    ]);
  });

  it("an object with a throwing getter", () => {
    const input = makeQuestionnaire() as unknown as Record<string, unknown>;
    Object.defineProperty(input, "questions", {
      get() {
        throw new Error("boom");
      },
      enumerable: true,
    });
    const issue = expectSingleIssue(parseQuestionnaire(input), { code: "invalid_type", path: [] });
    expect(issue).toMatchObject({ received: "unreadable" });
  });

  it("a question with a throwing getter", () => {
    const input = makeQuestionnaire() as unknown as { questions: Record<string, unknown>[] };
    Object.defineProperty(input.questions[1], "options", {
      get() {
        throw new Error("boom");
      },
      enumerable: true,
    });
    expectSingleIssue(parseQuestionnaire(input), { code: "invalid_type", path: [] });
  });

  it("a JSON '__proto__' key is an unknown key, not a prototype", () => {
    const input = JSON.parse(
      JSON.stringify(makeQuestionnaire()).replace(/^\{/, '{"__proto__":{"polluted":true},'),
    );
    expectSingleIssue(parseQuestionnaire(input), { code: "unknown_key", path: ["__proto__"] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("parseQuestion", () => {
  it("parses one question and fills defaults", () => {
    const result = parseQuestion({ id: "ny", type: "text", text: { da: "Andet?" } });
    expect(result).toEqual({
      success: true,
      data: { id: "ny", type: "text", text: { da: "Andet?" }, required: false, maxLength: 2000 },
    });
  });

  it("reports meaning problems relative to the question", () => {
    expectSingleIssue(
      parseQuestion({
        id: "ny",
        type: "single",
        text: { da: "Hvilken?" },
        options: [
          { code: "a", label: { da: "A" } },
          { code: "a", label: { da: "B" } },
        ],
      }),
      { code: "duplicate_option_code", path: ["options", 1, "code"], value: "a" },
    );
  });
});
