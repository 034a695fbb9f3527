// @vitest-environment node
// The mapping needs no DOM: survey-core runs in Node, as it would on a server.
import { type Answer, type QuestionnaireVersion, validateResponse } from "@klynge/engine";
import { assertProperty } from "@klynge/test-support/property";
import { arbQuestionnaire } from "@klynge/test-support/questionnaires";
import { arbAnswersFor, makeResponse, versionOf } from "@klynge/test-support/responses";
import fc from "fast-check";
import { Model } from "survey-core";
import { describe, expect, it } from "vitest";
import { answersFromSurveyData } from "../../surveyjs/answersFromSurveyData.js";
import { surveyDataFromAnswers } from "../../surveyjs/surveyDataFromAnswers.js";
import { toSurveyJson } from "../../surveyjs/toSurveyJson.js";
import { everyKindAnswers, everyKindVersion, versions } from "./fixtures.js";

/** Paths of members whose value is undefined: an answer must leave a key out, not set it undefined. */
function undefinedMembers(value: unknown, path = "$"): string[] {
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, member]) =>
    member === undefined ? [`${path}.${key}`] : undefinedMembers(member, `${path}.${key}`),
  );
}

/** Engine answers → SurveyJS data → a SurveyJS model → its data → engine answers. */
function roundTrip(version: QuestionnaireVersion, answers: Record<string, Answer>, model: Model) {
  model.data = surveyDataFromAnswers(version, answers);
  return answersFromSurveyData(version, model.data);
}

function expectRoundTrip(
  version: QuestionnaireVersion,
  answers: Record<string, Answer>,
  model: Model,
) {
  const back = roundTrip(version, answers, model);
  // toEqual, not toStrictEqual: that compares `constructor` members, which here are answers (the
  // question id "constructor"); fast-check's records also have no prototype. Undefined is checked apart.
  expect(back).toEqual(answers);
  expect(undefinedMembers(back)).toEqual([]);
  const checked = validateResponse(version, makeResponse(version, back));
  expect(checked.success ? [] : checked.issues).toEqual([]);
}

// SurveyJS is slow to drive (about 20 ms per `model.data =`, 70 ms per new model), so these
// properties run fewer cases than the engine's 200 (100 by default, 40 with a new model each)
// and get a longer timeout.
const propertyTimeout = 60_000;

describe("engine answers → SurveyJS → engine answers", () => {
  it("keeps a complete answer set to the hand-made questionnaire", () => {
    expectRoundTrip(everyKindVersion, everyKindAnswers, new Model(toSurveyJson(everyKindVersion)));
  });

  it("keeps no answers as no answers", () => {
    const model = new Model(toSurveyJson(everyKindVersion));
    expect(roundTrip(everyKindVersion, {}, model)).toStrictEqual({});
  });

  for (const [label, version] of versions) {
    it(
      `keeps any valid answers to ${label} (property)`,
      () => {
        // One model, its data replaced each run, as when a kiosk resumes one draft after another.
        const model = new Model(toSurveyJson(version));
        assertProperty(
          fc.property(arbAnswersFor(version.questionnaire.questions), (answers) => {
            expectRoundTrip(version, answers, model);
          }),
          // SurveyJS takes ~20 ms per `model.data =` in Node.
          { numRuns: 100 },
        );
      },
      propertyTimeout,
    );
  }

  it(
    "keeps any valid answers to any valid questionnaire (property)",
    () => {
      const arbCase = arbQuestionnaire
        .map((questionnaire) => versionOf(questionnaire))
        .chain((version) =>
          fc.tuple(fc.constant(version), arbAnswersFor(version.questionnaire.questions)),
        );
      assertProperty(
        fc.property(arbCase, ([version, answers]) => {
          expectRoundTrip(version, answers, new Model(toSurveyJson(version)));
        }),
        { numRuns: 40 },
      );
    },
    propertyTimeout,
  );
});
