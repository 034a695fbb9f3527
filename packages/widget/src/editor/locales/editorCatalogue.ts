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
