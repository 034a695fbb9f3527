import * as z from "zod/mini";
import {
  choiceOptionSchema,
  localizedTextShape,
  scaleOptionSchema,
} from "../questionnaire/primitives.js";

/**
 * The report model: what a results page, a CSV/JSON export or a slide deck shows. It is its own
 * zod schema so other tools can validate a report they receive. Every figure is either shown or
 * withheld with a reason: the anonymity rules are applied before a report exists.
 */

export const suppressionReasonSchema = z.enum([
  /** The question (or matrix row, or round) has fewer than k respondents. */
  "few_respondents",
  /**
   * Withheld by the small-cell rule: this count is from 1 to k−1, or it is withheld with such a
   * count so that count cannot be worked out. Which of the two is deliberately not said.
   */
  "small_cell",
  /** A mean or change that would let a withheld count be worked out. */
  "derived",
]);
export type SuppressionReason = z.output<typeof suppressionReasonSchema>;

/** A count of respondents: a safe integer, 0 or more. */
const countValue = z.number().check(z.int(), z.gte(0));

const withheld = z.strictObject({
  status: z.literal("suppressed"),
  reason: suppressionReasonSchema,
});

export const countSchema = z.discriminatedUnion("status", [
  z.strictObject({ status: z.literal("shown"), value: countValue }),
  withheld,
]);
export type Count = z.output<typeof countSchema>;

/** Count and share of the question's respondents (for multiple choice: of respondents, not ticks). */
export const cellSchema = z.discriminatedUnion("status", [
  z.strictObject({
    status: z.literal("shown"),
    count: countValue,
    share: z.number().check(z.gte(0), z.lte(1)),
  }),
  withheld,
  /** The option was not in the version(s) answered in this round. */
  z.strictObject({ status: z.literal("not_offered") }),
]);
export type Cell = z.output<typeof cellSchema>;

export const meanSchema = z.discriminatedUnion("status", [
  z.strictObject({ status: z.literal("shown"), value: z.number(), n: countValue }),
  withheld,
]);
export type Mean = z.output<typeof meanSchema>;

export const textsSchema = z.discriminatedUnion("status", [
  /** Sorted alphabetically, so their order says nothing about who wrote them or when. */
  z.strictObject({ status: z.literal("shown"), items: z.array(z.string()) }),
  withheld,
]);
export type Texts = z.output<typeof textsSchema>;

const optionResultSchema = z.strictObject({
  code: z.string(),
  label: localizedTextShape,
  kind: z.optional(z.enum(["other", "none", "dontKnow"])),
  ordinal: z.optional(z.number().check(z.int())),
  cell: cellSchema,
});
export type OptionResult = z.output<typeof optionResultSchema>;

const participation = {
  roundId: z.string(),
  asked: countSchema,
  answered: countSchema,
  skipped: countSchema,
};

const rowResultSchema = z.strictObject({
  code: z.string(),
  label: localizedTextShape,
  answered: countSchema,
  options: z.array(optionResultSchema),
  mean: meanSchema,
});
export type RowResult = z.output<typeof rowResultSchema>;

export const questionRoundResultSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("rating"),
    ...participation,
    options: z.array(optionResultSchema),
    mean: meanSchema,
  }),
  z.strictObject({
    type: z.literal("single"),
    ...participation,
    options: z.array(optionResultSchema),
    otherTexts: textsSchema,
  }),
  z.strictObject({
    type: z.literal("multi"),
    ...participation,
    options: z.array(optionResultSchema),
    otherTexts: textsSchema,
  }),
  z.strictObject({ type: z.literal("text"), ...participation, texts: textsSchema }),
  z.strictObject({ type: z.literal("matrix"), ...participation, rows: z.array(rowResultSchema) }),
  /** The round's version(s) did not ask this question. */
  z.strictObject({ type: z.literal("not_asked"), roundId: z.string() }),
]);
export type QuestionRoundResult = z.output<typeof questionRoundResultSchema>;

