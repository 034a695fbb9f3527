// @vitest-environment node
// The mapping needs no DOM: survey-core runs in Node, as it would on a server.
import type { LocalizedText, Question, QuestionnaireVersion } from "@klynge/engine";
import {
  type CheckboxItem,
  type ItemValue,
  Model,
  type QuestionCheckboxModel,
  type QuestionCommentModel,
  type QuestionMatrixModel,
  type QuestionRadiogroupModel,
  type Question as SurveyQuestion,
  surveyLocalization,
} from "survey-core";
import { describe, expect, it } from "vitest";
import type { Locale } from "../../locales/widgetMessages.js";
import { CodeTable } from "../../surveyjs/codeTable.js";
import { createSurveyModel } from "../../surveyjs/createSurveyModel.js";
import { createSurveyNames } from "../../surveyjs/createSurveyNames.js";
import { defaultQuestionsPerPage, toSurveyJson } from "../../surveyjs/toSurveyJson.js";
import { everyKindVersion, versions } from "./fixtures.js";

const surveyTypes = {
  rating: "radiogroup",
  single: "radiogroup",
  multi: "checkbox",
  text: "comment",
  matrix: "matrix",
} as const;

const inLocale = (text: LocalizedText, locale: Locale) =>
  locale === "en" ? (text.en ?? text.da) : text.da;

/** Choices as SurveyJS lists them, mapped back to our codes: [code, text, exclusive]. */
function listedChoices(question: Question, surveyQuestion: SurveyQuestion) {
  if (question.type !== "rating" && question.type !== "single" && question.type !== "multi") {
    throw new Error(`listedChoices: ${question.type} has no choices`);
  }
  const table = new CodeTable(question.options);
  const select = surveyQuestion as QuestionRadiogroupModel;
  return select.visibleChoices.map((item: ItemValue) => [
    table.toCode(String(item.value)),
    item.text,
    (item as CheckboxItem).isExclusive === true,
  ]);
}

function expectModelMatches(version: QuestionnaireVersion, model: Model, locale: Locale) {
  const names = createSurveyNames(version);
  const { questions } = version.questionnaire;
  const surveyQuestions = model.getAllQuestions();
  expect(surveyQuestions.map((q) => names.questionIdOf(q.name))).toEqual(
    questions.map((q) => q.id),
  );
  // SurveyJS stores its default locale ("en") as "".
  expect(model.locale || surveyLocalization.defaultLocale).toBe(locale);
  expect(model.title).toBe(inLocale(version.questionnaire.title, locale));

  questions.forEach((question, i) => {
    const surveyQuestion = surveyQuestions[i] as SurveyQuestion;
    expect(surveyQuestion.getType()).toBe(surveyTypes[question.type]);
    expect(surveyQuestion.title).toBe(inLocale(question.text, locale));
    expect(surveyQuestion.description).toBe(
      question.description === undefined ? "" : inLocale(question.description, locale),
    );
    expect(surveyQuestion.isRequired).toBe(question.required);

    switch (question.type) {
      case "rating":
      case "single":
      case "multi": {
        const other = question.options.find((o) => o.kind === "other");
        // SurveyJS lists its "Other" item last; every other option keeps its place.
        const expected = [
          ...question.options.filter((o) => o !== other),
          ...(other === undefined ? [] : [other]),
        ].map((o) => [
          o.code,
          inLocale(o.label, locale),
          question.type === "multi" && (o.kind === "none" || o.kind === "dontKnow"),
        ]);
        expect(listedChoices(question, surveyQuestion)).toEqual(expected);
        const select = surveyQuestion as QuestionCheckboxModel;
        expect(select.showOtherItem).toBe(other !== undefined);
        if (other !== undefined) expect(select.otherText).toBe(inLocale(other.label, locale));
        break;
      }
      case "text": {
        const comment = surveyQuestion as QuestionCommentModel;
        expect(comment.maxLength).toBe(question.maxLength);
        expect(comment.autoGrow).toBe(true);
        break;
      }
      case "matrix": {
        const matrix = surveyQuestion as QuestionMatrixModel;
        const rows = new CodeTable(question.rows);
        const columns = new CodeTable(question.columns);
        expect(matrix.rows.map((r: ItemValue) => [rows.toCode(String(r.value)), r.text])).toEqual(
          question.rows.map((r) => [r.code, inLocale(r.label, locale)]),
        );
        expect(
          matrix.columns.map((c: ItemValue) => [columns.toCode(String(c.value)), c.text]),
        ).toEqual(question.columns.map((c) => [c.code, inLocale(c.label, locale)]));
        expect(matrix.eachRowRequired).toBe(question.required);
        break;
      }
    }
  });
}

