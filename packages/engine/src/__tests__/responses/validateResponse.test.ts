import { editQuestionnaire, validQuestionnaire } from "@klynge/test-support/questionnaires";
import { makeResponse, validAnswers, versionOf } from "@klynge/test-support/responses";
import { describe, expect, it } from "vitest";
import { limits } from "../../questionnaire/primitives.js";
import { validateResponse } from "../../responses/validateResponse.js";
import { expectSingleIssue, expectWellFormed, issuesOf } from "../fixtures/issues.js";

const version = versionOf(validQuestionnaire);
const otherHash = "0".repeat(64);

/** The valid answers with some replaced; `undefined` removes one. */
function answers(patch: Record<string, unknown> = {}): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...structuredClone(validAnswers), ...patch };
  for (const [id, answer] of Object.entries(patch)) if (answer === undefined) delete merged[id];
  return merged;
}

function validate(patch: Record<string, unknown>, options?: { mode: "draft" | "submit" }) {
  return validateResponse(version, makeResponse(version, answers(patch)), options);
}

describe("validateResponse: valid responses", () => {
  it("accepts a complete response and returns it", () => {
    const input = makeResponse(version, answers());
    expect(validateResponse(version, input)).toEqual({ success: true, data: input });
  });

  it("leaves out an absent submittedAt", () => {
    const input = makeResponse(version, answers(), { submittedAt: undefined });
    delete input.submittedAt;
    const result = validateResponse(version, input);
    expect(result.success).toBe(true);
    expect(result.success && Object.hasOwn(result.data, "submittedAt")).toBe(false);
  });

  it.each([
    ["rating: a scale point", "rehab.kendskab", { choice: "3" }],
    ["rating: 'Ved ikke'", "rehab.kendskab", { choice: "ved-ikke" }],
    ["multi: several ordinary options", "rehab.kanaler", { choices: ["edifact", "telefon"] }],
    ["multi: 'Andet' with its text", "rehab.kanaler", { choices: ["andet"], otherText: "Fax" }],
    ["multi: 'none' alone", "rehab.kanaler", { choices: ["ingen"] }],
    ["single: an ordinary option", "rehab.rolle", { choice: "laege" }],
    ["single: 'Andet' without text", "rehab.rolle", { choice: "andet" }],
    ["text: at the default limit", "rehab.kommentar", { text: "æ".repeat(2000) }],
    ["matrix: every row", "rehab.grupper", { rows: { diabetes: "ofte", kol: "sjaeldent" } }],
  ])("%s", (_name, id, answer) => {
    const result = validate({ [id]: answer });
    expect(result.success && result.data.answers[id]).toEqual(answer);
  });

  it("accepts an optional question left out", () => {
    const result = validate({ "rehab.kanaler": undefined, "rehab.kommentar": undefined });
    expect(result.success && Object.keys(result.data.answers)).toEqual([
      "rehab.kendskab",
      "rehab.rolle",
      "rehab.grupper",
    ]);
  });

  it("trims text answers", () => {
    const result = validate({ "rehab.kommentar": { text: "  Fint  " } });
    expect(result.success && result.data.answers["rehab.kommentar"]).toEqual({ text: "Fint" });
  });

  it("accepts all answers in mode 'draft' with required questions missing", () => {
    const result = validate(
      { "rehab.kendskab": undefined, "rehab.grupper": { rows: { kol: "ofte" } } },
      { mode: "draft" },
    );
    expect(result.success).toBe(true);
  });
});

