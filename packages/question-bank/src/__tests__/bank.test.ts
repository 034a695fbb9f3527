import { parseQuestionnaire, type Question } from "@klynge/engine";
import { describe, expect, it } from "vitest";
import { templateIds } from "../bank.js";
import { getTemplate, listTemplates, type Template } from "../index.js";

const templates = listTemplates();

function scaleOf(question: Question) {
  if (question.type === "rating") return question.options;
  if (question.type === "matrix") return question.columns;
  return undefined;
}

function englishTexts(template: Template): [string, string | undefined][] {
  const q = template.questionnaire;
  const texts: [string, string | undefined][] = [
    ["template title", template.title.en],
    ["questionnaire title", q.title.en],
  ];
  for (const question of q.questions) {
    texts.push([question.id, question.text.en]);
    const labelled =
      question.type === "text"
        ? []
        : question.type === "matrix"
          ? [...question.rows, ...question.columns]
          : question.options;
    for (const item of labelled) texts.push([`${question.id} ${item.code}`, item.label.en]);
  }
  return texts;
}

describe("the bank", () => {
  it("holds the two KiAP questionnaires, rehab first", () => {
    expect(templateIds).toEqual(["rehab", "akut"]);
    expect(templates.map((t) => t.id)).toEqual(templateIds);
  });

  it("has 8 rehab questions and 11 akut questions", () => {
    expect(getTemplate("rehab")?.questionnaire.questions).toHaveLength(8);
    expect(getTemplate("akut")?.questionnaire.questions).toHaveLength(11);
  });

  it("returns undefined for an id it does not hold", () => {
    expect(getTemplate("diabetes")).toBeUndefined();
    expect(getTemplate("constructor")).toBeUndefined();
  });

  it("cannot be changed by a caller", () => {
    const rehab = getTemplate("rehab");
    expect(Object.isFrozen(templates)).toBe(true);
    expect(Object.isFrozen(rehab?.questionnaire.questions[0]?.text)).toBe(true);
  });
});

describe.each(templates.map((t) => [t.id, t] as const))("template %s", (id, template) => {
  const { questionnaire } = template;

  it("names its source and marks its options as KiAP-draft wording", () => {
    expect(template.semver).toMatch(/^\d+\.\d+\.\d+$/);
    expect(template.source.seed).toBe("002_33f41c44d85624f3.txt");
    expect(template.source.options).toBe(
      "KiAP-draft wording (authored by Klynge; not in the seed)",
    );
    expect(questionnaire.id).toBe(id);
  });

  it("has unique question ids, each prefixed by the template id", () => {
    const ids = questionnaire.questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const questionId of ids) expect(questionId).toMatch(new RegExp(`^${id}\\.[a-z0-9-]+$`));
  });

  it("parses with the engine to exactly what is written (no hidden defaults)", () => {
    const parsed = parseQuestionnaire(questionnaire);
    expect(parsed.success ? [] : parsed.issues).toEqual([]);
    expect(parsed.success && parsed.data).toEqual(questionnaire);
  });

  it("leaves every question optional", () => {
    for (const question of questionnaire.questions)
      expect(question.required, question.id).toBe(false);
  });

  it("ends every rating scale and matrix with a dontKnow option, best point first", () => {
    for (const question of questionnaire.questions) {
      const scale = scaleOf(question);
      if (scale === undefined) continue;
      expect(scale.at(-1)?.kind, question.id).toBe("dontKnow");
      const ordinals = scale.flatMap((o) => (o.ordinal === undefined ? [] : [o.ordinal]));
      // Higher is more/better, counting down to 1, so rounds and questions compare.
      expect(ordinals, question.id).toEqual(ordinals.map((_, i) => ordinals.length - i));
    }
  });

  it("offers 'Andet (skriv)' in every multiple-choice list", () => {
    for (const question of questionnaire.questions) {
      if (question.type !== "multi") continue;
      const other = question.options.filter((o) => o.kind === "other");
      expect(
        other.map((o) => o.label.da),
        question.id,
      ).toEqual(["Andet (skriv)"]);
    }
  });

  it("has a non-empty English text for every Danish text", () => {
    for (const [where, en] of englishTexts(template)) {
      expect(en?.trim() ?? "", where).not.toBe("");
    }
  });
});

describe("answer types", () => {
  it("follow the domain description", () => {
    const types = Object.fromEntries(
      templates.flatMap((t) => t.questionnaire.questions.map((q) => [q.id, q.type])),
    );
    expect(types).toEqual({
      "rehab.kendskab": "rating",
      "rehab.henvisningsmaade": "multi",
      "rehab.oplevelse": "text",
      "rehab.barrierer": "multi",
      "rehab.henvise-flere": "text",
      "rehab.manglende-tilbud": "text",
      "rehab.oplysninger": "multi",
      "rehab.kommentarer": "text",
      "akut.kendskab": "rating",
      "akut.behov": "matrix",
      "akut.patientgrupper": "text",
      "akut.kapacitet": "rating",
      "akut.kompetence": "rating",
      "akut.forbedringer": "text",
      "akut.henvisningsmaade": "multi",
      "akut.barrierer": "text",
      "akut.dialog": "rating",
      "akut.tilbagemelding": "single",
      "akut.kommentarer": "text",
    });
  });

  it("make akut Q10 a single choice of Ja, ofte / Ja, nogle gange / Nej / Ved ikke", () => {
    const question = getTemplate("akut")?.questionnaire.questions[9];
    expect(question?.type).toBe("single");
    if (question?.type !== "single") return;
    expect(question.options.map((o) => o.label.da)).toEqual([
      "Ja, ofte",
      "Ja, nogle gange",
      "Nej",
      "Ved ikke",
    ]);
    expect(question.options.at(-1)?.kind).toBe("dontKnow");
  });
});
