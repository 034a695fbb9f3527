import { makeQuestionnaire } from "@klynge/test-support/questionnaires";
import { describe, expect, it } from "vitest";
import { createIssue, issueText, parseQuestionnaire } from "../../index.js";

describe("issue messages", () => {
  it("put a language-neutral `expected` into each language's own words", () => {
    const input = makeQuestionnaire();
    (input.questions[0] as { id: string }).id = "Rehab Kendskab";
    const result = parseQuestionnaire(input);
    if (result.success) expect.fail("a bad id must not parse");
    const issue = result.issues[0];
    expect(issue?.expected).toBe("question-id");
    expect(issue?.message.da).toContain("små bogstaver, tal og - _ .");
    expect(issue?.message.en).toContain("lower-case letters, digits and - _ .");
    expect(issue?.message.en).not.toMatch(/[æøå]/);
  });

  it("show a term they do not know as it is", () => {
    const issue = createIssue("invalid_format", ["x"], { expected: "^[A-Z]+$", received: '"a"' });
    expect(issue.message.da).toBe('x: ugyldigt format; forventede ^[A-Z]+$ (fik "a").');
    expect(issue.message.en).toBe('x: invalid format; expected ^[A-Z]+$ (received "a").');
  });

  it("name the root of a path in each language", () => {
    const issue = createIssue("invalid_type", [], { expected: "object", received: "null" });
    expect(issue.message.da).toBe("(rod): forventede et objekt (fik null).");
    expect(issue.message.en).toBe("(root): expected an object (received null).");
  });

  it("give the same message without the path, as a sentence, for a place that shows the path", () => {
    const issue = createIssue("required_missing", ["answers", "rehab.kendskab"]);
    expect(issue.message.da).toBe("answers.rehab.kendskab: spørgsmålet skal besvares.");
    expect(issueText(issue)).toEqual({
      da: "Spørgsmålet skal besvares.",
      en: "This question must be answered.",
    });
  });
});
