import type { Locale } from "../messages.js";

/**
 * The SurveyJS (survey-core 3.0.0) JSON that `toSurveyJson` makes: only the properties we set,
 * typed, so callers and tests can read it without `any`. Pass it to `new Model(json)`.
 */
export interface SurveyJsonModel {
  /** SurveyJS's own strings (buttons, its error texts) follow this locale; our texts are already localized. */
  readonly locale: Locale;
  readonly title: string;
  readonly description?: string;
  readonly showQuestionNumbers: "on";
  readonly showProgressBar: boolean;
  /** Every keystroke reaches the model, so a draft holds what was typed even if the page never blurs. */
  readonly textUpdateMode: "onTyping";
  /** "Andet" text is kept under `<name>-Comment`, apart from the chosen value. */
  readonly storeOthersAsComment: true;
  /** Conditional questions: an answer is cleared when its question is hidden. */
  readonly clearInvisibleValues: "onHidden";
  /** Length limit of every "Andet" text box. */
  readonly maxCommentLength: number;
  readonly pages: readonly SurveyJsonPage[];
}

export interface SurveyJsonPage {
  readonly name: string;
  /** Read out for the page's button in the progress bar (else SurveyJS reads the name). */
  readonly navigationTitle: string;
  readonly elements: readonly SurveyJsonQuestion[];
}

export type SurveyJsonQuestion =
  | SurveyJsonRadiogroup
  | SurveyJsonCheckbox
  | SurveyJsonComment
  | SurveyJsonMatrix;

/** What every element shares; `name` is a SurveyJS-safe name, not the engine's question id. */
export interface SurveyJsonQuestionBase {
  readonly name: string;
  readonly title: string;
  readonly description?: string;
  readonly isRequired: boolean;
  /** A conditional question: a SurveyJS expression on the earlier question it depends on. */
  readonly visibleIf?: string;
}

/** A choice, matrix row or matrix column; `value` is SurveyJS's value, not always our code. */
export interface SurveyJsonItem {
  readonly value: string;
  readonly text: string;
}

export interface SurveyJsonCheckboxItem extends SurveyJsonItem {
  /** Ticking it clears every other tick, and ticking another clears it ("Nej", "Ved ikke"). */
  readonly isExclusive?: true;
}

/** SurveyJS's built-in "Other" item, labelled with our "Andet" option. */
export interface SurveyJsonOtherItem {
  readonly showOtherItem?: true;
  readonly otherText?: string;
}

export interface SurveyJsonRadiogroup extends SurveyJsonQuestionBase, SurveyJsonOtherItem {
  readonly type: "radiogroup";
  readonly choices: readonly SurveyJsonItem[];
}

export interface SurveyJsonCheckbox extends SurveyJsonQuestionBase, SurveyJsonOtherItem {
  readonly type: "checkbox";
  readonly choices: readonly SurveyJsonCheckboxItem[];
}

export interface SurveyJsonComment extends SurveyJsonQuestionBase {
  readonly type: "comment";
  readonly maxLength: number;
  readonly autoGrow: true;
}

export interface SurveyJsonMatrix extends SurveyJsonQuestionBase {
  readonly type: "matrix";
  readonly rows: readonly SurveyJsonItem[];
  readonly columns: readonly SurveyJsonItem[];
  /** SurveyJS 3 name of the old `isAllRowRequired`; set with `isRequired`, as the engine wants every row then. */
  readonly eachRowRequired: boolean;
}
