import type { SuppressionReason } from "../aggregation/report.js";
import type { DisclosureCode } from "../anonymity/auditRounds.js";
import type { FigureKind } from "../anonymity/readRoundView.js";
import type { Issue } from "../issues/issue.js";
import type { LocalizedText } from "../questionnaire/primitives.js";

/** What the audit found, by the round's label, the question's text and the option's label. */
export interface DisclosureContext {
  readonly code: DisclosureCode;
  readonly figure: FigureKind | "change";
  readonly k: number;
  readonly round: string;
  readonly question?: LocalizedText;
  readonly row?: LocalizedText;
  readonly option?: LocalizedText;
  /** The version's label, for how many answered on it. */
  readonly version?: string;
  /** The figure is of the round's responses not in a part (one device's). */
  readonly rest: boolean;
  readonly interval: { readonly min: number; readonly max: number | null };
}

/** Which figure a note is about, beyond where it is. */
export type NotedFigure =
  /** Everything of the round, question or row. */
  | "all"
  /** A question or row nobody answered: there is nothing to show. */
  | "nobody"
  | "count"
  | "mean"
  /** How many were asked the question (and so how many skipped it). */
  | "asked"
  /** How many were asked a conditional question: the count of its condition's answers. */
  | "askedOnCondition";

export interface SuppressionContext {
  readonly reason: SuppressionReason;
  readonly k: number;
  /** The round's label. */
  readonly round: string;
  readonly question?: LocalizedText;
  readonly row?: LocalizedText;
  readonly option?: LocalizedText;
  readonly figure: NotedFigure;
}

/** One language's words for everything the engine reports; one file per locale (`da.ts`, `en.ts`). */
export interface Catalogue {
  /** The name of the empty path. */
  readonly root: string;
  /** The issue as a sentence, without its path. */
  issue(issue: Issue): string;
  disclosure(context: DisclosureContext): string;
  suppression(context: SuppressionContext): string;
}
