// @vitest-environment node
// The mapping needs no DOM: survey-core runs in Node; these tests drive its model as the UI does.
import { validateResponse } from "@klynge/engine";
import { makeResponse } from "@klynge/test-support/responses";
import {
  type ItemValue,
  Model,
  type QuestionCheckboxModel,
  type QuestionCommentModel,
  type QuestionMatrixModel,
  type QuestionRadiogroupModel,
} from "survey-core";
import { describe, expect, it } from "vitest";
import { answersFromSurveyData } from "../../surveyjs/answersFromSurveyData.js";
import { createSurveyModel } from "../../surveyjs/createSurveyModel.js";
import { createSurveyNames } from "../../surveyjs/createSurveyNames.js";
import { toSurveyJson } from "../../surveyjs/toSurveyJson.js";
import { everyKindVersion } from "./fixtures.js";

const version = everyKindVersion;
const names = createSurveyNames(version);
const nameOf = (id: string) => names.nameOf(id) as string;

function question<T>(model: Model, id: string): T {
  const found = model.getQuestionByName(nameOf(id));
  if (found === null) throw new Error(`no SurveyJS question for ${id}`);
  return found as T;
}

function choice(q: QuestionRadiogroupModel | QuestionCheckboxModel, text: string): ItemValue {
  const item = q.visibleChoices.find((c: ItemValue) => c.text === text);
  if (item === undefined) throw new Error(`no choice "${text}" in ${q.name}`);
  return item;
}

const answersOf = (model: Model) => answersFromSurveyData(version, model.data);
const answerTo = (model: Model, id: string) => answersOf(model)[id];

