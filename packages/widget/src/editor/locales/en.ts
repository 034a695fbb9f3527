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
  moveUp: "Move up",
  moveDown: "Move down",
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
