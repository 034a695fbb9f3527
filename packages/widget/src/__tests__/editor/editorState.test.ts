import { applyEdits, formatIssue, type LocalEdit, type Question } from "@klynge/engine";
import { templateVersion } from "@klynge/question-bank";
import { describe, expect, it } from "vitest";
import {
  createEditorState,
  type EditorAction,
  type EditorState,
  editorItems,
  editorReducer,
  historyLimit,
  removedQuestions,
} from "../../editor/editorState.js";
import type { LocalQuestionFields } from "../../editor/localQuestion.js";

const rehab = templateVersion("rehab");
const label = "Klynge Syd + Vejle Kommune, marts 2027";

function run(
  actions: readonly EditorAction[],
  state = createEditorState(rehab, label),
): EditorState {
  return actions.reduce(editorReducer, state);
}

const ids = (state: EditorState) => editorItems(state).map((item) => item.question.id);

const tilbud: LocalQuestionFields = {
  type: "multi",
  text: { da: "Hvilke kommunale tilbud kender du?", en: "Which municipal offers do you know?" },
  options: [{ da: "Rygestop" }, { da: "Diabetesskole", en: "Diabetes school" }],
  other: true,
  dontKnow: true,
};

const tilbudQuestion: Question = {
  id: "lokal.hvilke-kommunale-tilbud-kender-du",
  type: "multi",
  text: { da: "Hvilke kommunale tilbud kender du?", en: "Which municipal offers do you know?" },
  required: false,
  options: [
    { code: "rygestop", label: { da: "Rygestop" } },
    { code: "diabetesskole", label: { da: "Diabetesskole", en: "Diabetes school" } },
    { code: "andet", label: { da: "Andet (skriv)", en: "Other (please specify)" }, kind: "other" },
    { code: "ved-ikke", label: { da: "Ved ikke", en: "Don't know" }, kind: "dontKnow" },
  ],
};

const threeActions: EditorAction[] = [
  { type: "remove", questionId: "rehab.oplysninger" },
  { type: "add", question: tilbud },
  { type: "move", questionId: "rehab.kommentarer", to: 0 },
];

