// @klynge/widget/editor: the coordinator's questionnaire editor, with its drafts kept on the device.
export type { EditorDraft, EditorDraftStore } from "./editorDraft.js";
export {
  type ClosableEditorDraftStore,
  type EditorDraftStoreOptions,
  openEditorDraftStore,
} from "./openEditorDraftStore.js";
export { QuestionnaireEditor, type QuestionnaireEditorProps } from "./QuestionnaireEditor.js";
