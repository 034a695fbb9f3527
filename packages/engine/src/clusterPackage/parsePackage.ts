import { previewValue } from "../internal/describeValue.js";
import { parseWithSchema } from "../issues/fromZodIssues.js";
import { createIssue, fail, type Issue, ok, prefixIssues, type Result } from "../issues/issue.js";
import { parseQuestionnaire } from "../questionnaire/parseQuestionnaire.js";
import {
  type ClusterPackage,
  clusterPackageSchema,
  type MeetingPlan,
  meetingPlanSchema,
  type PlanItem,
  packageFormatVersion,
  planLimits,
} from "./clusterPackage.js";

/**
 * Reads an untrusted cluster package (questionnaire template + meeting plan). Never throws on
 * data. A file in another `formatVersion` is refused with that one issue, before its shape is
 * judged by rules it was not written for. The plan's `minutes` comes back as the sum of its items.
 */
export function parsePackage(input: unknown): Result<ClusterPackage> {
  const version = formatVersionOf(input);
  if (version !== undefined && version !== packageFormatVersion) {
    return fail([
      createIssue("unsupported_format_version", ["formatVersion"], {
        expected: String(packageFormatVersion),
        received: previewValue(version),
      }),
    ]);
  }
  const parsed = parseWithSchema(clusterPackageSchema, input);
  if (!parsed.success) return parsed;
  const template = parseQuestionnaire(parsed.data.template);
  const issues: Issue[] = template.success ? [] : prefixIssues(["template"], template.issues);
  const { plan } = parsed.data;
  issues.push(...prefixIssues(["plan"], checkPlan(plan, template.success ? template.data : null)));
  if (!template.success || issues.length > 0) return fail(issues);
  return ok({
    ...parsed.data,
    format: "klynge-package",
    formatVersion: packageFormatVersion,
    template: template.data,
    plan: { ...plan, minutes: sumMinutes(plan.items) },
  });
}

/** What a plan is checked against: the questions' ids of a questionnaire. */
interface QuestionIds {
  readonly questions: readonly { readonly id: string }[];
}

/**
 * Reads an untrusted meeting plan for `questionnaire` (e.g. a round's plan as the coordinator
 * edited it) by the rules of a package's plan: every question a block names must be in it.
 */
export function parseMeetingPlan(input: unknown, questionnaire: QuestionIds): Result<MeetingPlan> {
  const parsed = parseWithSchema(meetingPlanSchema, input);
  if (!parsed.success) return parsed;
  const issues = checkPlan(parsed.data, questionnaire);
  if (issues.length > 0) return fail(issues);
  return ok({ ...parsed.data, minutes: sumMinutes(parsed.data.items) });
}

function checkPlan(
  plan: Pick<MeetingPlan, "items"> & { readonly minutes?: number | undefined },
  questionnaire: QuestionIds | null,
): Issue[] {
  const issues = checkPlanMinutes(plan.items, plan.minutes);
  if (questionnaire !== null) {
    const ids = new Set(questionnaire.questions.map((q) => q.id));
    issues.push(...prefixIssues(["items"], checkPlanQuestions(plan.items, ids)));
  }
  return issues;
}

function formatVersionOf(input: unknown): unknown {
  try {
    return typeof input === "object" && input !== null && "formatVersion" in input
      ? input.formatVersion
      : undefined;
  } catch {
    return undefined; // a throwing getter: the schema reports the input as unreadable
  }
}

const isMinutes = (value: number) =>
  Number.isSafeInteger(value) && value >= 1 && value <= planLimits.minutes;

function minutesIssue(path: readonly (string | number)[], value: number): Issue[] {
  if (isMinutes(value)) return [];
  return [
    createIssue("invalid_minutes", path, {
      limit: planLimits.minutes,
      received: previewValue(value),
    }),
  ];
}

function sumMinutes(items: readonly PlanItem[]): number {
  return items.reduce((sum, item) => sum + item.minutes, 0);
}

/** Every item and talk lasts whole minutes; talks fit in their block; a stated total is the sum. */
function checkPlanMinutes(items: readonly PlanItem[], stated: number | undefined): Issue[] {
  const issues: Issue[] = [];
  items.forEach((item, i) => {
    issues.push(...minutesIssue(["items", i, "minutes"], item.minutes));
    if (item.kind !== "block") return;
    item.talks.forEach((talk, t) => {
      issues.push(...minutesIssue(["items", i, "talks", t, "minutes"], talk.minutes));
    });
    const talks = item.talks.reduce((sum, talk) => sum + talk.minutes, 0);
    if (isMinutes(item.minutes) && talks > item.minutes) {
      issues.push(
        createIssue("talks_exceed_block", ["items", i, "talks"], {
          limit: item.minutes,
          received: String(talks),
        }),
      );
    }
  });
  if (stated === undefined) return issues;
  const stateIssues = minutesIssue(["minutes"], stated);
  if (stateIssues.length > 0) return [...issues, ...stateIssues];
  if (issues.length === 0 && stated !== sumMinutes(items)) {
    issues.push(
      createIssue("plan_minutes_mismatch", ["minutes"], {
        expected: String(stated),
        received: String(sumMinutes(items)),
      }),
    );
  }
  return issues;
}

/** Each question a block names is in the questionnaire, and in no other block. */
function checkPlanQuestions(items: readonly PlanItem[], ids: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  const firstBlock = new Map<string, number>();
  items.forEach((item, i) => {
    if (item.kind !== "block") return;
    item.questions.forEach((id, q) => {
      const path = [i, "questions", q];
      const first = firstBlock.get(id);
      if (!ids.has(id)) issues.push(createIssue("plan_unknown_question", path, { value: id }));
      else if (first !== undefined)
        issues.push(createIssue("question_in_two_blocks", path, { value: id, block: first }));
      else firstBlock.set(id, i);
    });
  });
  return issues;
}