describe("editorReducer", () => {
  it("turns remove + add (multi with Andet and Ved ikke) + move into exactly these engine edits", () => {
    const state = run(threeActions);
    const expected: LocalEdit[] = [
      { op: "remove", questionId: "rehab.oplysninger" },
      { op: "move", questionId: "rehab.kommentarer", to: 0 },
      { op: "add", question: tilbudQuestion, at: 7 },
    ];
    expect(state.edits).toEqual(expected);
    expect(ids(state)).toEqual([
      "rehab.kommentarer",
      "rehab.kendskab",
      "rehab.henvisningsmaade",
      "rehab.oplevelse",
      "rehab.barrierer",
      "rehab.henvise-flere",
      "rehab.manglende-tilbud",
      "lokal.hvilke-kommunale-tilbud-kender-du",
    ]);
    expect(removedQuestions(state).map((q) => q.id)).toEqual(["rehab.oplysninger"]);
  });

  it("applies: the engine seals a version with the local question and without the removed one", () => {
    const state = run(threeActions);
    const result = applyEdits(rehab, state.edits, { label: state.label });
    if (!result.success) throw new Error(result.issues.map((i) => formatIssue(i, "en")).join("; "));
    const version = result.data;
    expect(version.lineage.base).toBe(rehab.hash);
    expect(version.label).toBe(label);
    const questionIds = version.questionnaire.questions.map((q) => q.id);
    expect(questionIds).toContain("lokal.hvilke-kommunale-tilbud-kender-du");
    expect(questionIds).not.toContain("rehab.oplysninger");
    expect(version.questionnaire.questions.at(-1)).toEqual(tilbudQuestion);
  });

  it("edits a local question in its own add edit, and undo restores the list before", () => {
    const before = run(threeActions);
    const after = editorReducer(before, {
      type: "update",
      questionId: "lokal.hvilke-kommunale-tilbud-kender-du",
      question: { ...tilbud, text: { da: "Hvilke tilbud bruger dine patienter?" }, required: true },
    });
    expect(after.edits).toHaveLength(3);
    const add = after.edits[2];
    expect(add).toMatchObject({
      op: "add",
      at: 7,
      question: {
        id: "lokal.hvilke-tilbud-bruger-dine-patienter",
        text: { da: "Hvilke tilbud bruger dine patienter?" },
        required: true,
      },
    });
    expect(after.edits.slice(0, 2)).toEqual(before.edits.slice(0, 2));

    const undone = editorReducer(after, { type: "undo" });
    expect(undone.edits).toEqual(before.edits);
    const twice = editorReducer(editorReducer(undone, { type: "undo" }), { type: "undo" });
    expect(twice.edits).toEqual([{ op: "remove", questionId: "rehab.oplysninger" }]);
  });

  it("leaves no edit behind when a question is moved up and down again, or removed and restored", () => {
    const state = run([
      { type: "move", questionId: "rehab.barrierer", to: 1 },
      { type: "move", questionId: "rehab.barrierer", to: 3 },
      { type: "remove", questionId: "rehab.oplevelse" },
      { type: "restore", questionId: "rehab.oplevelse" },
    ]);
    expect(state.edits).toEqual([]);
    expect(ids(state)).toEqual(rehab.questionnaire.questions.map((q) => q.id));
    expect(state.history).toHaveLength(4);
  });

  it("gives a rating scale ordinals n…1, best first as the bank's, and 'Ved ikke' none; the engine accepts it", () => {
    const state = run([
      {
        type: "add",
        at: 0,
        question: {
          type: "rating",
          text: { da: "Hvor lang er ventetiden?" },
          options: [{ da: "Under 2 uger" }, { da: "2-4 uger" }, { da: "Over 4 uger" }],
          dontKnow: true,
          other: true,
        },
      },
    ]);
    const [first] = editorItems(state);
    expect(first?.question).toMatchObject({
      id: "lokal.hvor-lang-er-ventetiden",
      type: "rating",
      options: [
        { code: "under-2-uger", ordinal: 3 },
        { code: "2-4-uger", ordinal: 2 },
        { code: "over-4-uger", ordinal: 1 },
        { code: "ved-ikke", kind: "dontKnow" },
      ],
    });
    expect(first?.question.type === "rating" && first.question.options[3]).not.toHaveProperty(
      "ordinal",
    );
    expect(applyEdits(rehab, state.edits, { label }).success).toBe(true);
  });

  it("makes ids unique and refuses a repeated option label through the engine", () => {
    const same: LocalQuestionFields = {
      type: "single",
      text: { da: "Ventetid" },
      options: [{ da: "Ja" }, { da: "ja " }],
    };
    const state = run([
      { type: "add", question: same },
      { type: "add", question: same },
    ]);
    expect(ids(state).slice(-2)).toEqual(["lokal.ventetid", "lokal.ventetid-2"]);
    const result = applyEdits(rehab, state.edits, { label });
    expect(result.success).toBe(false);
    const codes = result.success ? [] : result.issues.map((i) => [i.code, i.path]);
    expect(codes).toContainEqual([
      "duplicate_option_code",
      ["edits", 0, "question", "options", 1, "code"],
    ]);
  });

  it("undoes a run of keystrokes in one field as one step, and keeps at most 50 steps", () => {
    // As the form does: each keystroke updates the question under the id it has now.
    const type = (state: EditorState, da: string) =>
      editorReducer(state, {
        type: "update",
        questionId: ids(state).at(-1) as string,
        question: { type: "text", text: { da } },
        coalesce: "8:text.da",
      });
    const added = run([{ type: "add", question: { type: "text" } }]);
    expect(ids(added).at(-1)).toBe("lokal.spoergsmaal");
    const typed = ["V", "Ve", "Ved"].reduce(type, added);
    expect(ids(typed).at(-1)).toBe("lokal.ved");
    expect(typed.history).toHaveLength(2);
    expect(ids(editorReducer(typed, { type: "undo" })).at(-1)).toBe("lokal.spoergsmaal");

    let long = createEditorState(rehab);
    for (let i = 0; i < historyLimit + 10; i++) {
      long = editorReducer(long, { type: "setLabel", label: `runde ${i}` });
      long = editorReducer(long, { type: "move", questionId: "rehab.kendskab", to: i % 2 });
    }
    expect(long.history).toHaveLength(historyLimit);
  });

  it("ignores actions that do not fit: unknown ids, positions out of range, undo with no history", () => {
    const state = createEditorState(rehab);
    expect(editorReducer(state, { type: "remove", questionId: "rehab.findes-ikke" })).toBe(state);
    expect(editorReducer(state, { type: "move", questionId: "rehab.kendskab", to: 8 })).toBe(state);
    expect(editorReducer(state, { type: "restore", questionId: "rehab.kendskab" })).toBe(state);
    expect(
      editorReducer(state, { type: "update", questionId: "rehab.kendskab", question: tilbud }),
    ).toBe(state);
    expect(editorReducer(state, { type: "undo" })).toBe(state);
    expect(
      editorReducer(state, {
        type: "load",
        edits: [{ op: "remove", questionId: "rehab.findes-ikke" }],
        label: "x",
      }),
    ).toBe(state);
  });
});
