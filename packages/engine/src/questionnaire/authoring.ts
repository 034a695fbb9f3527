import { createIssue, type Issue, type IssuePath } from "../issues/issue.js";
import type { Question } from "./model.js";
import type { ChoiceOption, LocalizedText, ScaleOption } from "./primitives.js";

// Rules for the questions a cluster writes itself (local edits), on top of the shape rules every
// stored questionnaire meets. They catch what a form would let through and a report would then
// get wrong: a scale listed worst-first averages backwards beside the bank's; a "Ved ikke" typed
// as a scale point counts in the mean; a typed "Andet" beside «Andet (skriv)» shows two «Andet».
// They apply to new edits only (`applyEdits`, `checkNewVersion`), so a version stored before a
// rule existed stays readable.

/** Lower case, accents kept, punctuation and apostrophes folded, single spaces. */
function normalize(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/['’`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// "Ved ikke", "ved ikke.", "Ved ikke/ikke relevant", "Don't know"; a label that merely starts
// with "Andet"/"Other" may be a real answer ("Andet sygehus"), so only the ways of asking for a
// text count: "Andet", "Andet, nemlig", "Andet (angiv)", "Other (please specify)".
const dontKnow = /^(?:ved ikke|dont know|do not know)(?: |$)/;
const other = /^(?:andet|other)(?: (?:skriv|nemlig|angiv|hvilket|hvilke|hvad|please|specify)|$)/;

function looksLike(label: LocalizedText, pattern: RegExp): boolean {
  return (
    pattern.test(normalize(label.da)) ||
    (label.en !== undefined && pattern.test(normalize(label.en)))
  );
}

type AnyOption = ChoiceOption | ScaleOption;

function checkOptions(options: readonly AnyOption[], key: string, scale: boolean): Issue[] {
  const issues: Issue[] = [];
  // «Andet», «Ingen af disse» and «Ved ikke» are no choice of their own: two real ones are needed.
  const ordinary = options.filter((o) => o.kind === undefined).length;
  if (ordinary < 2) {
    issues.push(createIssue("too_small", [key], { limit: 2, received: String(ordinary) }));
  }
  const hasOther = options.some((o) => o.kind === "other");
  const texts = new Set<string>();
  let previous: ScaleOption | undefined;
  options.forEach((option, i) => {
    const path: IssuePath = [key, i, "label"];
    const text = normalize(option.label.da);
    if (texts.has(text)) {
      issues.push(createIssue("duplicate_option_text", path, { value: option.label.da }));
    }
    texts.add(text);
    if (option.kind === undefined && looksLike(option.label, dontKnow)) {
      issues.push(createIssue("dont_know_as_option", path, { value: option.label.da }));
    }
    if (option.kind === undefined && hasOther && looksLike(option.label, other)) {
      issues.push(createIssue("other_repeated", path, { value: option.label.da }));
    }
    if (!scale || option.kind === "dontKnow") return;
    const point = option as ScaleOption;
    // Best first, as every bank scale: each point's value below the one above it.
    if (
      previous?.ordinal !== undefined &&
      point.ordinal !== undefined &&
      point.ordinal >= previous.ordinal
    ) {
      issues.push(createIssue("scale_order", [key, i, "ordinal"], { value: option.label.da }));
    }
    previous = point;
  });
  return issues;
}

/** The authoring rules for one question a cluster adds; paths from the question. */
export function checkAuthoredQuestion(question: Question): Issue[] {
  switch (question.type) {
    case "rating":
      return checkOptions(question.options, "options", true);
    case "single":
    case "multi":
      return checkOptions(question.options, "options", false);
    case "matrix": {
      const issues = checkOptions(question.columns, "columns", true);
      const rows = new Set<string>();
      question.rows.forEach((row, i) => {
        const text = normalize(row.label.da);
        if (rows.has(text))
          issues.push(
            createIssue("duplicate_row_text", ["rows", i, "label"], { value: row.label.da }),
          );
        rows.add(text);
      });
      return issues;
    }
    case "text":
      return [];
  }
}

/** An added question whose Danish text another question already has (path: its `text`). */
export function checkQuestionTextUnique(question: Question, others: readonly Question[]): Issue[] {
  const text = normalize(question.text.da);
  return others.some((q) => q.id !== question.id && normalize(q.text.da) === text)
    ? [createIssue("duplicate_question_text", ["text", "da"], { value: question.text.da })]
    : [];
}

/** Every authoring rule for a question added beside `others` (paths from the question). */
export function checkAddedQuestion(question: Question, others: readonly Question[]): Issue[] {
  return [...checkAuthoredQuestion(question), ...checkQuestionTextUnique(question, others)];
}
