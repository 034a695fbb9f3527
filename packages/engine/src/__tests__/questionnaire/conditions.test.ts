import { editQuestionnaire, makeQuestionnaire } from "@klynge/test-support/questionnaires";
import { makeResponse } from "@klynge/test-support/responses";
import { unwrap } from "@klynge/test-support/unwrap";
import { describe, expect, it } from "vitest";
import { aggregate } from "../../aggregation/aggregate.js";
import { formatIssue } from "../../issues/formatIssue.js";
import type { Issue } from "../../issues/issue.js";
import { isShown } from "../../questionnaire/conditions.js";
import type { QuestionInput, QuestionnaireInput } from "../../questionnaire/model.js";
import { parseQuestionnaire } from "../../questionnaire/parseQuestionnaire.js";
import { validateResponse } from "../../responses/validateResponse.js";
import { applyEdits } from "../../versions/applyEdits.js";
import { diff } from "../../versions/diff.js";
import { createVersion } from "../../versions/questionnaireVersion.js";
import { reportOf, respondMany, resultOf, roundOf } from "../fixtures/aggregation.js";

// The fixture's order: rating rehab.kendskab (codes 1–4, ved-ikke), multi rehab.kanaler (telefon,
// edifact, andet, ingen), single rehab.rolle (laege, sygeplejerske, andet), text, matrix.
const which: QuestionInput = {
  id: "rehab.hvilke",
  type: "text",
  text: { da: "Hvis ja: hvilke?" },
  required: true,
  showIf: { question: "rehab.rolle", anyOf: ["laege"] },
};

function withQuestion(question: QuestionInput, at = 3): QuestionnaireInput {
  const doc = makeQuestionnaire();
  doc.questions.splice(at, 0, question);
  return doc;
}

const issuesOf = (input: unknown) => {
  const parsed = parseQuestionnaire(input);
  if (parsed.success) throw new Error("expected issues");
  return parsed.issues.map((i) => ({ code: i.code, path: i.path.join(".") }));
};

describe("conditions in the questionnaire", () => {
  it("accepts a question shown on an earlier single choice, and keeps the condition", () => {
    const parsed = unwrap(parseQuestionnaire(withQuestion(which)));
    expect(parsed.questions[3]?.showIf).toEqual({ question: "rehab.rolle", anyOf: ["laege"] });
  });

  it.each([
    [
      "a question that does not exist",
      { question: "rehab.findes-ikke", anyOf: ["laege"] },
      3,
      [{ code: "condition_unknown_question", path: "questions.3.showIf.question" }],
    ],
    [
      "a later question",
      { question: "rehab.grupper", anyOf: ["kol"] },
      0,
      [{ code: "condition_not_earlier", path: "questions.0.showIf.question" }],
    ],
    [
      "itself",
      { question: "rehab.hvilke", anyOf: ["laege"] },
      3,
      [{ code: "condition_not_earlier", path: "questions.3.showIf.question" }],
    ],
    [
      "a text question",
      { question: "rehab.kommentar", anyOf: ["x"] },
      4,
      [{ code: "condition_source_type", path: "questions.4.showIf.question" }],
    ],
    [
      "an option the question lacks, and one twice",
      { question: "rehab.kanaler", anyOf: ["telefon", "fax", "telefon"] },
      3,
      [
        { code: "condition_unknown_option", path: "questions.3.showIf.anyOf.1" },
        { code: "duplicate_choice", path: "questions.3.showIf.anyOf.2" },
      ],
    ],
  ])("refuses a condition on %s", (_, showIf, at, expected) => {
    expect(issuesOf(withQuestion({ ...which, showIf }, at))).toEqual(expected);
  });

  it("refuses a condition with no options, in the shape checks", () => {
    expect(
      issuesOf(withQuestion({ ...which, showIf: { question: "rehab.rolle", anyOf: [] } }))[0],
    ).toMatchObject({ code: "too_small", path: "questions.3.showIf.anyOf" });
  });

  it("says what is wrong in the coordinator's words", () => {
    const parsed = parseQuestionnaire(
      withQuestion({ ...which, showIf: { question: "rehab.grupper", anyOf: ["kol"] } }, 0),
    );
    if (parsed.success) throw new Error("expected issues");
    expect(formatIssue(parsed.issues[0] as Issue, "da")).toBe(
      "Et spørgsmål kan kun vises ud fra svaret på et spørgsmål, der kommer før det.",
    );
  });

  it("a local edit that removes or moves the question a condition names is refused at the condition", () => {
    const base = unwrap(createVersion(withQuestion(which), { label: "Med betingelse" }));
    const removed = applyEdits(base, [{ op: "remove", questionId: "rehab.rolle" }], {
      label: "Uden rolle",
    });
    expect(removed.success ? [] : removed.issues.map((i) => i.code)).toEqual([
      "condition_unknown_question",
    ]);
    const moved = applyEdits(base, [{ op: "move", questionId: "rehab.rolle", to: 4 }], {
      label: "Rolle sidst",
    });
    expect(moved.success ? [] : moved.issues.map((i) => i.code)).toEqual(["condition_not_earlier"]);
  });

  it("leaves the hash of a questionnaire without conditions as it was", () => {
    const plain = unwrap(createVersion(makeQuestionnaire(), { label: "a" }));
    const edited = editQuestionnaire((doc) => {
      doc.questions[0].showIf = undefined;
    });
    expect(unwrap(createVersion(edited as QuestionnaireInput, { label: "b" })).hash).toBe(
      plain.hash,
    );
  });
});