describe("toSurveyJson", () => {
  for (const [label, version] of versions) {
    for (const locale of ["da", "en"] as const) {
      it(`gives SurveyJS the ${label} questions in order, with their types, choices and ${locale} texts`, () => {
        expectModelMatches(version, new Model(toSurveyJson(version, { locale })), locale);
      });
    }

    it(`groups the ${label} questions ${defaultQuestionsPerPage} to a page by default`, () => {
      const model = new Model(toSurveyJson(version));
      const count = version.questionnaire.questions.length;
      expect(model.pages.map((p) => p.questions.length)).toEqual(
        Array.from({ length: Math.ceil(count / 3) }, (_, i) => Math.min(3, count - 3 * i)),
      );
      expect(model.showProgressBar).toBe(true);
    });

    it(`names the ${label} pages for the progress bar in words, not SurveyJS's "page1"`, () => {
      const da = new Model(toSurveyJson(version));
      const total = da.pages.length;
      expect(da.pages.map((p) => p.navigationTitle)).toEqual(
        da.pages.map((_, i) => `Side ${i + 1} af ${total}`),
      );
      const en = new Model(toSurveyJson(version, { locale: "en" }));
      expect(en.pages[0]?.navigationTitle).toBe(`Page 1 of ${total}`);
    });
  }

  it("defaults to Danish and falls back to Danish where English is missing", () => {
    const json = toSurveyJson(everyKindVersion, { locale: "en" });
    expect(json.locale).toBe("en");
    expect(json.title).toBe("Every question type");
    expect(json.description).toBe("Et håndlavet skema med hver type og hver slags svarmulighed.");
    expect(toSurveyJson(everyKindVersion).locale).toBe("da");
  });

  it("lists the hand-made single choice with SurveyJS-safe values and the Danish 'Andet' label", () => {
    const json = toSurveyJson(everyKindVersion);
    const single = json.pages[0]?.elements[1];
    expect(single).toEqual({
      name: "q2_alle_rolle",
      type: "radiogroup",
      title: "Din rolle i praksis",
      isRequired: false,
      choices: [
        { value: "laege", text: "Læge" },
        { value: "klynge:other", text: "Anden faggruppe" },
        { value: "ingen", text: "Ingen af disse" },
        { value: "ved-ikke", text: "Ved ikke" },
      ],
      showOtherItem: true,
      otherText: "Andet (skriv)",
    });
  });

  it("marks 'Nej' and 'Ved ikke' exclusive in a checkbox list and keeps their place", () => {
    const multi = toSurveyJson(everyKindVersion).pages[0]?.elements[2];
    expect(multi?.type === "checkbox" && multi.choices).toEqual([
      { value: "telefon", text: "Telefon" },
      { value: "klynge:constructor", text: "Korrespondance" },
      { value: "nej", text: "Jeg henviser ikke", isExclusive: true },
      { value: "ved-ikke", text: "Ved ikke", isExclusive: true },
    ]);
  });

  it("puts all questions on one page with Infinity, one per page with 1", () => {
    const count = everyKindVersion.questionnaire.questions.length;
    const single = toSurveyJson(everyKindVersion, { questionsPerPage: Infinity });
    expect(single.pages.map((p) => p.elements.length)).toEqual([count]);
    expect(single.showProgressBar).toBe(false);
    const each = toSurveyJson(everyKindVersion, { questionsPerPage: 1 });
    expect(each.pages).toHaveLength(count);
  });

  it.each([0, -1, 2.5, Number.NaN])(
    "refuses questionsPerPage %s with a message saying what fits",
    (n) => {
      expect(() => toSurveyJson(everyKindVersion, { questionsPerPage: n })).toThrow(
        /questionsPerPage must be a whole number of at least 1/,
      );
    },
  );

  it("limits every 'Andet' text box to the engine's limit and updates text while typing", () => {
    const json = toSurveyJson(everyKindVersion);
    expect(json.maxCommentLength).toBe(500);
    expect(json.textUpdateMode).toBe("onTyping");
    expect(json.storeOthersAsComment).toBe(true);
  });
});

describe("createSurveyModel", () => {
  it("loads SurveyJS's Danish strings for Danish and keeps its English ones for English", () => {
    expect(createSurveyModel(everyKindVersion).completeText).toBe("Færdig");
    expect(createSurveyModel(everyKindVersion, { locale: "en" }).completeText).toBe("Complete");
  });

  it("lays out the same questions as toSurveyJson", () => {
    expectModelMatches(
      everyKindVersion,
      createSurveyModel(everyKindVersion, { locale: "en" }),
      "en",
    );
  });
});