describe("answers given through SurveyJS, as a respondent gives them", () => {
  it("maps a rating choice, 'Ved ikke' included, to its code", () => {
    const model = createSurveyModel(version);
    const rating = question<QuestionRadiogroupModel>(model, "alle.kendskab");
    rating.clickItemHandler(choice(rating, "Lidt"));
    expect(answerTo(model, "alle.kendskab")).toEqual({ choice: "2" });
    model.setValue(nameOf("alle.kendskab"), "ved-ikke");
    expect(answerTo(model, "alle.kendskab")).toEqual({ choice: "ved-ikke" });
  });

  it("maps SurveyJS's 'Other' item and its comment to our 'Andet' code and a trimmed text", () => {
    const model = createSurveyModel(version);
    const single = question<QuestionRadiogroupModel>(model, "alle.rolle");
    single.clickItemHandler(single.otherItem);
    expect(answerTo(model, "alle.rolle")).toEqual({ choice: "andet" });
    single.setCommentValue(single.otherItem, "  Praksismanager \n");
    expect(model.data[`${nameOf("alle.rolle")}-Comment`]).toBeDefined();
    expect(answerTo(model, "alle.rolle")).toEqual({ choice: "andet", otherText: "Praksismanager" });
  });

  it("drops the 'Andet' text when the respondent switches to another option", () => {
    const model = createSurveyModel(version);
    const single = question<QuestionRadiogroupModel>(model, "alle.rolle");
    single.clickItemHandler(single.otherItem);
    single.setCommentValue(single.otherItem, "Praksismanager");
    single.clickItemHandler(choice(single, "Læge"));
    expect(answerTo(model, "alle.rolle")).toEqual({ choice: "laege" });
  });

  it("keeps a plain option coded 'other' apart from SurveyJS's 'Other' item", () => {
    const model = createSurveyModel(version);
    const single = question<QuestionRadiogroupModel>(model, "alle.rolle");
    single.clickItemHandler(choice(single, "Anden faggruppe"));
    expect(single.isOtherSelected).toBe(false);
    expect(answerTo(model, "alle.rolle")).toEqual({ choice: "other" });
  });

  it("keeps ticks in the order ticked, with the 'Andet' text", () => {
    const model = createSurveyModel(version);
    const multi = question<QuestionCheckboxModel>(model, "alle.kanaler");
    multi.clickItemHandler(choice(multi, "Korrespondance"), true);
    multi.clickItemHandler(multi.otherItem, true);
    multi.setCommentValue(multi.otherItem, "Via sekretæren");
    multi.clickItemHandler(choice(multi, "Telefon"), true);
    expect(answerTo(model, "alle.kanaler")).toEqual({
      choices: ["constructor", "andet", "telefon"],
      otherText: "Via sekretæren",
    });
  });

  it("clears the other ticks, and the 'Andet' text, when 'Jeg henviser ikke' is ticked after them", () => {
    const model = createSurveyModel(version);
    const multi = question<QuestionCheckboxModel>(model, "alle.kanaler");
    multi.clickItemHandler(choice(multi, "Telefon"), true);
    multi.clickItemHandler(multi.otherItem, true);
    multi.setCommentValue(multi.otherItem, "Via sekretæren");
    multi.clickItemHandler(choice(multi, "Jeg henviser ikke"), true);
    expect(answerTo(model, "alle.kanaler")).toEqual({ choices: ["nej"] });
  });

  it("clears 'Ved ikke' when another option is ticked after it, and one exclusive option replaces the other", () => {
    const model = createSurveyModel(version);
    const multi = question<QuestionCheckboxModel>(model, "alle.kanaler");
    multi.clickItemHandler(choice(multi, "Ved ikke"), true);
    multi.clickItemHandler(choice(multi, "Jeg henviser ikke"), true);
    expect(answerTo(model, "alle.kanaler")).toEqual({ choices: ["nej"] });
    multi.clickItemHandler(choice(multi, "Telefon"), true);
    expect(answerTo(model, "alle.kanaler")).toEqual({ choices: ["telefon"] });
    // The question applies exclusivity to any value set on it, not only to clicks.
    multi.value = ["telefon", "ved-ikke"];
    expect(answerTo(model, "alle.kanaler")).toEqual({ choices: ["ved-ikke"] });
  });

  it("leaves it to the engine to refuse a combination set on the survey, past the question", () => {
    const model = createSurveyModel(version);
    // survey.setValue stores the array without the checkbox's exclusivity step.
    model.setValue(nameOf("alle.kanaler"), ["telefon", "ved-ikke"]);
    const answers = answersOf(model);
    expect(answers["alle.kanaler"]).toEqual({ choices: ["telefon", "ved-ikke"] });
    const checked = validateResponse(version, makeResponse(version, answers), { mode: "draft" });
    expect(checked.success ? [] : checked.issues.map((i) => i.code)).toEqual([
      "exclusive_option_combined",
    ]);
  });

  it("leaves a question out once every tick is removed", () => {
    const model = createSurveyModel(version);
    const multi = question<QuestionCheckboxModel>(model, "alle.kanaler");
    multi.clickItemHandler(choice(multi, "Telefon"), true);
    multi.clickItemHandler(choice(multi, "Telefon"), false);
    expect(answersOf(model)).not.toHaveProperty("alle.kanaler");
  });

  it("trims typed text and leaves blank text out", () => {
    const model = createSurveyModel(version);
    const text = question<QuestionCommentModel>(model, "constructor");
    text.value = "  Godt samarbejde.  ";
    expect(answerTo(model, "constructor")).toEqual({ text: "Godt samarbejde." });
    text.value = " \n ";
    expect(Object.hasOwn(answersOf(model), "constructor")).toBe(false);
  });

  it("maps matrix cells, the row coded 'constructor' included, back to row and column codes", () => {
    const model = createSurveyModel(version);
    const matrix = question<QuestionMatrixModel>(model, "alle.grupper");
    const [kol, diabetes] = matrix.visibleRows;
    const column = (text: string) => matrix.columns.find((c: ItemValue) => c.text === text);
    kol?.cellClick(column("Sjældent"));
    expect(answerTo(model, "alle.grupper")).toEqual({ rows: { constructor: "other" } });
    diabetes?.cellClick(column("Ved ikke"));
    expect(answerTo(model, "alle.grupper")).toEqual({
      rows: { constructor: "other", diabetes: "ved-ikke" },
    });
  });

  it("gives a response the engine accepts once every required question is answered", () => {
    const model = createSurveyModel(version);
    const rating = question<QuestionRadiogroupModel>(model, "alle.kendskab");
    rating.clickItemHandler(choice(rating, "Godt"));
    const multi = question<QuestionCheckboxModel>(model, "alle.kanaler");
    multi.clickItemHandler(multi.otherItem, true);
    const matrix = question<QuestionMatrixModel>(model, "alle.grupper");
    for (const row of matrix.visibleRows) row.cellClick(matrix.columns[0]);
    question<QuestionCommentModel>(model, "alle.forslag").value = "Kortere svartider";

    const answers = answersOf(model);
    expect(answers).toEqual({
      "alle.kendskab": { choice: "3" },
      "alle.kanaler": { choices: ["andet"] },
      "alle.grupper": { rows: { constructor: "aldrig", diabetes: "aldrig" } },
      "alle.forslag": { text: "Kortere svartider" },
    });
    expect(validateResponse(version, makeResponse(version, answers)).success).toBe(true);
    expect(model.validate(false)).toBe(true);
  });
});