describe("validateResponse: the envelope", () => {
  const envelope = (patch: Record<string, unknown>) =>
    validateResponse(version, makeResponse(version, answers(), patch));

  it("a bad uuid", () => {
    expectSingleIssue(envelope({ id: "not-a-uuid" }), {
      code: "invalid_format",
      path: ["id"],
      expected: "uuid",
      received: '"not-a-uuid"',
    });
  });

  it("a bad channel", () => {
    expectSingleIssue(envelope({ channel: "email" }), {
      code: "invalid_value",
      path: ["channel"],
      expected: '"embed" | "app" | "kiosk"',
      received: '"email"',
    });
  });

  it.each([
    ["startedAt", "1. marts 2027"],
    ["startedAt", "2027-03-01 10:00"],
    ["submittedAt", "2027-02-30T10:00:00Z"],
    ["submittedAt", "2027-03-01T10:00:00"],
  ])("a bad timestamp: %s %s", (key, value) => {
    expectSingleIssue(envelope({ [key]: value }), {
      code: "invalid_format",
      path: [key],
      expected: "datetime",
      received: JSON.stringify(value),
    });
  });

  it("a timestamp that is a number", () => {
    expectSingleIssue(envelope({ startedAt: 1_772_355_600_000 }), {
      code: "invalid_type",
      path: ["startedAt"],
      expected: "string",
      received: "number",
    });
  });

  it("an unknown envelope key", () => {
    expectSingleIssue(envelope({ ip: "10.0.0.1" }), {
      code: "unknown_key",
      path: ["ip"],
      value: "ip",
    });
  });

  it("a missing answers map", () => {
    expectSingleIssue(envelope({ answers: undefined }), {
      code: "invalid_type",
      path: ["answers"],
      expected: "record",
      received: "undefined",
    });
  });

  it("a bad round id shows the pattern it must match", () => {
    expectSingleIssue(envelope({ roundId: "klynge syd" }), {
      code: "invalid_format",
      path: ["roundId"],
      expected: "/^[A-Za-z0-9][A-Za-z0-9._-]*$/",
      received: '"klynge syd"',
    });
  });

  it("a version hash that is not a SHA-256 hex digest", () => {
    expectSingleIssue(envelope({ versionHash: "ABC" }), {
      code: "invalid_format",
      path: ["versionHash"],
      expected: "/^[0-9a-f]{64}$/",
      received: '"ABC"',
    });
  });

  it("an empty round id is both too short and ill-formed", () => {
    const issues = issuesOf(envelope({ roundId: "" }));
    expectWellFormed(issues);
    expect(issues).toMatchObject([
      { code: "too_small", path: ["roundId"], limit: 1, received: "0" },
      { code: "invalid_format", path: ["roundId"], received: '""' },
    ]);
  });

  it("a response that is not an object", () => {
    expectSingleIssue(validateResponse(version, "svar"), {
      code: "invalid_type",
      path: [],
      expected: "object",
      received: "string",
    });
  });

  it("an envelope with a throwing getter", () => {
    const input = makeResponse(version, answers());
    Object.defineProperty(input, "answers", {
      get() {
        throw new Error("boom");
      },
      enumerable: true,
    });
    expectSingleIssue(validateResponse(version, input), {
      code: "invalid_type",
      path: [],
      received: "unreadable",
    });
  });
});

describe("validateResponse: objects that are not plain JSON", () => {
  it("an envelope whose fields are inherited is read, not thrown on", () => {
    const input: unknown = Object.create(makeResponse(version, answers()));
    const result = validateResponse(version, input);
    expect(result.success && result.data.answers).toEqual(validAnswers);
  });

  it("inherited answers are checked like own ones", () => {
    const input: unknown = Object.create(
      makeResponse(version, answers({ "rehab.rolle": { choice: "kok" } })),
    );
    expectSingleIssue(validateResponse(version, input), {
      code: "unknown_option",
      path: ["answers", "rehab.rolle", "choice"],
    });
  });
});