describe("conditions in a response", () => {
  const version = unwrap(createVersion(withQuestion(which), { label: "Med betingelse" }));
  const response = (answers: Record<string, unknown>) => makeResponse(version, answers);
  const required = {
    "rehab.kendskab": { choice: "3" },
    "rehab.grupper": { rows: { kol: "ofte", diabetes: "aldrig" } },
  };
  const codes = (input: unknown) => {
    const result = validateResponse(version, input);
    return result.success ? [] : result.issues.map((i) => `${i.code} ${i.path.join(".")}`);
  };

  it("asks a required conditional question only of those it is shown to", () => {
    expect(codes(response({ ...required, "rehab.rolle": { choice: "sygeplejerske" } }))).toEqual(
      [],
    );
    expect(codes(response({ ...required, "rehab.rolle": { choice: "laege" } }))).toEqual([
      "required_missing answers.rehab.hvilke",
    ]);
    expect(
      codes(
        response({
          ...required,
          "rehab.rolle": { choice: "laege" },
          "rehab.hvilke": { text: "Genoptræning" },
        }),
      ),
    ).toEqual([]);
  });

  it("refuses an answer to a question its condition did not show, on submit (a draft may hold it)", () => {
    const stale = response({
      ...required,
      "rehab.rolle": { choice: "sygeplejerske" },
      "rehab.hvilke": { text: "Genoptræning" },
    });
    expect(codes(stale)).toEqual(["answer_not_shown answers.rehab.hvilke"]);
    // Unanswered, the question a condition names shows nothing.
    const { "rehab.rolle": _, ...unanswered } = stale.answers as Record<string, unknown>;
    expect(codes({ ...stale, answers: unanswered })).toEqual([
      "answer_not_shown answers.rehab.hvilke",
    ]);
    expect(validateResponse(version, stale, { mode: "draft" }).success).toBe(true);
  });

  it("a multiple choice shows the question when any named option is among the choices", () => {
    const onMulti = unwrap(
      createVersion(
        withQuestion({
          ...which,
          showIf: { question: "rehab.kanaler", anyOf: ["telefon", "andet"] },
        }),
        { label: "Multi" },
      ),
    );
    const question = onMulti.questionnaire.questions[3];
    if (question === undefined) throw new Error("no question");
    expect(isShown(question, { "rehab.kanaler": { choices: ["edifact", "andet"] } })).toBe(true);
    expect(isShown(question, { "rehab.kanaler": { choices: ["edifact"] } })).toBe(false);
    expect(isShown(question, {})).toBe(false);
    // An id such as "constructor" finds no inherited member.
    expect(isShown({ ...question, showIf: { question: "constructor", anyOf: ["x"] } }, {})).toBe(
      false,
    );
  });
});

describe("conditions between versions", () => {
  const without = unwrap(
    createVersion(withQuestion({ ...which, showIf: undefined }), { label: "a" }),
  );
  const withIt = unwrap(createVersion(withQuestion(which), { label: "b" }));
  const widened = unwrap(
    createVersion(
      withQuestion({ ...which, showIf: { question: "rehab.rolle", anyOf: ["laege", "andet"] } }),
      { label: "c" },
    ),
  );

  it("a condition added or changed is a change, and the question is no longer comparable", () => {
    for (const [a, b] of [
      [without, withIt],
      [withIt, widened],
    ] as const) {
      const d = diff(a, b);
      expect(d.changed).toEqual([{ id: "rehab.hvilke", fields: ["showIf"], comparable: false }]);
      expect(d.comparable).not.toContain("rehab.hvilke");
    }
    expect(diff(withIt, withIt).comparable).toContain("rehab.hvilke");
  });
});

describe("conditions in the report", () => {
  const version = unwrap(createVersion(withQuestion(which), { label: "Med betingelse" }));
  const round = roundOf("klynge-syd.2026", version);
  const base = {
    "rehab.kendskab": { choice: "3" },
    "rehab.grupper": { rows: { kol: "ofte", diabetes: "aldrig" } },
  };
  // 7 doctors (shown the question; 6 answer it), 5 nurses (not shown).
  const responses = [
    ...respondMany(6, version, round.id, {
      ...base,
      "rehab.rolle": { choice: "laege" },
      "rehab.hvilke": { text: "Genoptræning" },
    }),
    ...respondMany(1, version, round.id, { ...base, "rehab.rolle": { choice: "laege" } }),
    ...respondMany(5, version, round.id, { ...base, "rehab.rolle": { choice: "sygeplejerske" } }),
  ];

  it("counts as asked only those the question was shown to, and says on what condition", () => {
    // The required follow-up is missing for one doctor: refused, so counted nowhere.
    const report = reportOf(aggregate({ rounds: [round], versions: [version], responses }));
    expect(report.rounds[0]?.respondents).toEqual({ status: "shown", value: 11 });
    const result = resultOf(report, "rehab.hvilke", round.id, "text");
    expect(result.asked).toEqual({ status: "shown", value: 6 });
    expect(result.answered).toEqual({ status: "shown", value: 6 });
    expect(resultOf(report, "rehab.kommentar", round.id, "text").asked).toEqual({
      status: "shown",
      value: 11,
    });
    expect(report.questions.find((q) => q.id === "rehab.hvilke")?.shownIf).toEqual({
      question: "rehab.rolle",
      text: { da: "Din rolle i praksis" },
      options: [{ da: "Læge" }],
    });
    expect(report.questions.find((q) => q.id === "rehab.rolle")).not.toHaveProperty("shownIf");
  });
});
