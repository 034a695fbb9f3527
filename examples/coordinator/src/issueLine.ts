import { formatPath } from "@klynge/engine";
import type { ApiIssue } from "./api/apiResult.js";
import type { Locale } from "./messages.js";

const lineWord: Record<Locale, string> = { da: "Linje", en: "Line" };

/**
 * An issue from the server as a sentence a person can act on: a CSV issue as "Linje 3: …", any
 * other without the engine's path when `withoutPath` (the field it is about says where).
 */
export function issueLine(issue: ApiIssue, locale: Locale, withoutPath = false): string {
  const sentence = issue.message[locale];
  const [first, line] = issue.path;
  if (first === "line" && typeof line === "number")
    return `${lineWord[locale]} ${line}: ${sentence}`;
  return withoutPath ? sentence : `${formatPath(issue.path, locale)}: ${sentence}`;
}