describe("SurveyJS's own checks, against the engine's", () => {
  it("asks for every row of a required matrix, as the engine does", () => {
    const model = createSurveyModel(version);
    const matrix = question<QuestionMatrixModel>(model, "alle.grupper");
    matrix.visibleRows[1]?.cellClick(matrix.columns[0]);
    expect(matrix.validate(false)).toBe(false);
    const checked = validateResponse(version, makeResponse(version, answersOf(model)), {});
    expect(checked.success ? [] : checked.issues.map((i) => i.path.join("/"))).toContain(
      "answers/alle.grupper/rows/constructor",
    );
  });

  it("lets 'Andet' go without its text in createSurveyModel, as the engine does; a bare Model would not", () => {
    const relaxed = createSurveyModel(version);
    const bare = new Model(toSurveyJson(version));
    for (const model of [relaxed, bare]) {
      const single = question<QuestionRadiogroupModel>(model, "alle.rolle");
      single.clickItemHandler(single.otherItem);
    }
    expect(question<QuestionRadiogroupModel>(relaxed, "alle.rolle").validate(false)).toBe(true);
    expect(question<QuestionRadiogroupModel>(bare, "alle.rolle").validate(false)).toBe(false);
    const answers = answersOf(relaxed);
    expect(answers["alle.rolle"]).toEqual({ choice: "andet" });
    expect(
      validateResponse(version, makeResponse(version, answers), { mode: "draft" }).success,
    ).toBe(true);
  });
});

describe("answersFromSurveyData", () => {
  const json = toSurveyJson(version);
  const name = (id: string) => nameOf(id);

  it("leaves out empty values, blank texts, empty tick lists and empty matrices", () => {
    expect(
      answersFromSurveyData(version, {
        [name("alle.kendskab")]: "",
        [name("alle.rolle")]: null,
        [name("alle.kanaler")]: [],
        [name("constructor")]: "   ",
        [name("alle.grupper")]: {},
        [name("alle.valgfri-matrix")]: { akutteam: "", hjemmepleje: null },
      }),
    ).toEqual({});
  });

  it("drops an 'Andet' text when 'Andet' is not chosen, and a blank one when it is", () => {
    expect(
      answersFromSurveyData(version, {
        [name("alle.rolle")]: "laege",
        [`${name("alle.rolle")}-Comment`]: "Praksismanager",
        [name("alle.kanaler")]: ["other"],
        [`${name("alle.kanaler")}-Comment`]: "  ",
      }),
    ).toEqual({ "alle.rolle": { choice: "laege" }, "alle.kanaler": { choices: ["andet"] } });
  });

  it("ignores keys this version did not make", () => {
    expect(answersFromSurveyData(version, { "alle.kendskab": "1", q99_x: "a" })).toEqual({});
  });

  it("passes values no option has through, so the engine reports them", () => {
    const answers = answersFromSurveyData(version, {
      [name("alle.kendskab")]: "9",
      [name("alle.kanaler")]: ["telefon", 7],
      [name("constructor")]: 42,
    });
    expect(answers).toEqual({
      "alle.kendskab": { choice: "9" },
      "alle.kanaler": { choices: ["telefon", 7] },
      constructor: { text: 42 },
    });
    const checked = validateResponse(version, makeResponse(version, answers), { mode: "draft" });
    expect(checked.success ? [] : checked.issues.map((i) => i.code).sort()).toEqual([
      "invalid_type",
      "invalid_type",
      "unknown_option",
    ]);
  });

  it("reads the data of a model made from the JSON, not only hand-written data", () => {
    const model = new Model(json);
    model.setValue(name("alle.kendskab"), "1");
    expect(answersFromSurveyData(version, model.data)).toEqual({
      "alle.kendskab": { choice: "1" },
    });
  });
});