/**
 * A conditional question's condition in words: asked only of those who answered `question` with
 * one of `options`; its "asked" counts only them.
 */
export const shownIfSchema = z.strictObject({
  question: z.string(),
  text: localizedTextShape,
  options: z.array(localizedTextShape),
});

export const questionReportSchema = z.strictObject({
  id: z.string(),
  type: z.enum(["rating", "single", "multi", "text", "matrix"]),
  text: localizedTextShape,
  /** Present for a conditional question (the newest version's condition). */
  shownIf: z.optional(shownIfSchema),
  /** Union of the options over every version that asked the question. */
  options: z.optional(z.array(z.union([scaleOptionSchema, choiceOptionSchema]))),
  perRound: z.array(questionRoundResultSchema),
});
export type QuestionReport = z.output<typeof questionReportSchema>;

/**
 * A rejected response as a report may show it: its issue codes only. The issues' messages and
 * paths can quote what was sent (a text, a made-up key), so they stay in the accumulator's
 * state for the coordinator and out of anything shown at the meeting.
 */
const rejectedSchema = z.strictObject({
  responseId: z.nullable(z.string()),
  codes: z.array(z.string()),
});

export const roundSummarySchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  cluster: z.string(),
  municipality: z.optional(z.string()),
  versionHash: z.string(),
  /** Versions the counted responses were given on. */
  versions: z.array(z.string()),
  invited: z.optional(z.number().check(z.int())),
  respondents: countSchema,
  responseRate: z.discriminatedUnion("status", [
    z.strictObject({ status: z.literal("shown"), value: z.number().check(z.gte(0)) }),
    withheld,
    z.strictObject({ status: z.literal("unknown") }),
  ]),
  rejected: z.array(rejectedSchema),
});
export type RoundSummary = z.output<typeof roundSummarySchema>;

const changeSchema = z.discriminatedUnion("status", [
  /** Follow-up minus baseline: shares as fractions (0.25 = 25 %), means in scale steps. */
  z.strictObject({
    status: z.literal("shown"),
    baseline: z.number(),
    followUp: z.number(),
    change: z.number(),
  }),
  withheld,
  z.strictObject({ status: z.literal("not_offered") }),
]);
export type Change = z.output<typeof changeSchema>;

export const comparisonSchema = z.strictObject({
  baselineRoundId: z.string(),
  followUpRoundId: z.string(),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  questions: z.array(
    z.strictObject({
      id: z.string(),
      /** False when the wording, type or scale changed between the two versions. */
      comparable: z.boolean(),
      options: z.array(
        z.strictObject({ code: z.string(), rowCode: z.optional(z.string()), share: changeSchema }),
      ),
      means: z.array(z.strictObject({ rowCode: z.optional(z.string()), mean: changeSchema })),
    }),
  ),
});
export type Comparison = z.output<typeof comparisonSchema>;

export const suppressionNoteSchema = z.strictObject({
  roundId: z.string(),
  questionId: z.optional(z.string()),
  rowCode: z.optional(z.string()),
  optionCode: z.optional(z.string()),
  reason: suppressionReasonSchema,
  message: z.strictObject({ da: z.string(), en: z.string() }),
});
export type SuppressionNote = z.output<typeof suppressionNoteSchema>;

export const reportSchema = z.strictObject({
  reportVersion: z.literal(1),
  /** The minimum group size applied. */
  k: z.number().check(z.int(), z.gte(3)),
  /**
   * The group-disclosure rule applied: below this many answers, a count holding all of them is
   * withheld. Absent in reports made before the rule.
   */
  unanimousBelow: z.optional(z.number().check(z.int(), z.gte(0))),
  rounds: z.array(roundSummarySchema),
  questions: z.array(questionReportSchema),
  comparisons: z.array(comparisonSchema),
  /** Rejected responses that named no round of this report. */
  rejected: z.array(rejectedSchema),
  /** What was withheld and why, in Danish (and English). */
  suppressed: z.array(suppressionNoteSchema),
});
export type Report = z.output<typeof reportSchema>;
