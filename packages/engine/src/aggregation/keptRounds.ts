import { createIssue, fail, type Issue, ok, prefixIssues, type Result } from "../issues/issue.js";
import type { Round } from "../responses/round.js";
import type { QuestionnaireVersion } from "../versions/questionnaireVersion.js";
import type { AccumulatorState } from "./accumulator.js";
import { parseReport } from "./parseReport.js";
import { questionCatalogue } from "./questionCatalogue.js";
import type { QuestionRoundResult, Report, RoundSummary, SuppressionNote } from "./report.js";

/**
 * A round whose raw responses were deleted (retention), as its single-round report kept it: its
 * summary, and per question its result and suppression notes in the order the report gave them.
 */
export interface KeptRound {
  readonly summary: RoundSummary;
  readonly versions: readonly QuestionnaireVersion[];
  readonly results: ReadonlyMap<string, QuestionRoundResult>;
  readonly notes: ReadonlyMap<string, readonly SuppressionNote[]>;
  /** Notes about the round as a whole. */
  readonly roundNotes: readonly SuppressionNote[];
}

/**
 * Reads the kept single-round reports a report is built with, by round id. Issues (at
 * `["kept", i, …]`) for a report that does not parse, was made with another k or group-disclosure
 * rule, has not exactly
 * one round, is of a round not in `rounds` or on another version, repeats a round, or does not
 * match the round's versions.
 */
export function readKeptRounds(
  kept: readonly Report[],
  rounds: readonly Round[],
  versions: ReadonlyMap<string, QuestionnaireVersion>,
  policy: { readonly k: number; readonly unanimousBelow: number },
): Result<Map<string, KeptRound>> {
  const { k, unanimousBelow } = policy;
  const issues: Issue[] = [];
  const byRound = new Map<string, KeptRound>();
  kept.forEach((input, i) => {
    const at = ["kept", i];
    const parsed = parseReport(input);
    if (!parsed.success) {
      issues.push(...prefixIssues(at, parsed.issues));
      return;
    }
    const report = parsed.data;
    const own: Issue[] = [];
    if (report.k !== k) {
      own.push(
        createIssue("invalid_value", [...at, "k"], {
          expected: String(k),
          received: String(report.k),
        }),
      );
    }
    // A report made before the rule has none; its round is protected again from its figures.
    if (report.unanimousBelow !== undefined && report.unanimousBelow !== unanimousBelow) {
      own.push(
        createIssue("invalid_value", [...at, "unanimousBelow"], {
          expected: String(unanimousBelow),
          received: String(report.unanimousBelow),
        }),
      );
    }
    const [summary, ...more] = report.rounds;
    if (summary === undefined || more.length > 0) {
      const count = report.rounds.length;
      own.push(
        createIssue(count === 0 ? "too_small" : "too_big", [...at, "rounds"], {
          limit: 1,
          received: String(count),
        }),
      );
      issues.push(...own);
      return;
    }
    const where = [...at, "rounds", 0];
    const round = rounds.find((r) => r.id === summary.id);
    if (round === undefined) {
      own.push(createIssue("unknown_round", [...where, "id"], { value: summary.id }));
    } else if (byRound.has(summary.id)) {
      own.push(createIssue("duplicate_round", [...where, "id"], { value: summary.id }));
    } else if (round.versionHash !== summary.versionHash) {
      own.push(
        createIssue("invalid_value", [...where, "versionHash"], {
          expected: round.versionHash,
          received: summary.versionHash,
        }),
      );
    }
    const answeredOn = summary.versions.flatMap((hash, j) => {
      const version = versions.get(hash);
      if (version === undefined)
        own.push(createIssue("unknown_version", [...where, "versions", j], { value: hash }));
      return version ?? [];
    });
    if (own.length === 0) own.push(...mismatches(report, summary.id, answeredOn, at));
    if (own.length > 0) {
      issues.push(...own);
      return;
    }
    byRound.set(summary.id, keptRoundOf(report, summary, answeredOn));
  });
  return issues.length > 0 ? fail(issues) : ok(byRound);
}

/**
 * `duplicate_round` for a kept round that responses in this call also name, counted or rejected:
 * a round comes from one source, or its figures would be neither the kept ones nor the counted.
 */
export function keptRoundsCounted(kept: readonly Report[], state: AccumulatorState): Issue[] {
  const named = new Set(state.rejected.map((r) => r.roundId));
  return kept.flatMap((report, i) => {
    const id = report.rounds[0]?.id;
    if (id === undefined) return [];
    const counted = (state.rounds[id]?.respondents ?? 0) > 0 || named.has(id);
    return counted
      ? [createIssue("duplicate_round", ["kept", i, "rounds", 0, "id"], { value: id })]
      : [];
  });
}

/** Each question's result must be what the round's versions make of it: asked, and of its type. */
function mismatches(
  report: Report,
  roundId: string,
  answeredOn: readonly QuestionnaireVersion[],
  at: readonly (string | number)[],
): Issue[] {
  const asked = questionCatalogue(answeredOn);
  const issues: Issue[] = [];
  const listed = new Set<string>();
  report.questions.forEach((question, j) => {
    const [result, ...more] = question.perRound;
    const expected = asked.get(question.id)?.type ?? "not_asked";
    const fits =
      !listed.has(question.id) &&
      more.length === 0 &&
      result?.roundId === roundId &&
      result.type === expected;
    listed.add(question.id);
    if (!fits) {
      issues.push(
        createIssue("report_mismatch", [...at, "questions", j], {
          value: question.id,
          expected,
          received: question.perRound.map((r) => r.type).join(", "),
        }),
      );
    }
  });
  for (const [id, question] of asked) {
    if (!listed.has(id)) {
      issues.push(
        createIssue("report_mismatch", [...at, "questions"], {
          value: id,
          expected: question.type,
        }),
      );
    }
  }
  return issues;
}

function keptRoundOf(
  report: Report,
  summary: RoundSummary,
  versions: readonly QuestionnaireVersion[],
): KeptRound {
  const results = new Map<string, QuestionRoundResult>();
  for (const question of report.questions) {
    const result = question.perRound[0];
    if (result !== undefined) results.set(question.id, result);
  }
  const notes = new Map<string, SuppressionNote[]>();
  const roundNotes: SuppressionNote[] = [];
  for (const note of report.suppressed) {
    if (note.roundId !== summary.id) continue;
    if (note.questionId === undefined) {
      roundNotes.push(note);
      continue;
    }
    const list = notes.get(note.questionId) ?? [];
    list.push(note);
    notes.set(note.questionId, list);
  }
  return { summary, versions, results, notes, roundNotes };
}