describe("validateResponse: answers against the version", () => {
  it("version_mismatch", () => {
    expectSingleIssue(
      validateResponse(version, makeResponse(version, answers(), { versionHash: otherHash })),
      {
        code: "version_mismatch",
        path: ["versionHash"],
        expected: version.hash,
        received: otherHash,
      },
    );
  });

  it("unknown_question", () => {
    expectSingleIssue(validate({ "rehab.ukendt": { choice: "1" } }), {
      code: "unknown_question",
      path: ["answers", "rehab.ukendt"],
      value: "rehab.ukendt",
    });
  });

  it("unknown_question: a JSON '__proto__' key is reported, not dropped", () => {
    const json = JSON.stringify(makeResponse(version, answers())).replace(
      '"answers":{',
      '"answers":{"__proto__":{"choice":"1"},',
    );
    const input: unknown = JSON.parse(json);
    expectSingleIssue(validateResponse(version, input), {
      code: "unknown_question",
      path: ["answers", "__proto__"],
      value: "__proto__",
    });
  });

  it("too_big: an answers key longer than any question id", () => {
    const id = "x".repeat(limits.idLength + 1);
    expectSingleIssue(validate({ [id]: { text: "a" } }), {
      code: "too_big",
      path: ["answers", id],
      limit: limits.idLength,
      received: String(limits.idLength + 1),
    });
  });

  it("unknown_option: rating", () => {
    expectSingleIssue(validate({ "rehab.kendskab": { choice: "6" } }), {
      code: "unknown_option",
      path: ["answers", "rehab.kendskab", "choice"],
      value: "6",
    });
  });

  it("unknown_option: multi, at the choice's index", () => {
    expectSingleIssue(validate({ "rehab.kanaler": { choices: ["telefon", "brev"] } }), {
      code: "unknown_option",
      path: ["answers", "rehab.kanaler", "choices", 1],
      value: "brev",
    });
  });

  it("unknown_option: single", () => {
    expectSingleIssue(validate({ "rehab.rolle": { choice: "kok" } }), {
      code: "unknown_option",
      path: ["answers", "rehab.rolle", "choice"],
      value: "kok",
    });
  });

  it("unknown_option: a matrix column", () => {
    expectSingleIssue(validate({ "rehab.grupper": { rows: { kol: "ofte", diabetes: "altid" } } }), {
      code: "unknown_option",
      path: ["answers", "rehab.grupper", "rows", "diabetes"],
      value: "altid",
    });
  });

  it("unknown_row (an invalid answer is not also reported as missing)", () => {
    expectSingleIssue(validate({ "rehab.grupper": { rows: { kol: "ofte", astma: "ofte" } } }), {
      code: "unknown_row",
      path: ["answers", "rehab.grupper", "rows", "astma"],
      value: "astma",
    });
  });

  it("too_big: more matrix rows than the question has", () => {
    expectSingleIssue(
      validate({ "rehab.grupper": { rows: { kol: "ofte", diabetes: "ofte", astma: "ofte" } } }),
      { code: "too_big", path: ["answers", "rehab.grupper", "rows"], limit: 2, received: "3" },
    );
  });

  it("too_small: a matrix answer with no rows", () => {
    expectSingleIssue(validate({ "rehab.grupper": { rows: {} } }), {
      code: "too_small",
      path: ["answers", "rehab.grupper", "rows"],
      limit: 1,
      received: "0",
    });
  });

  it.each([
    ["rating as a bare code", "rehab.kendskab", "3", [], "object", "string"],
    [
      "multi choices as a string",
      "rehab.kanaler",
      { choices: "telefon" },
      ["choices"],
      "array",
      "string",
    ],
    ["single choice as a number", "rehab.rolle", { choice: 1 }, ["choice"], "string", "number"],
    ["text as null", "rehab.kommentar", { text: null }, ["text"], "string", "null"],
    ["matrix rows as an array", "rehab.grupper", { rows: ["kol"] }, ["rows"], "record", "array"],
  ])("invalid_type: %s", (_name, id, answer, at, expected, received) => {
    expectSingleIssue(validate({ [id]: answer }), {
      code: "invalid_type",
      path: ["answers", id, ...at],
      expected,
      received,
    });
  });

  it("invalid_format: a matrix row key reports the key, not its value", () => {
    expectSingleIssue(validate({ "rehab.grupper": { rows: { KOL: "ofte", diabetes: "ofte" } } }), {
      code: "invalid_format",
      path: ["answers", "rehab.grupper", "rows", "KOL"],
      expected: "code",
      received: '"KOL"',
    });
  });

  it("invalid_format: a choice that is not a code", () => {
    expectSingleIssue(validate({ "rehab.kanaler": { choices: ["Telefon"] } }), {
      code: "invalid_format",
      path: ["answers", "rehab.kanaler", "choices", 0],
      expected: "code",
      received: '"Telefon"',
    });
  });

  it("unknown_key: an answer with an extra field", () => {
    expectSingleIssue(validate({ "rehab.kendskab": { choice: "3", note: "x" } }), {
      code: "unknown_key",
      path: ["answers", "rehab.kendskab", "note"],
      value: "note",
    });
  });

  it("duplicate_choice", () => {
    expectSingleIssue(
      validate({ "rehab.kanaler": { choices: ["telefon", "edifact", "telefon"] } }),
      {
        code: "duplicate_choice",
        path: ["answers", "rehab.kanaler", "choices", 2],
        value: "telefon",
      },
    );
  });

  it("duplicate_choice: 'none' ticked twice is not also 'combined with other answers'", () => {
    expectSingleIssue(validate({ "rehab.kanaler": { choices: ["ingen", "ingen"] } }), {
      code: "duplicate_choice",
      path: ["answers", "rehab.kanaler", "choices", 1],
      value: "ingen",
    });
  });

  it("exclusive_option_combined is reported once, at the exclusive option's first tick", () => {
    const issues = issuesOf(
      validate({ "rehab.kanaler": { choices: ["ingen", "telefon", "ingen"] } }),
    );
    expectWellFormed(issues);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["exclusive_option_combined", ["answers", "rehab.kanaler", "choices", 0]],
      ["duplicate_choice", ["answers", "rehab.kanaler", "choices", 2]],
    ]);
  });

  it("exclusive_option_combined: 'none' with another choice", () => {
    expectSingleIssue(validate({ "rehab.kanaler": { choices: ["telefon", "ingen"] } }), {
      code: "exclusive_option_combined",
      path: ["answers", "rehab.kanaler", "choices", 1],
      value: "ingen",
    });
  });

  it("exclusive_option_combined: 'dontKnow' with another choice", () => {
    const withDontKnow = versionOf(
      editQuestionnaire((doc) => {
        doc.questions[1].options.push({
          code: "ved-ikke",
          label: { da: "Ved ikke" },
          kind: "dontKnow",
        });
      }),
    );
    const input = makeResponse(
      withDontKnow,
      answers({ "rehab.kanaler": { choices: ["ved-ikke", "edifact"] } }),
    );
    expectSingleIssue(validateResponse(withDontKnow, input), {
      code: "exclusive_option_combined",
      path: ["answers", "rehab.kanaler", "choices", 0],
      value: "ved-ikke",
    });
  });

  it("other_text_without_other: single", () => {
    expectSingleIssue(validate({ "rehab.rolle": { choice: "laege", otherText: "Kok" } }), {
      code: "other_text_without_other",
      path: ["answers", "rehab.rolle", "otherText"],
    });
  });

  it("other_text_without_other: multi", () => {
    expectSingleIssue(validate({ "rehab.kanaler": { choices: ["telefon"], otherText: "Fax" } }), {
      code: "other_text_without_other",
      path: ["answers", "rehab.kanaler", "otherText"],
    });
  });

  it("too_small: a blank 'Andet' text", () => {
    expectSingleIssue(validate({ "rehab.rolle": { choice: "andet", otherText: " " } }), {
      code: "too_small",
      path: ["answers", "rehab.rolle", "otherText"],
      limit: 1,
      received: "0",
    });
  });

  it("required_missing: a required question left out", () => {
    expectSingleIssue(validate({ "rehab.kendskab": undefined }), {
      code: "required_missing",
      path: ["answers", "rehab.kendskab"],
    });
  });

  it("required_missing: a required matrix with a row left out", () => {
    expectSingleIssue(validate({ "rehab.grupper": { rows: { diabetes: "ofte" } } }), {
      code: "required_missing",
      path: ["answers", "rehab.grupper", "rows", "kol"],
    });
  });

  it("text_too_long against the question's own maxLength", () => {
    const short = versionOf(
      editQuestionnaire((doc) => {
        doc.questions[3].maxLength = 20;
      }),
    );
    const at = (text: string) =>
      validateResponse(short, makeResponse(short, answers({ "rehab.kommentar": { text } })));
    expect(at("x".repeat(20)).success).toBe(true);
    expectSingleIssue(at("x".repeat(21)), {
      code: "text_too_long",
      path: ["answers", "rehab.kommentar", "text"],
      limit: 20,
      received: "21",
    });
  });

  it("text_too_long at the default limit of 2000", () => {
    expectSingleIssue(validate({ "rehab.kommentar": { text: "x".repeat(2001) } }), {
      code: "text_too_long",
      path: ["answers", "rehab.kommentar", "text"],
      limit: 2000,
      received: "2001",
    });
  });

  it("too_big: text over the absolute ceiling", () => {
    expectSingleIssue(
      validate({ "rehab.kommentar": { text: "x".repeat(limits.textAnswerMax + 1) } }),
      {
        code: "too_big",
        path: ["answers", "rehab.kommentar", "text"],
        limit: limits.textAnswerMax,
        received: String(limits.textAnswerMax + 1),
      },
    );
  });

  it("too_small: blank text", () => {
    expectSingleIssue(validate({ "rehab.kommentar": { text: " \n\t " } }), {
      code: "too_small",
      path: ["answers", "rehab.kommentar", "text"],
      limit: 1,
      received: "0",
    });
  });

  it("too_big: an oversized answers map", () => {
    const many = Object.fromEntries(
      Array.from({ length: limits.questions + 1 }, (_, i) => [`q${i}`, { text: "x" }]),
    );
    expectSingleIssue(validateResponse(version, makeResponse(version, many)), {
      code: "too_big",
      path: ["answers"],
      limit: limits.questions,
      received: String(limits.questions + 1),
    });
  });

  it("mode 'draft' skips required checks but not the others", () => {
    const patch = { "rehab.kendskab": undefined, "rehab.rolle": { choice: "kok" } };
    expect(issuesOf(validate(patch)).map((i) => i.code)).toEqual([
      "unknown_option",
      "required_missing",
    ]);
    expectSingleIssue(validate(patch, { mode: "draft" }), {
      code: "unknown_option",
      path: ["answers", "rehab.rolle", "choice"],
    });
  });

  it("reports every bad answer, in answer order", () => {
    const issues = issuesOf(
      validate({
        "rehab.kendskab": { choice: "9" },
        "rehab.kanaler": { choices: ["ingen", "telefon"] },
        "rehab.kommentar": { text: "" },
      }),
    );
    expectWellFormed(issues);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["unknown_option", ["answers", "rehab.kendskab", "choice"]],
      ["exclusive_option_combined", ["answers", "rehab.kanaler", "choices", 0]],
      ["too_small", ["answers", "rehab.kommentar", "text"]],
    ]);
  });
});

