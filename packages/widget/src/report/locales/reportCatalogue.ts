import type { SuppressionNote } from "@klynge/engine";
import type { ChangeWithheld } from "../comparisonView.js";

/**
 * Every word the report's view-model and its shared components say, per locale: the figures'
 * own words ("skjult", "Besvaret af 12"), why a figure is withheld, and the tables' headings.
 * An app's own catalogue adds its page's words around these.
 */
export interface ReportMessages {
  readonly answered: (n: string) => string;
  readonly nobodyAnswered: string;
  readonly hiddenFew: (k: number) => string;
  /** How many answered is withheld because it would give another withheld figure away. */
  readonly hiddenDerived: string;
  readonly notAsked: string;
  /** A conditional question: the answers (labels) to the question (text) that showed it. */
  readonly askedOnlyIf: (answers: readonly string[], question: string) => string;
  /** How many a conditional question was asked of, of the round's respondents when shown. */
  readonly asked: (n: string, of: string | undefined) => string;
  readonly askedHidden: (k: number) => string;
  /** How many were asked, withheld because it would give a withheld count away (not because few). */
  readonly askedHiddenDerived: string;
  readonly option: string;
  readonly count: string;
  readonly share: string;
  /** A withheld figure, where the figure would be: never 0. */
  readonly hidden: string;
  /** An option (or question) the round's questionnaire did not have. */
  readonly notOffered: string;
  readonly mean: (value: string) => string;
  readonly meanHidden: string;
  readonly meanRow: string;
  readonly textsTitle: string;
  readonly otherTextsTitle: string;
  readonly textsHidden: string;
  readonly pp: (value: string) => string;
  readonly changeWhyShare: (which: ChangeWithheld) => string;
  readonly changeWhyMean: (which: ChangeWithheld, k: number) => string;
  readonly changeWhyMeanFew: (which: ChangeWithheld, k: number) => string;
  /** A change not shown because nobody answered in one of the rounds. */
  readonly changeWhyNobody: string;
  readonly notesSomeRound: string;
  readonly notesSomeOption: string;
  readonly notesCounts: (round: string, options: string, row?: string) => string;
  readonly notesLine: (round: string, reason: string) => string;
  readonly notesOther: (
    round: string,
    reason: SuppressionNote["reason"],
    k: number,
    wholeRound: boolean,
  ) => string;
  /** The words a withheld note's engine sentence starts with, so the place can be cut off it. */
  readonly notesPlace: { readonly row: string; readonly round: string };
}
