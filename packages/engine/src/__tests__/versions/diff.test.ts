import { makeQuestionnaire } from "@klynge/test-support/questionnaires";
import { unwrap } from "@klynge/test-support/unwrap";
import { describe, expect, it } from "vitest";
import type { QuestionInput, QuestionnaireInput } from "../../questionnaire/model.js";
import { applyEdits } from "../../versions/applyEdits.js";
import { diff } from "../../versions/diff.js";
import { createVersion, type QuestionnaireVersion } from "../../versions/questionnaireVersion.js";

// The fixture's order: rating, multi, single, text, matrix.
const baseIds = [
  "rehab.kendskab",
  "rehab.kanaler",
  "rehab.rolle",
  "rehab.kommentar",
  "rehab.grupper",
];
const base = unwrap(createVersion(makeQuestionnaire(), { label: "base" }));

type AnyQuestion = QuestionInput & Record<string, unknown>;

/** The fixture with one question changed by `change`. */
function variant(id: string, change: (question: AnyQuestion) => void): QuestionnaireVersion {
  const input: QuestionnaireInput = makeQuestionnaire();
  const question = input.questions.find((q) => q.id === id);
  if (question === undefined) throw new Error(`fixture has no question ${id}`);
  change(question as AnyQuestion);
  return unwrap(createVersion(input, { label: "variant" }));
}

const others = (id: string) => baseIds.filter((other) => other !== id);

