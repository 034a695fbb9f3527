import type { ApiIssue } from "./api/apiResult.js";
import { issueLine } from "./issueLine.js";
import type { Locale } from "./messages.js";

/**
 * Issues placed at the form field their path names (`["k"]`, or `["round", "id"]` with the
 * prefix `["round"]`), each as a sentence without the path; the rest, unplaced, as they came.
 */
export function issuesByField<F extends string>(
  issues: readonly ApiIssue[],
  fields: readonly F[],
  locale: Locale,
  prefix: readonly string[] = [],
): { readonly byField: Partial<Record<F, readonly string[]>>; readonly elsewhere: ApiIssue[] } {
  const byField: Partial<Record<F, string[]>> = {};
  const elsewhere: ApiIssue[] = [];
  for (const issue of issues) {
    const matchesPrefix = prefix.every((part, i) => issue.path[i] === part);
    const key = matchesPrefix ? issue.path[prefix.length] : undefined;
    const field = fields.find((f) => f === key);
    if (field === undefined) elsewhere.push(issue);
    else byField[field] = [...(byField[field] ?? []), issueLine(issue, locale, true)];
  }
  return { byField, elsewhere };
}
