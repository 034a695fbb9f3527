// @vitest-environment node
// Conditional questions (`showIf`) through SurveyJS's `visibleIf`, driven as a respondent does.
import { createVersion, validateResponse } from "@klynge/engine";
import { makeResponse } from "@klynge/test-support/responses";
import { unwrap } from "@klynge/test-support/unwrap";
import type { ItemValue, Model, QuestionCheckboxModel, QuestionRadiogroupModel } from "survey-core";
import { describe, expect, it } from "vitest";
import { answersFromSurveyData } from "../../surveyjs/answersFromSurveyData.js";
import { createSurveyModel } from "../../surveyjs/createSurveyModel.js";
import { createSurveyNames } from "../../surveyjs/createSurveyNames.js";
import { toSurveyJson } from "../../surveyjs/toSurveyJson.js";
import { everyKindQuestionnaire } from "./fixtures.js";

// alle.rolle is a single choice whose codes include "other" (an ordinary option, escaped for
// SurveyJS) and "andet" (the «Andet» option, SurveyJS's Other item); alle.kanaler a multiple
// choice with the code "constructor".
const version = unwrap(
  createVersion(
    {
      ...everyKindQuestionnaire,
      questions: [
        ...everyKindQuestionnaire.questions,
        {
          id: "alle.hvilken",
          type: "text",
          text: { da: "Hvilken faggruppe?" },
          required: true,
          showIf: { question: "alle.rolle", anyOf: ["other", "andet"] },
        },
        {
          id: "alle.korrespondance",
          type: "text",
          text: { da: "Hvad skriver du i korrespondancen?" },
          showIf: { question: "alle.kanaler", anyOf: ["constructor"] },
        },
      ],
    },
    { label: "Med betingelser" },
  ),
);
const names = createSurveyNames(version);
const nameOf = (id: string) => names.nameOf(id) as string;
const questionOf = <T>(model: Model, id: string) => model.getQuestionByName(nameOf(id)) as T;
function choice(q: QuestionRadiogroupModel | QuestionCheckboxModel, text: string): ItemValue {
  const item = q.visibleChoices.find((c: ItemValue) => c.text === text);
  if (item === undefined) throw new Error(`no choice "${text}"`);
  return item;
}

describe("conditional questions in SurveyJS", () => {
  it("maps showIf to visibleIf on SurveyJS's names and values", () => {
    const elements = toSurveyJson(version, { questionsPerPage: Infinity }).pages[0]?.elements ?? [];
    const byName = new Map(elements.map((e) => [e.name, e]));
    expect(byName.get(nameOf("alle.hvilken"))?.visibleIf).toBe(
      `{${nameOf("alle.rolle")}} anyof ['klynge:other', 'other']`,
    );
    expect(byName.get(nameOf("alle.korrespondance"))?.visibleIf).toBe(
      `{${nameOf("alle.kanaler")}} anyof ['klynge:constructor']`,
    );
    expect(byName.get(nameOf("alle.rolle"))?.visibleIf).toBeUndefined();
  });

  it("shows the question for the named option, hides it and drops its answer for another", () => {
    const model = createSurveyModel(version);
    const rolle = questionOf<QuestionRadiogroupModel>(model, "alle.rolle");
    const hvilken = questionOf<QuestionRadiogroupModel>(model, "alle.hvilken");
    expect(hvilken.isVisible).toBe(false);
    rolle.clickItemHandler(choice(rolle, "Anden faggruppe"));
    expect(hvilken.isVisible).toBe(true);
    model.setValue(nameOf("alle.hvilken"), "Fysioterapeut");
    expect(answersFromSurveyData(version, model.data)["alle.hvilken"]).toEqual({
      text: "Fysioterapeut",
    });
    rolle.clickItemHandler(choice(rolle, "Læge"));
    expect(hvilken.isVisible).toBe(false);
    expect(model.data[nameOf("alle.hvilken")]).toBeUndefined();
    expect(answersFromSurveyData(version, model.data)).not.toHaveProperty("alle.hvilken");
  });

  it("shows the question when the named option is among the ticks, via SurveyJS's Other item too", () => {
    const model = createSurveyModel(version);
    const kanaler = questionOf<QuestionCheckboxModel>(model, "alle.kanaler");
    const korrespondance = questionOf<QuestionCheckboxModel>(model, "alle.korrespondance");
    kanaler.clickItemHandler(choice(kanaler, "Telefon"), true);
    expect(korrespondance.isVisible).toBe(false);
    kanaler.clickItemHandler(choice(kanaler, "Korrespondance"), true);
    expect(korrespondance.isVisible).toBe(true);
    const rolle = questionOf<QuestionRadiogroupModel>(model, "alle.rolle");
    rolle.clickItemHandler(rolle.otherItem);
    expect(questionOf<QuestionRadiogroupModel>(model, "alle.hvilken").isVisible).toBe(true);
  });

  it("drops a stale answer from data that still holds it, so the engine accepts the response", () => {
    // As a draft saved before the answer it depends on changed could hold it.
    const data = {
      [nameOf("alle.rolle")]: "laege",
      [nameOf("alle.hvilken")]: "Fysioterapeut",
    };
    const answers = answersFromSurveyData(version, data);
    expect(answers).not.toHaveProperty("alle.hvilken");
    expect(
      validateResponse(
        version,
        makeResponse(version, { ...answers, "alle.hvilken": { text: "x" } }),
        {
          mode: "draft",
        },
      ).success,
    ).toBe(true);
    const submitted = validateResponse(
      version,
      makeResponse(version, { ...answers, "alle.hvilken": { text: "x" } }),
    );
    expect(submitted.success ? [] : submitted.issues.map((i) => i.code)).toContain(
      "answer_not_shown",
    );
  });
});
