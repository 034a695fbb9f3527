import type { EditorMessages } from "./editorCatalogue.js";

/** The editor's words in English; a missing key does not compile. */
export const en: EditorMessages = {
  title: "Adjust the questionnaire",
  intro:
    "Questions from the template stay word for word, so rounds can be compared. You may remove and move them and add your own questions.",
  label: "Version name",
  labelHint: "E.g. Klynge Syd + Vejle Kommune, March 2027",
  undo: "Undo",
  questionsHeading: "Questions",
  questionHeading: (n) => `Question ${n}`,
  untitled: "(no text)",
  bankBadge: "From the template",
  localBadge: "Local question",
  comparableBadge: "Comparable",
  comparableNote: (previous) =>
    previous
      ? "“Comparable”: the answers can be set against the previous round."
      : "“Comparable”: the answers can be set against the template's.",
  required: "Required",
  optional: "Optional",
  questionType: {
    rating: "Scale",
    single: "One answer",
    multi: "Multiple answers possible",
    text: "Free text",
    matrix: "Grid of rows",
  },
  insertHere: "Add question here",
  insertHereAt: (n) => `Add question here, as question ${n}`,
  insertTypeGroup: (n) => `Choose the type of question ${n}`,
  cancel: "Cancel",
  duplicate: "Copy",
  moveTo: "Move to position",
  moveToButton: "Move",
  position: (n, count) => `${n} of ${count}`,
  dragHandle: "Drag",
  dragRole: "movable question",
  dragInstructions:
    "Press space to pick the question up. Move it with the up and down arrows, press space to drop it, or Escape to leave it where it was.",
  dragStart: (name, n, count) => `Picked up ${name}, at position ${n} of ${count}.`,
  dragOver: (name, n, count) => `${name} is over position ${n} of ${count}.`,
  dragEnd: (name, n, count) => `${name} was dropped at position ${n} of ${count}.`,
  dragCancel: (name, n) => `Moving was cancelled. ${name} stays at position ${n}.`,
  typeDroppedOptions: (labels, type) =>
    `The ${labels.length === 1 ? "option" : "options"} ${quoted(labels, "and")} ${labels.length === 1 ? "was" : "were"} removed, as the type “${type}” has no options. Choose the previous type again, or press “Undo”, to get them back.`,
  typeDroppedStandard: (labels, type) =>
    `${quoted(labels, "and")} ${labels.length === 1 ? "was" : "were"} removed, as the type “${type}” does not offer ${labels.length === 1 ? "it" : "them"}.`,
  typeCheckScale:
    "The options are now scale points: check that they run from best to worst, as the top point counts highest.",
  discard: "Discard draft",
  discardQuestion:
    "Discard every change and start over from the original questionnaire? This cannot be undone.",
  discardConfirm: "Yes, discard the draft",
  discardKeep: "No, keep it",
  discarded: "The draft was discarded. The questionnaire is as it was before your changes.",
  remove: "Remove",
  deleteLocal: "Delete",
  removedHeading: "Removed questions",
  restore: "Undo removal",
  addHeading: "Add a question",
  newQuestionType: "Type of the new question",
  add: "Add question",
  textDa: "Question (Danish)",
  textEn: "Question (English, optional)",
  descriptionDa: "Description (Danish, optional)",
  descriptionEn: "Description (English, optional)",
  requiredField: "Required",
  condition: {
    legend: "When is the question shown?",
    question: "Show only if this question was answered",
    always: "Always (no condition)",
    source: (n, text) => `Question ${n}: ${text}`,
    notBefore: "(not before this question)",
    gone: "(removed question)",
    answers: (source) => `… with one of these answers to «${source}»`,
    pickAnswer: "Tick at least one answer. Until then the question is shown to everyone.",
    noSource:
      "A question can be shown depending on the answer to an earlier question with answer options. There is no such question before this one.",
    remove: "Remove the condition",
    notEarlier: (source) =>
      `«${source}» now comes after this question. Move it above this question, or choose another.`,
    unknownQuestion:
      "The question the condition depends on has been removed. Choose another, or remove the condition.",
    sourceType: (source) =>
      `«${source}» has no answer options to choose from. Choose another question.`,
    unknownOption: (source) =>
      `One of the chosen answers no longer exists in «${source}». Tick again.`,
    noAnswer: "Tick at least one answer.",
  },
  matrix: {
    rowsLegend: "Rows",
    rowDa: (n) => `Row ${n} (Danish)`,
    rowEn: (n) => `Row ${n} (English, optional)`,
    addRow: "Add row",
    removeRow: (n) => `Remove row ${n}`,
    rowHeader: "Row",
    gridCaption: (question) => `Rows and answer options: ${question}`,
  },
  typeField: "Question type",
  optionsLegend: "Answer options",
  scaleLegend: "Scale points",
  scaleHint:
    "List the scale from best to worst, like the questionnaire's other scales: the top point counts highest in the mean. “Don't know” stays outside the scale.",
  optionDa: (n) => `Option ${n} (Danish)`,
  optionEn: (n) => `Option ${n} (English, optional)`,
  addOption: "Add option",
  removeOption: (n) => `Remove option ${n}`,
  moveOptionUp: (n) => `Move option ${n} up`,
  moveOptionDown: (n) => `Move option ${n} down`,
  standardLegend: "Standard options",
  standard: {
    other: "Add “Andet (skriv)” (Other)",
    none: "Add “Ingen af disse” (None of these)",
    dontKnow: "Add “Ved ikke” (Don't know)",
  },
  questionId: "Id",
  summaryHeading: "Fix these errors before publishing",
  issueCount: (n) =>
    n === 1 ? "Fix 1 error before publishing." : `Fix ${n} errors before publishing.`,
  publish: "Publish",
  publishing: "Publishing…",
  published: "The version is published.",
  publishFailed: "The version could not be published. Try again.",
  draftSaving: "Saving draft…",
  draftSaved: "Draft saved",
  draftFailed: "The draft could not be saved on this device.",
  draftRestored: "Your draft from last time is restored.",
  diffHeading: "Changes",
  againstTemplate: "Compared with the template",
  againstPrevious: "Compared with the previous round",
  added: "Added",
  removed: "Removed",
  changed: "Changed",
  moved: "Moved",
  noChanges: "No changes.",
  notComparable: "not comparable",
  fieldNames: {
    type: "type",
    text: "text",
    description: "description",
    required: "required",
    options: "options",
    rows: "rows",
    columns: "columns",
    maxLength: "length",
    showIf: "when it is shown",
  },
  previewHeading: "Preview",
  previewUnavailable: "The preview shows once the errors are fixed.",
};

function quoted(labels: readonly string[], and: string): string {
  const all = labels.map((label) => `“${label}”`);
  return all.length < 2 ? all.join("") : `${all.slice(0, -1).join(", ")} ${and} ${all.at(-1)}`;
}
