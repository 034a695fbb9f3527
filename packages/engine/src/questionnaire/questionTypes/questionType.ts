import type * as z from "zod/mini";
import type { Mean, OptionResult, RowResult, Texts } from "../../aggregation/report.js";
import type { Note } from "../../aggregation/summarizeChoices.js";
import type { QuestionTally } from "../../aggregation/tally.js";
import type { Issue } from "../../issues/issue.js";
import type { ExportColumn } from "./exportColumns.js";

export interface SummaryInput<Q> {
  /** The newest definition, its options the union over every version that asked it. */
  readonly question: Q;
  readonly tally: QuestionTally;
  /** Option (or matrix column) codes offered by the versions answered in this round. */
  readonly offered: ReadonlySet<string>;
  /** Matrix row codes offered by those versions. */
  readonly offeredRows: ReadonlySet<string>;
  readonly k: number;
  /** False when fewer than k answered the question: every figure is withheld. */
  readonly contentShown: boolean;
  readonly note: Note;
}

/** The type's own part of a question's result in one round. */
export interface TypeSummary {
  options?: OptionResult[];
  mean?: Mean;
  otherTexts?: Texts;
  texts?: Texts;
  rows?: RowResult[];
}

/**
 * What one question type declares about itself for answering: its definition's shape and meaning
 * checks, and its answer's shape and meaning checks. The widget needs only this part; the
 * figures' part (`QuestionType`) is added in the same file, so a type stays in one place.
 */
export interface AnsweringType<Q extends { type: string }, A> {
  readonly type: Q["type"];
  readonly schema: z.ZodMiniType<Q, unknown>;
  readonly answerSchema: z.ZodMiniType<A, unknown>;
  /**
   * The answer when it is exactly well-formed (what `answerSchema` would return), else undefined
   * and the schema decides. A fast path: most answers are valid.
   */
  readAnswerFast(raw: unknown): A | undefined;
  /** Meaning checks the schema cannot express; paths are relative to the question. */
  checkDefinition(question: Q): Issue[];
  /** Checks a well-shaped answer against its question; paths are relative to the answer. */
  checkAnswer(question: Q, answer: A): Issue[];
  /** Issues when a required question's answer is incomplete (e.g. a matrix row left out). */
  checkRequired(question: Q, answer: A): Issue[];
}

/** What a type declares for its figures: counting, the round's summary and the export. */
export interface TypeFigures<Q extends { type: string }, A> {
  /** A function that adds one valid answer to a tally; made once per version, called per response. */
  createAdder(question: Q): (tally: QuestionTally, answer: A) => void;
  /** This type's figures for one round, with the anonymity rules applied. */
  summarize(input: SummaryInput<Q>): TypeSummary;
  /** The question's columns in the one-row-per-response export. */
  exportColumns(question: Q): ExportColumn[];
}

/**
 * Everything one question type declares about itself, in one place. Shared code looks the type
 * up in the registry instead of switching on type names.
 */
export interface QuestionType<Q extends { type: string }, A>
  extends AnsweringType<Q, A>,
    TypeFigures<Q, A> {}

/**
 * A type's answering part with its figures. Called under `@__PURE__` in each type's file: a
 * bundle that only answers (the widget) never reads the whole type, so the figures' code
 * (aggregation, anonymity, export) is left out of it.
 */
export function withFigures<Q extends { type: string }, A>(
  answering: AnsweringType<Q, A>,
  figures: TypeFigures<Q, A>,
): QuestionType<Q, A> {
  return { ...answering, ...figures };
}
