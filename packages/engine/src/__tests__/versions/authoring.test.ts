import { makeQuestionnaire } from "@klynge/test-support/questionnaires";
import { unwrap } from "@klynge/test-support/unwrap";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../issues/formatIssue.js";
import type { Issue } from "../../issues/issue.js";
import type { QuestionInput } from "../../questionnaire/model.js";
import { dontKnowScalePoint, otherChoice } from "../../questionnaire/standardOptions.js";
import { applyEdits } from "../../versions/applyEdits.js";
import { checkNewVersion } from "../../versions/checkNewVersion.js";
import { createVersion } from "../../versions/questionnaireVersion.js";

// The authoring rules for the questions a cluster adds: what a form would let through and a
// report would then get wrong.
const base = unwrap(createVersion(makeQuestionnaire(), { label: "Rehab" }));
const add = (question: QuestionInput, label = "Klynge Syd") =>
  applyEdits(base, [{ op: "add", question }], { label });
const refused = (result: ReturnType<typeof add>) => {
  if (result.success) throw new Error("expected a refusal");
  return result.issues.map((i) => ({ code: i.code, path: i.path.join(".") }));
};
const point = (code: string, da: string, ordinal?: number) =>
  ordinal === undefined ? { code, label: { da } } : { code, label: { da }, ordinal };
const rating = (options: unknown[]): QuestionInput =>
  ({
    id: "lokal.tilfreds",
    type: "rating",
    text: { da: "Hvor tilfreds er du?" },
    options,
  }) as QuestionInput;
const single = (options: unknown[]): QuestionInput =>
  ({ id: "lokal.valg", type: "single", text: { da: "Hvad vælger du?" }, options }) as QuestionInput;

describe("authoring rules (applyEdits)", () => {
  it("accepts a scale listed best first, ending with the special «Ved ikke»", () => {
    const next = unwrap(
      add(
        rating([
          point("meget", "Meget tilfreds", 3),
          point("tilfreds", "Tilfreds", 2),
          point("utilfreds", "Utilfreds", 1),
          dontKnowScalePoint,
        ]),
      ),
    );
    expect(next.questionnaire.questions.at(-1)?.id).toBe("lokal.tilfreds");
  });

  it("refuses a scale whose values rise down the list (it would average backwards)", () => {
    expect(
      refused(
        add(
          rating([
            point("meget", "Meget tilfreds", 1),
            point("tilfreds", "Tilfreds", 2),
            point("utilfreds", "Utilfreds", 3),
          ]),
        ),
      ),
    ).toEqual([
      { code: "scale_order", path: "edits.0.question.options.1.ordinal" },
      { code: "scale_order", path: "edits.0.question.options.2.ordinal" },
    ]);
  });

  it.each(["Ved ikke", "ved ikke.", "Ved ikke/ikke relevant", "  VED  IKKE "])(
    "refuses %j typed as a scale point (it would count in the mean)",
    (label) => {
      const issues = refused(
        add(rating([point("ja", "Ja", 3), point("nej", "Nej", 2), point("vi", label, 1)])),
      );
      expect(issues).toEqual([
        { code: "dont_know_as_option", path: "edits.0.question.options.2.label" },
      ]);
    },
  );

  it("refuses an English «Don't know» as a plain option of a single choice", () => {
    const issues = refused(
      add(
        single([
          point("a", "Ja"),
          { code: "dk", label: { da: "Aner det ikke", en: "Don’t know" } },
        ]),
      ),
    );
    expect(issues).toEqual([
      { code: "dont_know_as_option", path: "edits.0.question.options.1.label" },
    ]);
  });

  it.each(["Andet", "andet:", "Andet, nemlig", "Andet (angiv)"])(
    "refuses %j beside «Andet (skriv)» (two «Andet» for the respondent)",
    (label) => {
      const issues = refused(add(single([point("a", "Ja"), point("b", label), otherChoice])));
      expect(issues).toEqual([
        { code: "other_repeated", path: "edits.0.question.options.1.label" },
      ]);
    },
  );

  it("lets «Andet sygehus» stand beside «Andet (skriv)», and a lone «Andet» without it", () => {
    unwrap(add(single([point("a", "Ja"), point("b", "Andet sygehus"), otherChoice])));
    unwrap(add(single([point("a", "Ja"), point("b", "Andet")])));
  });

  it("refuses two options with the same text, whatever the case and spaces", () => {
    const issues = refused(add(single([point("ja", "Ja"), point("ja-2", " ja ")])));
    expect(issues).toEqual([
      { code: "duplicate_option_text", path: "edits.0.question.options.1.label" },
    ]);
    expect(formatIssue({ code: "duplicate_option_text", path: [], value: "Ja" }, "da")).toBe(
      "To svarmuligheder hedder »Ja«.",
    );
  });

  it("refuses two matrix rows with the same text", () => {
    const issues = refused(
      add({
        id: "lokal.grid",
        type: "matrix",
        text: { da: "Hvor godt?" },
        rows: [point("a", "KOL"), point("b", "kol")],
        columns: [point("godt", "Godt", 2), point("skidt", "Skidt", 1)],
      } as QuestionInput),
    );
    expect(issues).toEqual([{ code: "duplicate_row_text", path: "edits.0.question.rows.1.label" }]);
  });

  it("refuses a question whose text the questionnaire already has", () => {
    const existing = base.questionnaire.questions[3]?.text.da as string;
    const issues = refused(
      add({
        id: "lokal.igen",
        type: "text",
        text: { da: existing.toUpperCase() },
      } as QuestionInput),
    );
    expect(issues).toEqual([{ code: "duplicate_question_text", path: "edits.0.question.text.da" }]);
  });

  it("refuses a version without a name, in the coordinator's words", () => {
    const result = applyEdits(base, [], { label: "   " });
    expect(refused(result)).toEqual([{ code: "blank_label", path: "label" }]);
    if (result.success) return;
    expect(formatIssue(result.issues[0] as Issue, "da")).toBe("Giv versionen et navn.");
  });
});

describe("checkNewVersion: the same rules for a version sent to be published", () => {
  it("finds the rules broken in a version whose edits were never checked (made by hand)", () => {
    const sound = unwrap(
      add(rating([point("meget", "Meget tilfreds", 2), point("lidt", "Lidt tilfreds", 1)])),
    );
    expect(checkNewVersion(sound)).toEqual([]);
    // The same version with the scale turned: parseable, so only the authoring rules catch it.
    const turned = unwrap(
      createVersion(
        {
          ...sound.questionnaire,
          questions: sound.questionnaire.questions.map((q) =>
            q.id === "lokal.tilfreds" && q.type === "rating"
              ? { ...q, options: q.options.map((o, i) => ({ ...o, ordinal: i + 1 })) }
              : q,
          ),
        },
        {
          label: "",
          lineage: {
            base: base.hash,
            edits: [
              {
                op: "add",
                question: {
                  id: "lokal.tilfreds",
                  type: "rating",
                  text: { da: "Hvor tilfreds er du?" },
                  required: false,
                  options: [point("meget", "Meget tilfreds", 1), point("lidt", "Lidt tilfreds", 2)],
                },
              },
            ],
          },
        },
      ),
    );
    expect(checkNewVersion(turned).map((i) => [i.code, i.path.join(".")])).toEqual([
      ["blank_label", "label"],
      ["scale_order", "lineage.edits.0.question.options.1.ordinal"],
    ]);
  });

  it("does not hold a stored version's base questions to the rules (only what the edits add)", () => {
    // The fixture's own scales rise down the list; a template is KiAP's, not a local edit.
    expect(checkNewVersion(base)).toEqual([]);
  });
});
