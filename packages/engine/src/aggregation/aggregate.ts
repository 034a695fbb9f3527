import { valueAt } from "../internal/describeValue.js";
import { createIssue, fail, type Result } from "../issues/issue.js";
import { validateResponse } from "../responses/validateResponse.js";
import { Accumulator, hasAnswers } from "./accumulator.js";
import { buildReport, checkReportOptions, type ReportOptions } from "./buildReport.js";
import type { Report } from "./report.js";

export interface AggregateInput extends ReportOptions {
  /** Untrusted responses, e.g. straight from the database or an imported file; any order. */
  readonly responses: Iterable<unknown>;
  /**
   * Set when the source already guarantees unique ids (the collector's primary key): skips the
   * set of seen ids, so memory stays flat however many responses stream through. Default false.
   */
  readonly assumeUniqueIds?: boolean;
}

/**
 * Validates every response against its own version and counts it in its round; responses that
 * fail are listed as rejected with their issues, never dropped. Then builds the report.
 */
export function aggregate(input: AggregateInput): Result<Report> {
  const issues = checkReportOptions(input);
  if (issues.length > 0) return fail(issues);
  return buildReport(accumulate(input).state, input);
}

/**
 * The counting half of `aggregate`, for callers that merge partial results or stream. A response
 * whose id was already counted in this call is rejected: a copy must not count twice (it could
 * lift a group of one over k). Ids are not remembered across calls or merges.
 */
export function accumulate(
  input: Omit<AggregateInput, "k" | "kept">,
  into: Accumulator = new Accumulator(),
): Accumulator {
  const versions = new Map(input.versions.map((v) => [v.hash, v]));
  const rounds = new Set(input.rounds.map((r) => r.id));
  // Lower case: a UUID written in capitals names the same response.
  const counted = input.assumeUniqueIds === true ? null : new Set<string>();
  for (const raw of input.responses) {
    const responseId = stringAt(raw, "id");
    const roundId = stringAt(raw, "roundId");
    const hash = stringAt(raw, "versionHash");
    const version = hash === null ? undefined : versions.get(hash);
    if (roundId === null || !rounds.has(roundId)) {
      into.reject({
        responseId,
        roundId,
        issues: [createIssue("unknown_round", ["roundId"], { value: roundId ?? "" })],
      });
      continue;
    }
    if (version === undefined) {
      into.reject({
        responseId,
        roundId,
        issues: [createIssue("unknown_version", ["versionHash"], { value: hash ?? "" })],
      });
      continue;
    }
    const checked = validateResponse(version, raw);
    if (!checked.success) {
      into.reject({ responseId, roundId, issues: checked.issues });
    } else if (!hasAnswers(checked.data)) {
      // Not a respondent, and not "seen": a copy of the id with answers counts, in any order.
    } else if (counted?.has(checked.data.id.toLowerCase())) {
      into.reject({
        responseId,
        roundId,
        issues: [createIssue("duplicate_response", ["id"], { value: checked.data.id })],
      });
    } else {
      counted?.add(checked.data.id.toLowerCase());
      into.add(version, checked.data);
    }
  }
  return into;
}

function stringAt(raw: unknown, key: string): string | null {
  const value = valueAt(raw, [key]);
  return typeof value === "string" ? value.slice(0, 100) : null;
}
