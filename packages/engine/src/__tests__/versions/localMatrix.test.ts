import { makeQuestionnaire } from "@klynge/test-support/questionnaires";
import { unwrap } from "@klynge/test-support/unwrap";
import { describe, expect, it } from "vitest";
import type { QuestionInput } from "../../questionnaire/model.js";
import { dontKnowScalePoint } from "../../questionnaire/standardOptions.js";
import { applyEdits } from "../../versions/applyEdits.js";
import { createVersion } from "../../versions/questionnaireVersion.js";

// A cluster may add a matrix of its own (the acute template has one): rows rated on a scale that
// follows the same authoring rules as a local rating scale.

const base = unwrap(createVersion(makeQuestionnaire(), { label: "Rehab" }));
const point = (code: string, da: string, ordinal: number) => ({ code, label: { da }, ordinal });
const matrix = (columns: unknown[]): QuestionInput =>
  ({
    id: "lokal.samarbejde",
    type: "matrix",
    text: { da: "Hvor godt fungerer samarbejdet om disse grupper?" },
    rows: [
      { code: "diabetes", label: { da: "Diabetes" } },
      { code: "kol", label: { da: "KOL" } },
    ],
    columns,
  }) as QuestionInput;
const add = (question: QuestionInput) =>
  applyEdits(base, [{ op: "add", question }], { label: "Klynge Syd" });
const codesOf = (result: ReturnType<typeof add>) =>
  result.success ? [] : result.issues.map((i) => `${i.code} ${i.path.join(".")}`);

describe("a local matrix question", () => {
  it("is accepted with its scale best first and «Ved ikke» outside it", () => {
    const version = unwrap(
      add(matrix([point("godt", "Godt", 2), point("daarligt", "Dårligt", 1), dontKnowScalePoint])),
    );
    expect(version.questionnaire.questions.at(-1)?.type).toBe("matrix");
  });

  it("is refused with its scale worst first, or «Ved ikke» typed as a scale point", () => {
    expect(
      codesOf(add(matrix([point("daarligt", "Dårligt", 1), point("godt", "Godt", 2)]))),
    ).toEqual(["scale_order edits.0.question.columns.1.ordinal"]);
    expect(codesOf(add(matrix([point("godt", "Godt", 2), point("vi", "Ved ikke", 1)])))).toEqual([
      "dont_know_as_option edits.0.question.columns.1.label",
    ]);
  });
});
