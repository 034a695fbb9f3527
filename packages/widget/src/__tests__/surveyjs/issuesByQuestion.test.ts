import { createIssue, formatIssue, type Issue, validateResponse } from "@klynge/engine";
import { makeResponse } from "@klynge/test-support/responses";
import { describe, expect, it } from "vitest";
import { issuesByQuestion } from "../../surveyjs/issuesByQuestion.js";
import { everyKindVersion } from "./fixtures.js";

const version = everyKindVersion;

function issuesOf(answers: Record<string, unknown>, patch: Record<string, unknown> = {}) {
  const checked = validateResponse(version, makeResponse(version, answers, patch));
  if (checked.success) throw new Error("expected the response to be refused");
  return checked.issues;
}

describe("issuesByQuestion: wording at the question", () => {
  it("drops the path and starts with a capital letter", () => {
    const issue = createIssue("required_missing", ["answers", "rehab.kendskab"]);
    expect(issuesByQuestion([issue]).get("rehab.kendskab")).toEqual([
      { da: "Spørgsmålet skal besvares.", en: "This question must be answered." },
    ]);
  });
});

describe("issuesByQuestion", () => {
  it("groups the engine's messages under the question they are about, in order", () => {
    const issues = issuesOf({
      "alle.kendskab": { choice: "9" },
      "alle.kanaler": { choices: ["telefon", "nej"], otherText: "Via sekretæren" },
      "alle.grupper": { rows: { diabetes: "ofte" } },
      "alle.forslag": { text: "Kortere svartider" },
    });
    const grouped = issuesByQuestion(issues);

    expect([...grouped.keys()]).toEqual(["alle.kendskab", "alle.kanaler", "alle.grupper"]);
    const forQuestion = (id: string) =>
      issues.filter((i) => i.path[0] === "answers" && i.path[1] === id);
    for (const [id, messages] of grouped) {
      const own = forQuestion(id);
      expect(messages).toHaveLength(own.length);
      messages.forEach((m, i) => {
        // The same message, without its path, which the question itself already shows.
        expect(m.da.endsWith(formatIssue(own[i] as Issue, "da"))).toBe(true);
        expect(m.da.startsWith("answers")).toBe(false);
      });
    }
    expect(grouped.get("alle.kanaler")?.map((m) => m.da)).toEqual([
      '"nej" kan ikke kombineres med andre svar.',
      'Der er skrevet en "Andet"-tekst, men "Andet" er ikke valgt.',
    ]);
    expect(grouped.get("alle.grupper")?.[0]?.en).toMatch(/constructor/);
  });

  it("puts missing required answers under their questions, and handles the id 'constructor'", () => {
    const grouped = issuesByQuestion(issuesOf({ constructor: { text: "x".repeat(301) } }));
    // The engine reports the answers given first, then the required ones missing.
    expect([...grouped.keys()]).toEqual([
      "constructor",
      "alle.kendskab",
      "alle.kanaler",
      "alle.grupper",
      "alle.forslag",
    ]);
    expect(grouped.get("constructor")?.[0]?.da).toMatch(/højst 300 tegn/);
  });

  it("leaves out issues that are about no question", () => {
    const envelope = issuesOf({}, { id: "ikke-et-uuid" });
    expect(envelope.length).toBeGreaterThan(0);
    expect(issuesByQuestion(envelope).size).toBe(0);
    const answerList = createIssue("too_big", ["answers"], { limit: 150, received: "151" });
    const atIndex = createIssue("invalid_type", ["answers", 0], {
      expected: "object",
      received: "array",
    });
    expect(issuesByQuestion([answerList, atIndex]).size).toBe(0);
  });

  it("gives an empty map for no issues", () => {
    expect(issuesByQuestion([])).toEqual(new Map());
  });
});