describe("validateResponse: question ids that are Object.prototype names", () => {
  const prototypeNamed = versionOf(
    editQuestionnaire((doc) => {
      doc.questions[0].id = "constructor";
      doc.questions[4].id = "tostring";
      doc.questions[4].rows[0].code = "constructor";
    }),
  );

  it("required_missing: an unanswered required question named 'constructor'", () => {
    const input = makeResponse(prototypeNamed, {
      tostring: { rows: { constructor: "ofte", diabetes: "ofte" } },
    });
    expectSingleIssue(validateResponse(prototypeNamed, input), {
      code: "required_missing",
      path: ["answers", "constructor"],
    });
  });

  it("required_missing: a matrix row named 'constructor' left out", () => {
    const input = makeResponse(prototypeNamed, {
      constructor: { choice: "1" },
      tostring: { rows: { diabetes: "ofte" } },
    });
    expectSingleIssue(validateResponse(prototypeNamed, input), {
      code: "required_missing",
      path: ["answers", "tostring", "rows", "constructor"],
    });
  });

  it("accepts them when answered", () => {
    const input = makeResponse(prototypeNamed, {
      constructor: { choice: "ved-ikke" },
      tostring: { rows: { constructor: "aldrig", diabetes: "ofte" } },
    });
    expect(validateResponse(prototypeNamed, input)).toEqual({ success: true, data: input });
  });
});