describe("diff", () => {
  it("finds nothing between a version and itself; every question is comparable", () => {
    expect(diff(base, base)).toEqual({
      added: [],
      removed: [],
      moved: [],
      changed: [],
      comparable: baseIds,
    });
  });

  it("accepts questionnaires as well as versions", () => {
    const b = variant("rehab.rolle", (q) => {
      q.required = true;
    });
    expect(diff(base.questionnaire, b.questionnaire)).toEqual(diff(base, b));
  });

  it("lists added questions in b's order and removed ones in a's order, without calling them moved", () => {
    const b = unwrap(
      applyEdits(
        base,
        [
          { op: "remove", questionId: "rehab.kommentar" },
          { op: "remove", questionId: "rehab.kendskab" },
          { op: "add", question: { id: "lokal.b", type: "text", text: { da: "B" } } },
          { op: "add", question: { id: "lokal.a", type: "text", text: { da: "A" } }, at: 0 },
        ],
        { label: "b" },
      ),
    );
    expect(diff(base, b)).toEqual({
      added: ["lokal.a", "lokal.b"],
      removed: ["rehab.kendskab", "rehab.kommentar"],
      moved: [],
      changed: [],
      comparable: ["rehab.kanaler", "rehab.rolle", "rehab.grupper"],
    });
  });

  it("reports only the question that moved, with its indexes in a and b", () => {
    const b = unwrap(
      applyEdits(base, [{ op: "move", questionId: "rehab.grupper", to: 0 }], { label: "b" }),
    );
    const result = diff(base, b);
    expect(result.moved).toEqual([{ id: "rehab.grupper", from: 4, to: 0 }]);
    expect(result.changed).toEqual([]);
    expect(result.comparable).toEqual(["rehab.grupper", ...others("rehab.grupper")]);
  });

  it("reports two swapped neighbours as one move", () => {
    const b = unwrap(
      applyEdits(base, [{ op: "move", questionId: "rehab.kanaler", to: 0 }], { label: "b" }),
    );
    expect(diff(base, b).moved).toHaveLength(1);
  });

  it("names the question the person moved when a swap of neighbours reads both ways", () => {
    const edits = [{ op: "move", questionId: "rehab.grupper", to: 3 }] as const;
    const b = unwrap(applyEdits(base, edits, { label: "b" }));
    expect(diff(base, b, { moved: ["rehab.grupper"] }).moved).toEqual([
      { id: "rehab.grupper", from: 4, to: 3 },
    ]);
    expect(diff(base, b, { moved: ["rehab.kommentar"] }).moved).toEqual([
      { id: "rehab.kommentar", from: 3, to: 4 },
    ]);
    // The wish never costs a move more: moved two places, only the one question is named.
    const far = unwrap(
      applyEdits(base, [{ op: "move", questionId: "rehab.grupper", to: 2 }], { label: "c" }),
    );
    expect(diff(base, far, { moved: ["rehab.rolle", "rehab.kommentar"] }).moved).toEqual([
      { id: "rehab.grupper", from: 4, to: 2 },
    ]);
  });

  it("marks a change of the Danish wording as not comparable", () => {
    const b = variant("rehab.kendskab", (q) => {
      q.text = {
        da: "I hvilken grad kender du kommunens tilbud?",
        en: "How well do you know the offers?",
      };
    });
    const result = diff(base, b);
    expect(result.changed).toEqual([{ id: "rehab.kendskab", fields: ["text"], comparable: false }]);
    expect(result.comparable).toEqual(others("rehab.kendskab"));
  });

  it("marks a choice question whose options were all replaced as not comparable", () => {
    const b = variant("rehab.rolle", (q) => {
      q.options = [
        { code: "ny-a", label: { da: "Ny A" } },
        { code: "ny-b", label: { da: "Ny B" } },
      ];
    });
    const d = diff(base, b);
    expect(d.changed).toEqual([{ id: "rehab.rolle", fields: ["options"], comparable: false }]);
    expect(d.comparable).not.toContain("rehab.rolle");
  });

  it("keeps an English-only change comparable", () => {
    const b = variant("rehab.kendskab", (q) => {
      q.text = {
        da: "Hvor godt kender du kommunens rehabiliteringstilbud?",
        en: "How familiar are you with the offers?",
      };
    });
    const result = diff(base, b);
    expect(result.changed).toEqual([{ id: "rehab.kendskab", fields: ["text"], comparable: true }]);
    expect(result.comparable).toEqual(baseIds);
  });

  it.each([
    [
      "a description added",
      "rehab.kommentar",
      (q: AnyQuestion) => {
        q.description = { da: "Skriv frit" };
      },
      ["description"],
    ],
    [
      "the required flag changed",
      "rehab.rolle",
      (q: AnyQuestion) => {
        q.required = true;
      },
      ["required"],
    ],
    [
      "a text's maximum length changed",
      "rehab.kommentar",
      (q: AnyQuestion) => {
        q.maxLength = 500;
      },
      ["maxLength"],
    ],
    [
      "an option added to a multi",
      "rehab.kanaler",
      (q: AnyQuestion) => {
        (q.options as unknown[]).splice(2, 0, {
          code: "forloebsplan",
          label: { da: "Via forløbsplan" },
        });
      },
      ["options"],
    ],
    [
      "an option removed from a single",
      "rehab.rolle",
      (q: AnyQuestion) => {
        (q.options as unknown[]).splice(1, 1);
      },
      ["options"],
    ],
    [
      "a scale point added with a new code and ordinal",
      "rehab.kendskab",
      (q: AnyQuestion) => {
        (q.options as unknown[]).splice(4, 0, {
          code: "5",
          label: { da: "Rigtig godt" },
          ordinal: 5,
        });
      },
      ["options"],
    ],
    [
      "a scale label reworded, same code and ordinal",
      "rehab.kendskab",
      (q: AnyQuestion) => {
        (q.options as unknown[])[1] = { code: "2", label: { da: "I mindre grad" }, ordinal: 2 };
      },
      ["options"],
    ],
    [
      "a matrix row added",
      "rehab.grupper",
      (q: AnyQuestion) => {
        (q.rows as unknown[]).push({ code: "kraeft", label: { da: "Kræft" } });
      },
      ["rows"],
    ],
    [
      "a matrix row removed",
      "rehab.grupper",
      (q: AnyQuestion) => {
        (q.rows as unknown[]).pop();
      },
      ["rows"],
    ],
  ])("keeps a question comparable with %s", (_name, id, change, fields) => {
    const result = diff(base, variant(id, change));
    expect(result.changed).toEqual([{ id, fields, comparable: true }]);
    expect(result.comparable).toEqual(baseIds);
  });

  it.each([
    [
      "a shared scale code whose ordinal changed",
      "rehab.kendskab",
      (q: AnyQuestion) => {
        (q.options as unknown[])[0] = { code: "1", label: { da: "Slet ikke" }, ordinal: 0 };
      },
      ["options"],
    ],
    [
      "'Ved ikke' turned into a scale point",
      "rehab.kendskab",
      (q: AnyQuestion) => {
        (q.options as unknown[])[4] = { code: "ved-ikke", label: { da: "Ved ikke" }, ordinal: 5 };
      },
      ["options"],
    ],
    [
      "a matrix column whose ordinal changed",
      "rehab.grupper",
      (q: AnyQuestion) => {
        (q.columns as unknown[])[2] = { code: "ofte", label: { da: "Ofte" }, ordinal: 3 };
      },
      ["columns"],
    ],
    [
      "a matrix whose rows were all replaced",
      "rehab.grupper",
      (q: AnyQuestion) => {
        q.rows = [{ code: "hjerte", label: { da: "Hjertesygdom" } }];
      },
      ["rows"],
    ],
    [
      "a single turned into a multi with the same options",
      "rehab.rolle",
      (q: AnyQuestion) => {
        q.type = "multi";
      },
      ["type"],
    ],
    [
      "a rating turned into a single",
      "rehab.kendskab",
      (q: AnyQuestion) => {
        q.type = "single";
        q.options = [
          { code: "ja", label: { da: "Ja" } },
          { code: "nej", label: { da: "Nej" } },
        ];
      },
      ["type", "options"],
    ],
  ])("marks a question not comparable with %s", (_name, id, change, fields) => {
    const result = diff(base, variant(id, change));
    expect(result.changed).toEqual([{ id, fields, comparable: false }]);
    expect(result.comparable).toEqual(others(id));
  });

  it("reports a question that changed type to text by all the fields that differ", () => {
    const b = variant("rehab.grupper", (q) => {
      for (const key of ["rows", "columns"]) delete q[key];
      q.type = "text";
    });
    expect(diff(base, b).changed).toEqual([
      { id: "rehab.grupper", fields: ["type", "rows", "columns", "maxLength"], comparable: false },
    ]);
  });

  it("does not care about the direction for comparability", () => {
    const b = variant("rehab.kendskab", (q) => {
      q.text = { da: "Ny formulering" };
    });
    expect(diff(b, base).changed).toEqual([
      { id: "rehab.kendskab", fields: ["text"], comparable: false },
    ]);
    expect(diff(b, base).comparable).toEqual(diff(base, b).comparable);
  });
});
