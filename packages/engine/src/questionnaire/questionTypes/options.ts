import { createIssue, type Issue, type IssuePath } from "../../issues/issue.js";
import type { ChoiceOption, MatrixRow, OptionKind, ScaleOption } from "../primitives.js";

type AnyOption = ChoiceOption | ScaleOption;

/** Option codes unique within the list; at most one option of each special kind. */
export function checkOptionList(options: readonly AnyOption[], key: string): Issue[] {
  const issues: Issue[] = [];
  const codes = new Set<string>();
  const kinds = new Set<OptionKind>();
  options.forEach((option, i) => {
    if (codes.has(option.code)) {
      issues.push(createIssue("duplicate_option_code", [key, i, "code"], { value: option.code }));
    }
    codes.add(option.code);
    if (option.kind !== undefined) {
      if (kinds.has(option.kind)) {
        issues.push(
          createIssue("duplicate_special_option", [key, i, "kind"], { value: option.kind }),
        );
      }
      kinds.add(option.kind);
    }
  });
  return issues;
}

/** Every scale point has a distinct ordinal; "Ved ikke" has none. */
export function checkScale(options: readonly ScaleOption[], key: string): Issue[] {
  const issues: Issue[] = [];
  const ordinals = new Set<number>();
  options.forEach((option, i) => {
    if (option.kind === "dontKnow") {
      if (option.ordinal !== undefined)
        issues.push(createIssue("unexpected_ordinal", [key, i, "ordinal"]));
      return;
    }
    if (option.ordinal === undefined) {
      issues.push(createIssue("missing_ordinal", [key, i]));
      return;
    }
    if (ordinals.has(option.ordinal)) {
      issues.push(
        createIssue("duplicate_ordinal", [key, i, "ordinal"], { value: String(option.ordinal) }),
      );
    }
    ordinals.add(option.ordinal);
  });
  if (ordinals.size === 0 && issues.length === 0) {
    issues.push(createIssue("too_small", [key], { limit: 1, received: "0" }));
  }
  return issues;
}

export function checkRowList(rows: readonly MatrixRow[], key: string): Issue[] {
  const issues: Issue[] = [];
  const codes = new Set<string>();
  rows.forEach((row, i) => {
    if (codes.has(row.code))
      issues.push(createIssue("duplicate_row_code", [key, i, "code"], { value: row.code }));
    codes.add(row.code);
  });
  return issues;
}

const exclusiveKinds: ReadonlySet<OptionKind | undefined> = new Set(["none", "dontKnow"]);

/**
 * Chosen codes exist, are not repeated, an exclusive option ("Nej", "Ved ikke") stands alone,
 * and an "Andet" text comes only with the "Andet" option.
 */
// Questions are immutable (frozen in their version), so each one's code table is made once.
const codeTables = new WeakMap<readonly AnyOption[], ReadonlyMap<string, AnyOption>>();

function optionsByCode(options: readonly AnyOption[]): ReadonlyMap<string, AnyOption> {
  let table = codeTables.get(options);
  if (table === undefined) {
    table = new Map(options.map((o) => [o.code, o]));
    codeTables.set(options, table);
  }
  return table;
}

export function checkChoices(
  options: readonly AnyOption[],
  choices: readonly string[],
  otherText: string | undefined,
  pathOf: (index: number) => IssuePath,
): Issue[] {
  const issues: Issue[] = [];
  const byCode = optionsByCode(options);
  const seen = new Set<string>();
  // Distinct codes: "Nej" ticked twice is a duplicate, not a combination with other answers.
  const distinct = new Set(choices).size;
  let otherChosen = false;
  choices.forEach((code, i) => {
    const path = pathOf(i);
    const option = byCode.get(code);
    if (option === undefined) {
      issues.push(createIssue("unknown_option", path, { value: code }));
      return;
    }
    if (seen.has(code)) {
      issues.push(createIssue("duplicate_choice", path, { value: code }));
      return;
    }
    seen.add(code);
    if (option.kind === "other") otherChosen = true;
    if (distinct > 1 && exclusiveKinds.has(option.kind)) {
      issues.push(createIssue("exclusive_option_combined", path, { value: code }));
    }
  });
  if (otherText !== undefined && !otherChosen) {
    issues.push(createIssue("other_text_without_other", ["otherText"]));
  }
  return issues;
}
