import * as z from "zod/mini";
import type { Questionnaire, QuestionnaireInput } from "../questionnaire/model.js";
import { limits, localizedTextSchema, questionIdSchema } from "../questionnaire/primitives.js";

/** The package format this engine reads; a file with another `formatVersion` is refused. */
export const packageFormatVersion = 1;

/** Bounds on a meeting plan, so an uploaded package cannot grow without bound. */
export const planLimits = {
  items: 30,
  /** Minutes of one item or talk: a whole day at most. */
  minutes: 600,
  texts: 30,
  talks: 5,
  textLength: 1000,
} as const;

const text = localizedTextSchema(planLimits.textLength);
const texts = z.array(text).check(z.maxLength(planLimits.texts));
// Minutes are checked by parsePackage (a positive whole number), for a sentence of their own.
const minutes = z.number();
const draft = z.optional(z.boolean());

/** Who gives a talk in a block: the municipality's talks are the usual ones. */
export const speakerSchema = z.enum(["municipality", "cluster", "kiap"]);

const talkSchema = z.strictObject({
  by: speakerSchema,
  title: text,
  minutes,
  /** Where in the block: before the results (`start`, the default) or after them (`end`). */
  at: z._default(z.enum(["start", "end"]), "start"),
  points: z._default(texts, []),
  draft,
});

const introductionSchema = z.strictObject({
  kind: z.literal("introduction"),
  title: text,
  minutes,
  intro: z.optional(text),
  points: z._default(texts, []),
  draft,
});

const blockSchema = z.strictObject({
  kind: z.literal("block"),
  title: text,
  minutes,
  /** What the block goes through, e.g. "Gennemgang af henvisningsdata og resultater …". */
  intro: z.optional(text),
  /** The programme's bullets under the intro. */
  points: z._default(texts, []),
  /** The template questions whose results the block discusses, in the order shown. */
  questions: z.array(questionIdSchema).check(z.maxLength(limits.questions)),
  /** Whether the municipality's referral figures are shown in this block. */
  referrals: z._default(z.boolean(), false),
  talks: z._default(z.array(talkSchema).check(z.maxLength(planLimits.talks)), []),
  reflections: z._default(texts, []),
  /** The "Fælles dialog" question that closes the block. */
  dialog: text,
  draft,
});

const pauseSchema = z.strictObject({
  kind: z.literal("pause"),
  title: text,
  minutes,
  draft,
});

/** What the meeting agrees to do afterwards (runbook, "Efter klyngemødet"). */
export const followUpKindSchema = z.enum([
  "implementation",
  "follow-up-meeting",
  "klu-agenda",
  "new-data",
]);

const followUpSchema = z.strictObject({
  kind: z.literal("follow-up"),
  title: text,
  minutes,
  intro: z.optional(text),
  /** The questions the summing-up goes through. */
  points: z._default(texts, []),
  actions: z._default(
    z
      .array(z.strictObject({ kind: followUpKindSchema, text, draft }))
      .check(z.maxLength(planLimits.texts)),
    [],
  ),
  draft,
});

export const planItemSchema = z.discriminatedUnion("kind", [
  introductionSchema,
  blockSchema,
  pauseSchema,
  followUpSchema,
]);

export const meetingPlanSchema = z.strictObject({
  /** The whole meeting in minutes; when given it must be the sum of the items, when left out it is filled in. */
  minutes: z.optional(minutes),
  items: z.array(planItemSchema).check(z.minLength(1), z.maxLength(planLimits.items)),
  draft,
});

export const clusterPackageSchema = z.strictObject({
  format: z.literal("klynge-package"),
  formatVersion: z.literal(packageFormatVersion),
  id: questionIdSchema,
  title: localizedTextSchema(limits.titleLength),
  // Read by parseQuestionnaire, so its issues are the questionnaire's own.
  template: z.unknown(),
  plan: meetingPlanSchema,
});

type PlanOutput = z.output<typeof meetingPlanSchema>;

/** One item of the meeting plan, told apart by `kind`. */
export type PlanItem = z.output<typeof planItemSchema>;
/** A meeting plan as read: defaults filled in and `minutes` the sum of its items. */
export type MeetingPlan = Omit<PlanOutput, "minutes"> & { readonly minutes: number };

/** A cluster package as `parsePackage` returns it: questionnaire and plan checked together. */
export interface ClusterPackage {
  readonly format: "klynge-package";
  readonly formatVersion: typeof packageFormatVersion;
  readonly id: string;
  readonly title: z.output<typeof clusterPackageSchema>["title"];
  readonly template: Questionnaire;
  readonly plan: MeetingPlan;
}

/** What a package file may hold: defaults (`talks: []`, `at: "start"`, …) may be left out. */
export type ClusterPackageInput = Omit<z.input<typeof clusterPackageSchema>, "template"> & {
  template: QuestionnaireInput;
};
