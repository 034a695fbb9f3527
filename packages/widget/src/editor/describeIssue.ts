import { formatIssue, type Issue, type Question } from "@klynge/engine";
import type { Locale } from "../messages.js";
import type { EditorErrorMessages } from "./locales/editorCatalogue.js";
import type { FieldKey } from "./placeIssues.js";

/** Where an issue is shown: the version's name, a question's field, or the questionnaire. */
export type IssuePlace =
  | { readonly kind: "label" }
  | { readonly kind: "question"; readonly question: Question; readonly field: FieldKey }
  | { readonly kind: "questionnaire" };

/**
 * An engine issue in a coordinator's words, about the field it is shown at: "Skriv spørgsmålets
 * tekst", "To svarmuligheder hedder «Ja»" (the label typed, never the code made from it). An
 * issue no sentence here fits keeps the engine's own words.
 */
export function describeIssue(
  issue: Issue,
  place: IssuePlace,
  e: EditorErrorMessages,
  locale: Locale,
): string {
  return sentence(issue, place, e) ?? formatIssue(issue, locale).replace(/\.$/, "");
}

function sentence(issue: Issue, place: IssuePlace, e: EditorErrorMessages): string | undefined {
  if (place.kind === "label") {
    if (issue.code === "blank_label") return e.labelBlank;
    return issue.code === "too_big" ? e.labelTooLong(issue.limit) : undefined;
  }
  if (place.kind === "questionnaire") {
    if (issue.code === "empty_questionnaire") return e.noQuestions;
    return issue.code === "too_big" ? e.tooManyQuestions(issue.limit) : undefined;
  }
  const { question, field } = place;
  const scale = question.type === "rating";
  const option = /^option\.(\d+)\./.exec(field);
  const index = option === null ? undefined : Number(option[1]);
  switch (issue.code) {
    case "duplicate_option_code":
    case "duplicate_option_text":
      return e.duplicateOption(labelAt(question, index) ?? issue.value);
    case "dont_know_as_option":
      return e.dontKnowAsOption(issue.value.trim(), scale);
    case "other_repeated":
      return e.otherRepeated(issue.value.trim());
    case "scale_order":
      return e.scaleOrder(issue.value.trim());
    case "duplicate_question_text":
    case "duplicate_question_id":
      return e.duplicateQuestion;
    case "condition_unknown_question":
      return e.conditionUnknownQuestion;
    case "condition_not_earlier":
      return e.conditionNotEarlier;
    case "condition_source_type":
      return e.conditionSourceType;
    case "condition_unknown_option":
      return e.conditionUnknownOption;
    case "too_small":
    case "too_big": {
      const small = issue.code === "too_small";
      if (field.startsWith("text.")) return small ? e.textBlank : e.textTooLong(issue.limit);
      if (field.startsWith("description.") && !small) return e.descriptionTooLong(issue.limit);
      if (index !== undefined) {
        return small ? e.optionBlank(index + 1, scale) : e.optionTooLong(index + 1, issue.limit);
      }
      if (field === "options")
        return small ? e.tooFewOptions(scale) : e.tooManyOptions(issue.limit);
      return undefined;
    }
    default:
      return undefined;
  }
}

function labelAt(question: Question, index: number | undefined): string | undefined {
  if (index === undefined || !("options" in question)) return undefined;
  const label = question.options[index]?.label.da.trim();
  return label === "" ? undefined : label;
}
