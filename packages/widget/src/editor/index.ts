export type { EditorItem } from "./canonicalEdits.js";
export { editsFor, itemsAfter } from "./canonicalEdits.js";
export {
  type EditorDraft,
  type EditorDraftStore,
  editorDraftSchema,
  readEditorDraft,
} from "./editorDraft.js";
export { type EditorMessages, editorMessages } from "./editorMessages.js";
export {
  createEditorState,
  type EditorAction,
  type EditorSnapshot,
  type EditorState,
  editorItems,
  editorReducer,
  historyLimit,
  removedQuestions,
} from "./editorState.js";
export {
  buildLocalQuestion,
  fieldsOfQuestion,
  type LocalQuestionFields,
  type LocalQuestionType,
  type LocalText,
  localIdPrefix,
  localQuestionTypes,
  newLocalQuestion,
} from "./localQuestion.js";
export {
  type ClosableEditorDraftStore,
  EDITOR_DB_VERSION,
  type EditorDraftStoreOptions,
  editorDBName,
  type KlyngeEditorDBv1,
  openEditorDraftStore,
} from "./openEditorDraftStore.js";
export { type FieldKey, type PlacedIssues, placeIssues } from "./placeIssues.js";
export { QuestionnaireEditor, type QuestionnaireEditorProps } from "./QuestionnaireEditor.js";
