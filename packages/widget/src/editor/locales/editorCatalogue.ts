import type { QuestionField } from "@klynge/engine";
import type { LocalQuestionType } from "../localQuestion.js";

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
  /** "Tilføj spørgsmål her" between the cards; `position` is the new question's number. */
  readonly insertHere: string;
  readonly insertHereAt: (position: number) => string;
  readonly insertTypeGroup: (position: number) => string;
  readonly cancel: string;
  readonly duplicate: string;
  readonly moveTo: string;
  readonly moveToButton: string;
  readonly position: (n: number, count: number) => string;
  /** The drag handle's visible word and role, and what a screen reader hears while dragging. */
  readonly dragHandle: string;
  readonly dragRole: string;
  readonly dragInstructions: string;
  readonly dragStart: (name: string, position: number, count: number) => string;
  readonly dragOver: (name: string, position: number, count: number) => string;
  readonly dragEnd: (name: string, position: number, count: number) => string;
  readonly dragCancel: (name: string, position: number) => string;
  /** What a type change removed or asks to check; labels are quoted as the person typed them. */
  readonly typeDroppedOptions: (labels: readonly string[], type: string) => string;
  readonly typeDroppedStandard: (labels: readonly string[], type: string) => string;
  readonly typeCheckScale: string;
  readonly discard: string;
  readonly discardQuestion: string;
  readonly discardConfirm: string;
  readonly discardKeep: string;
  readonly discarded: string;
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
  readonly condition: ConditionMessages;
  readonly matrix: MatrixMessages;
  readonly typeField: string;
  readonly optionsLegend: string;
  readonly scaleLegend: string;
  readonly scaleHint: string;
  /** Under a scale point: the value it counts with in the average. */
  readonly scalePointValue: (value: number) => string;
  readonly optionDa: (n: number) => string;
  readonly optionEn: (n: number) => string;
  readonly addOption: string;
  readonly removeOption: (n: number) => string;
  readonly moveOptionUp: (n: number) => string;
  readonly moveOptionDown: (n: number) => string;
  readonly standardLegend: string;
  readonly standard: { readonly other: string; readonly none: string; readonly dontKnow: string };
  /** The fold around a local question's English fields. */
  readonly englishText: string;
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
  readonly previewShow: string;
  readonly previewHide: string;
  /** The toggle that narrows the preview to a phone's width. */
  readonly previewPhone: string;
  /** The engine's issues in a coordinator's words, each about the field it is shown at. */
  readonly errors: EditorErrorMessages;
}

/** `scale`: the question is a rating, whose options are scale points. */
export interface EditorErrorMessages {
  readonly labelBlank: string;
  readonly labelTooLong: (limit: number) => string;
  readonly textBlank: string;
  readonly textTooLong: (limit: number) => string;
  readonly descriptionTooLong: (limit: number) => string;
  readonly optionBlank: (n: number, scale: boolean) => string;
  readonly optionTooLong: (n: number, limit: number) => string;
  readonly tooFewOptions: (scale: boolean) => string;
  readonly tooManyOptions: (limit: number) => string;
  readonly duplicateOption: (label: string) => string;
  readonly dontKnowAsOption: (label: string, scale: boolean) => string;
  readonly otherRepeated: (label: string) => string;
  readonly scaleOrder: (label: string) => string;
  readonly duplicateQuestion: string;
  readonly noQuestions: string;
  readonly tooManyQuestions: (limit: number) => string;
  readonly conditionUnknownQuestion: string;
  readonly conditionNotEarlier: string;
  readonly conditionSourceType: string;
  readonly conditionUnknownOption: string;
  /** In the summary: the question an error is about. */
  readonly inQuestion: (n: number, error: string) => string;
}

/** The condition picker's words ("Vis kun hvis … er besvaret med …"). */
export interface ConditionMessages {
  readonly legend: string;
  readonly question: string;
  readonly always: string;
  /** An option of the question list: its number and text. */
  readonly source: (n: number, text: string) => string;
  /** The question named is no longer before this one, or gone. */
  readonly notBefore: string;
  readonly gone: string;
  readonly answers: (source: string) => string;
  readonly pickAnswer: string;
  readonly noSource: string;
  readonly remove: string;
  readonly notEarlier: (source: string) => string;
  readonly unknownQuestion: string;
  readonly sourceType: (source: string) => string;
  readonly unknownOption: (source: string) => string;
  readonly noAnswer: string;
}

/** A matrix's rows, in the local question form and on the bank card's grid. */
export interface MatrixMessages {
  readonly rowsLegend: string;
  readonly rowDa: (n: number) => string;
  readonly rowEn: (n: number) => string;
  readonly addRow: string;
  readonly removeRow: (n: number) => string;
  readonly rowHeader: string;
  readonly gridCaption: (question: string) => string;
}
