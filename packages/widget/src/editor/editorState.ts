import {
  canonicalJson,
  type LocalEdit,
  type Question,
  type QuestionnaireVersion,
} from "@klynge/engine";
import { type EditorItem, editsFor, itemsAfter } from "./canonicalEdits.js";
import { followSource } from "./followSource.js";
import { buildLocalQuestion, type LocalQuestionFields } from "./localQuestion.js";

/** How many steps "Fortryd" can go back. */
export const historyLimit = 50;

/** The edits and label before an action; `coalesce` names the action that followed it. */
export interface EditorSnapshot {
  readonly edits: readonly LocalEdit[];
  readonly label: string;
  readonly coalesce?: string;
}

/**
 * The editor's whole state: the version edited, the engine's edit list (always in the plain form
 * `editsFor` gives), the new version's label, and the snapshots "Fortryd" returns to.
 */
export interface EditorState {
  readonly base: QuestionnaireVersion;
  readonly edits: readonly LocalEdit[];
  readonly label: string;
  readonly history: readonly EditorSnapshot[];
}

export type EditorAction =
  /** Adds a local question at `at` (an index in the current list; default the end). */
  | { readonly type: "add"; readonly question: LocalQuestionFields; readonly at?: number }
  /**
   * Rewrites a local question in its own add edit. Consecutive updates with the same `coalesce`
   * key (e.g. keystrokes in one field) are undone as one step.
   */
  | {
      readonly type: "update";
      readonly questionId: string;
      readonly question: LocalQuestionFields;
      readonly coalesce?: string;
    }
  /** Removes a bank question (it can be restored) or deletes a local one. */
  | { readonly type: "remove"; readonly questionId: string }
  /** Moves a question to index `to` of the current list. */
  | { readonly type: "move"; readonly questionId: string; readonly to: number }
  /** Puts a removed bank question back next to the bank question it followed. */
  | { readonly type: "restore"; readonly questionId: string }
  | { readonly type: "undo" }
  | { readonly type: "setLabel"; readonly label: string }
  /** Back to the base with `label` ("Kassér kladde"): no edits, and nothing to undo. */
  | { readonly type: "discard"; readonly label: string }
  /** Replaces edits and label (a draft read back); clears the history. Ignored if the edits do not fit. */
  | { readonly type: "load"; readonly edits: readonly LocalEdit[]; readonly label: string };

/** A fresh state on `base`: no edits, no history. */
export function createEditorState(base: QuestionnaireVersion, label = ""): EditorState {
  return { base, edits: [], label, history: [] };
}

/** The current question list: base plus edits, in order. */
export function editorItems(state: EditorState): readonly EditorItem[] {
  // The reducer only stores edits that fit, so this never falls back in practice.
  return itemsAfter(state.base, state.edits) ?? bankItems(state.base);
}

/** The base's questions that the edits removed, in the base's order. */
export function removedQuestions(state: EditorState): readonly Question[] {
  const present = new Set(editorItems(state).map((item) => item.question.id));
  return state.base.questionnaire.questions.filter((q) => !present.has(q.id));
}

/**
 * Pure transitions of the editor. An action that does not fit the state (an unknown id, a position
 * out of range, undo with no history) returns the state unchanged.
 */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case "undo": {
      const last = state.history.at(-1);
      if (last === undefined) return state;
      return {
        ...state,
        edits: last.edits,
        label: last.label,
        history: state.history.slice(0, -1),
      };
    }
    case "setLabel":
      return commit(state, state.edits, action.label, "label");
    case "discard":
      return { ...state, edits: [], label: action.label, history: [] };
    case "load": {
      const items = itemsAfter(state.base, action.edits);
      if (items === undefined) return state;
      return { ...state, edits: editsFor(state.base, items), label: action.label, history: [] };
    }
    default: {
      const items = nextItems(state, [...editorItems(state)], action);
      if (items === undefined) return state;
      const coalesce = action.type === "update" ? action.coalesce : undefined;
      return commit(state, editsFor(state.base, items), state.label, coalesce);
    }
  }
}

type ListAction = Exclude<EditorAction, { type: "undo" | "setLabel" | "load" | "discard" }>;

function nextItems(
  state: EditorState,
  items: EditorItem[],
  action: ListAction,
): EditorItem[] | undefined {
  const baseIds = new Set(state.base.questionnaire.questions.map((q) => q.id));
  const index =
    "questionId" in action ? items.findIndex((i) => i.question.id === action.questionId) : -1;
  // Local ids stay clear of every base id, removed ones too, so a restore never collides.
  const takenBesides = (own: string | undefined) => (id: string) =>
    id !== own && (baseIds.has(id) || items.some((item) => item.question.id === id));
  switch (action.type) {
    case "add": {
      const at = action.at ?? items.length;
      if (!Number.isInteger(at) || at < 0 || at > items.length) return undefined;
      const question = buildLocalQuestion(action.question, takenBesides(undefined));
      return [...items.slice(0, at), { question, origin: "local" }, ...items.slice(at)];
    }
    case "update": {
      if (items[index]?.origin !== "local") return undefined;
      const question = buildLocalQuestion(action.question, takenBesides(action.questionId));
      const updated = items.map(
        (item, i): EditorItem => (i === index ? { question, origin: "local" } : item),
      );
      return followSource(updated, (items[index] as EditorItem).question, question);
    }
    case "remove":
      return index < 0 ? undefined : items.filter((_, i) => i !== index);
    case "move": {
      const { to } = action;
      if (index < 0 || !Number.isInteger(to) || to < 0 || to >= items.length) return undefined;
      const rest = items.filter((_, i) => i !== index);
      return [...rest.slice(0, to), items[index] as EditorItem, ...rest.slice(to)];
    }
    case "restore": {
      const order = state.base.questionnaire.questions;
      const baseIndex = order.findIndex((q) => q.id === action.questionId);
      if (baseIndex < 0 || index >= 0) return undefined;
      let at = 0;
      for (let b = baseIndex - 1; b >= 0; b--) {
        const previous = items.findIndex((item) => item.question.id === order[b]?.id);
        if (previous >= 0) {
          at = previous + 1;
          break;
        }
      }
      const question = order[baseIndex] as Question;
      return [...items.slice(0, at), { question, origin: "bank" }, ...items.slice(at)];
    }
  }
}

function commit(
  state: EditorState,
  edits: readonly LocalEdit[],
  label: string,
  coalesce: string | undefined,
): EditorState {
  if (label === state.label && canonicalJson(edits) === canonicalJson(state.edits)) return state;
  const top = state.history.at(-1);
  const history =
    coalesce !== undefined && top?.coalesce === coalesce
      ? state.history
      : [
          ...state.history,
          {
            edits: state.edits,
            label: state.label,
            ...(coalesce === undefined ? {} : { coalesce }),
          },
        ].slice(-historyLimit);
  return { ...state, edits, label, history };
}

function bankItems(base: QuestionnaireVersion): EditorItem[] {
  return base.questionnaire.questions.map((question) => ({ question, origin: "bank" }));
}
