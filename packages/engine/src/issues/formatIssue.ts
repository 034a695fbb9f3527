import { catalogues } from "../locales/catalogues.js";
import type { Locale } from "../questionnaire/localize.js";
import type { Issue, IssuePath } from "./issue.js";

/** The issue as a sentence, without its path: "Spørgsmålet skal besvares." */
export function formatIssue(issue: Issue, locale: Locale = "da"): string {
  return catalogues[locale].issue(issue);
}

/** `answers.rehab.kendskab`, `questions[2].id`; the empty path is "(rod)" or "(root)". */
export function formatPath(path: IssuePath, locale: Locale = "da"): string {
  if (path.length === 0) return catalogues[locale].root;
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}
