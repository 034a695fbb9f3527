import { makeQuestionnaire } from "@klynge/test-support/questionnaires";
import { describe, expect, it } from "vitest";
import { formatIssue, formatPath } from "../../issues/formatIssue.js";
import { createIssue, prefixIssues } from "../../issues/issue.js";
import { parseQuestionnaire } from "../../questionnaire/parseQuestionnaire.js";

describe("issue messages", () => {
  it("put a language-neutral `expected` into each language's own words", () => {
    const input = makeQuestionnaire();
    (input.questions[0] as { id: string }).id = "Rehab Kendskab";
    const result = parseQuestionnaire(input);
    if (result.success) expect.fail("a bad id must not parse");
    const issue = result.issues[0];
    if (issue?.code !== "invalid_format")
      expect.fail(`expected invalid_format, got ${issue?.code}`);
    expect(issue.expected).toBe("question-id");
    expect(formatIssue(issue, "da")).toContain("små bogstaver, tal og - _ .");
    expect(formatIssue(issue, "en")).toContain("lower-case letters, digits and - _ .");
    expect(formatIssue(issue, "en")).not.toMatch(/[æøå]/);
  });

  it("show a term they do not know as it is", () => {
    const issue = createIssue("invalid_format", ["x"], { expected: "^[A-Z]+$", received: '"a"' });
    expect(formatIssue(issue, "da")).toBe('Ugyldigt format; forventede ^[A-Z]+$ (fik "a").');
    expect(formatIssue(issue, "en")).toBe('Invalid format; expected ^[A-Z]+$ (received "a").');
  });

  it("name the root of a path in each language", () => {
    expect(formatPath([], "da")).toBe("(rod)");
    expect(formatPath([], "en")).toBe("(root)");
    expect(formatPath(["questions", 2, "options", 0, "code"])).toBe("questions[2].options[0].code");
  });

  it("are data: code, path and parameters, no words and no path inside", () => {
    const issue = createIssue("required_missing", ["answers", "rehab.kendskab"]);
    expect(issue).toEqual({ code: "required_missing", path: ["answers", "rehab.kendskab"] });
    expect(formatIssue(issue, "da")).toBe("Spørgsmålet skal besvares.");
    expect(formatIssue(issue, "en")).toBe("This question must be answered.");
  });

  it("default to Danish", () => {
    const issue = createIssue("csv_empty", ["line", 1]);
    expect(formatIssue(issue)).toBe(formatIssue(issue, "da"));
  });

  it("keep their data when prefixed; only the path changes", () => {
    const issue = createIssue("unknown_option", ["choice"], { value: "x" });
    expect(prefixIssues(["answers", "q"], [issue])).toEqual([
      { code: "unknown_option", path: ["answers", "q", "choice"], value: "x" },
    ]);
  });
});
