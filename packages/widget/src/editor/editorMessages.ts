import type { QuestionField } from "@klynge/engine";
import type { Locale } from "../messages.js";
import type { LocalQuestionType } from "./localQuestion.js";

/** Every user-facing word of the questionnaire editor, per locale. */
export interface EditorMessages {
  readonly title: string;
  readonly intro: string;
  readonly label: string;
  readonly labelHint: string;
  readonly undo: string;
  readonly questionsHeading: string;
  readonly questionHeading: (n: number) => string;
  readonly untitled: string;
  readonly bankBadge: string;
  readonly localBadge: string;
  readonly comparableBadge: string;
  readonly comparableNote: (againstPrevious: boolean) => string;
  readonly required: string;
  readonly optional: string;
  readonly questionType: { readonly [T in LocalQuestionType | "matrix"]: string };
  readonly moveUp: string;
  readonly moveDown: string;
  readonly remove: string;
  readonly deleteLocal: string;
  readonly removedHeading: string;
  readonly restore: string;
  readonly addHeading: string;
  readonly newQuestionType: string;
  readonly add: string;
  readonly textDa: string;
  readonly textEn: string;
  readonly descriptionDa: string;
  readonly descriptionEn: string;
  readonly requiredField: string;
  readonly typeField: string;
  readonly optionsLegend: string;
  readonly scaleLegend: string;
  readonly scaleHint: string;
  readonly optionDa: (n: number) => string;
  readonly optionEn: (n: number) => string;
  readonly addOption: string;
  readonly removeOption: (n: number) => string;
  readonly moveOptionUp: (n: number) => string;
  readonly moveOptionDown: (n: number) => string;
  readonly standardLegend: string;
  readonly standard: { readonly other: string; readonly none: string; readonly dontKnow: string };
  readonly questionId: string;
  readonly summaryHeading: string;
  readonly issueCount: (n: number) => string;
  readonly publish: string;
  readonly publishing: string;
  readonly published: string;
  readonly publishFailed: string;
  readonly draftSaving: string;
  readonly draftSaved: string;
  readonly draftFailed: string;
  readonly draftRestored: string;
  readonly diffHeading: string;
  readonly againstTemplate: string;
  readonly againstPrevious: string;
  readonly added: string;
  readonly removed: string;
  readonly changed: string;
  readonly moved: string;
  readonly noChanges: string;
  readonly notComparable: string;
  readonly fieldNames: { readonly [F in QuestionField]: string };
  readonly previewHeading: string;
  readonly previewUnavailable: string;
}

const da: EditorMessages = {
  title: "Tilpas spørgeskemaet",
  intro:
    "Spørgsmål fra skabelonen står ordret, så runderne kan sammenlignes. I kan fjerne og flytte dem og tilføje jeres egne spørgsmål.",
  label: "Versionens navn",
  labelHint: "Fx Klynge Syd + Vejle Kommune, marts 2027",
  undo: "Fortryd",
  questionsHeading: "Spørgsmål",
  questionHeading: (n) => `Spørgsmål ${n}`,
  untitled: "(uden tekst)",
  bankBadge: "Fra skabelonen",
  localBadge: "Lokalt spørgsmål",
  comparableBadge: "Kan sammenlignes",
  comparableNote: (previous) =>
    previous
      ? "«Kan sammenlignes»: svarene kan stilles op mod forrige runde."
      : "«Kan sammenlignes»: svarene kan stilles op mod skabelonens.",
  required: "Skal besvares",
  optional: "Frivilligt",
  questionType: {
    rating: "Skala",
    single: "Ét svar",
    multi: "Flere svar mulige",
    text: "Fritekst",
    matrix: "Skema med rækker",
  },
  moveUp: "Flyt op",
  moveDown: "Flyt ned",
  remove: "Fjern",
  deleteLocal: "Slet",
  removedHeading: "Fjernede spørgsmål",
  restore: "Fortryd fjernelse",
  addHeading: "Tilføj spørgsmål",
  newQuestionType: "Type for nyt spørgsmål",
  add: "Tilføj spørgsmål",
  textDa: "Spørgsmål (dansk)",
  textEn: "Spørgsmål (engelsk, valgfrit)",
  descriptionDa: "Forklaring (dansk, valgfri)",
  descriptionEn: "Forklaring (engelsk, valgfri)",
  requiredField: "Skal besvares",
  typeField: "Spørgsmålstype",
  optionsLegend: "Svarmuligheder",
  scaleLegend: "Skalapunkter",
  scaleHint:
    "Skalapunkterne får rangværdi 1, 2, 3 … i den viste rækkefølge. «Ved ikke» står uden for skalaen.",
  optionDa: (n) => `Svarmulighed ${n} (dansk)`,
  optionEn: (n) => `Svarmulighed ${n} (engelsk, valgfrit)`,
  addOption: "Tilføj svarmulighed",
  removeOption: (n) => `Fjern svarmulighed ${n}`,
  moveOptionUp: (n) => `Flyt svarmulighed ${n} op`,
  moveOptionDown: (n) => `Flyt svarmulighed ${n} ned`,
  standardLegend: "Faste svarmuligheder",
  standard: {
    other: "Tilføj «Andet (skriv)»",
    none: "Tilføj «Ingen af disse»",
    dontKnow: "Tilføj «Ved ikke»",
  },
  questionId: "Id",
  summaryHeading: "Ret disse fejl før udgivelse",
  issueCount: (n) => (n === 1 ? "Ret 1 fejl før udgivelse." : `Ret ${n} fejl før udgivelse.`),
  publish: "Udgiv",
  publishing: "Udgiver…",
  published: "Versionen er udgivet.",
  publishFailed: "Versionen kunne ikke udgives. Prøv igen.",
  draftSaving: "Gemmer kladde…",
  draftSaved: "Kladde gemt",
  draftFailed: "Kladden kunne ikke gemmes på enheden.",
  draftRestored: "Kladden fra sidst er hentet.",
  diffHeading: "Ændringer",
  againstTemplate: "I forhold til skabelonen",
  againstPrevious: "I forhold til forrige runde",
  added: "Tilføjet",
  removed: "Fjernet",
  changed: "Ændret",
  moved: "Flyttet",
  noChanges: "Ingen ændringer.",
  notComparable: "kan ikke sammenlignes",
  fieldNames: {
    type: "type",
    text: "tekst",
    description: "forklaring",
    required: "skal besvares",
    options: "svarmuligheder",
    rows: "rækker",
    columns: "kolonner",
    maxLength: "længde",
  },
  previewHeading: "Forhåndsvisning",
  previewUnavailable: "Forhåndsvisningen vises, når fejlene er rettet.",
};

const en: EditorMessages = {
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
    "Scale points get ordinals 1, 2, 3 … in the order shown. “Don't know” stays outside the scale.",
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
  },
  previewHeading: "Preview",
  previewUnavailable: "The preview shows once the errors are fixed.",
};

export const editorMessages: { readonly [L in Locale]: EditorMessages } = { da, en };
