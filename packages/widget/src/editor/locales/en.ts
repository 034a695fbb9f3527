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
  scalePointValue: (value) => `Counts as ${value} in the average`,
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
  englishText: "English text",
  summaryHeading: "There is a problem",
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
  previewShow: "Show the preview",
  previewHide: "Hide the preview",
  previewPhone: "Show as on a phone",
  errors: {
    labelBlank: "Give the version a name",
    labelTooLong: (limit) => `The version name must be ${limit} characters or fewer`,
    textBlank: "Write the question's text",
    textTooLong: (limit) => `The question's text must be ${limit} characters or fewer`,
    descriptionTooLong: (limit) => `The description must be ${limit} characters or fewer`,
    optionBlank: (n, scale) =>
      scale ? `Write scale point ${n}, or remove it` : `Write option ${n}, or remove it`,
    optionTooLong: (n, limit) => `Option ${n} must be ${limit} characters or fewer`,
    tooFewOptions: (scale) =>
      scale
        ? "Write at least two scale points (“Don't know” does not count)"
        : "Write at least two options (“Other”, “None of these” and “Don't know” do not count)",
    tooManyOptions: (limit) => `There can be at most ${limit} options`,
    duplicateOption: (label) => `Two options are called “${label}”`,
    dontKnowAsOption: (label, scale) =>
      scale
        ? `“${label}” must be the “Don't know” checkbox, not a scale point: otherwise the answer counts in the mean`
        : `“${label}” must be the “Don't know” checkbox, not an ordinary option: then the answer is kept out of the distribution`,
    otherRepeated: (label) =>
      `“${label}” is the same as “Other (please specify)”, which is already ticked: remove it, or respondents see two “Other”`,
    scaleOrder: (label) =>
      `List the scale from the best answer to the worst: “${label}” stands below a point that is not better`,
    duplicateQuestion: "The questionnaire already has this question: write another text",
    noQuestions: "The questionnaire needs at least one question: undo a removal, or add a question",
    tooManyQuestions: (limit) => `The questionnaire can have at most ${limit} questions`,
    conditionUnknownQuestion:
      "The question it depends on was removed: choose another, or always show it",
    conditionNotEarlier:
      "The question it depends on must come before it: move one of them, or choose another",
    conditionSourceType:
      "It can only depend on a scale or a question with options, not on free text",
    conditionUnknownOption:
      "One of the answers it depends on no longer exists: choose the answers again",
    inQuestion: (n, error) => `Question ${n}: ${error}`,
  },
};

function quoted(labels: readonly string[], and: string): string {
  const all = labels.map((label) => `“${label}”`);
  return all.length < 2 ? all.join("") : `${all.slice(0, -1).join(", ")} ${and} ${all.at(-1)}`;
}
