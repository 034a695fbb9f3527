import { templateVersion } from "@klynge/question-bank";
import { describe, expect, it } from "vitest";
import { changeQuestionType } from "../../editor/changeQuestionType.js";
import { copyOfQuestion } from "../../editor/copyOfQuestion.js";
import { createEditorState, editorItems, editorReducer } from "../../editor/editorState.js";
import type { LocalQuestionFields } from "../../editor/localQuestion.js";

const single: LocalQuestionFields = {
  type: "single",
  text: { da: "Hvordan er samarbejdet?", en: "How is the collaboration?" },
  required: true,
  options: [{ da: "Godt" }, { da: "" }, { da: "Dårligt", en: "Poor" }],
  other: true,
  dontKnow: true,
};

describe("changeQuestionType", () => {
  it("keeps texts, 'skal besvares', the options and the standard options the new type offers", () => {
    const { fields, droppedOptions, droppedStandard, becameScale } = changeQuestionType(
      single,
      "multi",
    );
    expect(fields).toEqual({ ...single, type: "multi", none: false });
    expect(droppedOptions).toEqual([]);
    expect(droppedStandard).toEqual([]);
    expect(becameScale).toBe(false);
  });

  it("to a scale: the options become scale points to check, and 'Andet' is reported as removed", () => {
    const change = changeQuestionType(single, "rating");
    expect(change.fields).toEqual({
      type: "rating",
      text: single.text,
      required: true,
      options: single.options,
      dontKnow: true,
    });
    expect(change.droppedStandard).toEqual(["other"]);
    expect(change.becameScale).toBe(true);
  });

  it("to free text: the typed options are reported (blank ones not), and come back from what was set aside", () => {
    const toText = changeQuestionType(single, "text");
    expect(toText.fields).toEqual({ type: "text", text: single.text, required: true });
    expect(toText.droppedOptions).toEqual([{ da: "Godt" }, { da: "Dårligt", en: "Poor" }]);
    expect(toText.droppedStandard).toEqual(["other", "dontKnow"]);
    const back = changeQuestionType(toText.fields, "single", single);
    expect(back.fields).toEqual(single);
  });

  it("gives a type with no typed options to keep the new type's blank options and defaults", () => {
    const text: LocalQuestionFields = { type: "text", text: { da: "Kommentarer" } };
    expect(changeQuestionType(text, "rating").fields).toEqual({
      type: "rating",
      text: { da: "Kommentarer" },
      options: [{ da: "" }, { da: "" }],
      dontKnow: true,
    });
  });
});

describe("copyOfQuestion", () => {
  it("marks the copy's text in each language and keeps everything else", () => {
    expect(copyOfQuestion(single)).toEqual({
      ...single,
      text: { da: "Hvordan er samarbejdet? (kopi)", en: "How is the collaboration? (copy)" },
    });
    expect(copyOfQuestion({ type: "text", text: { da: "Andet?" } }).text).toEqual({
      da: "Andet? (kopi)",
    });
  });
});

describe("editorReducer: discard", () => {
  it("goes back to the base with the given label, with nothing left to undo", () => {
    const rehab = templateVersion("rehab");
    const start = createEditorState(rehab, "Klynge Syd");
    const edited = [
      { type: "remove", questionId: "rehab.kendskab" } as const,
      { type: "add", question: single, at: 0 } as const,
      { type: "setLabel", label: "Andet navn" } as const,
    ].reduce(editorReducer, start);
    expect(edited.edits).toHaveLength(2);
    const discarded = editorReducer(edited, { type: "discard", label: "Klynge Syd" });
    expect(discarded).toEqual(start);
    expect(editorItems(discarded).map((item) => item.question.id)).toEqual(
      rehab.questionnaire.questions.map((q) => q.id),
    );
  });
});
