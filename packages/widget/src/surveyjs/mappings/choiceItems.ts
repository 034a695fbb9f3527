import type { ChoiceOption, ScaleOption } from "@klynge/engine";
import { localize } from "../../localize.js";
import { CodeTable } from "../codeTable.js";
import type { SurveyJsonCheckboxItem, SurveyJsonOtherItem } from "../surveyJsonModel.js";

/**
 * A question's options as SurveyJS choices plus its "Other" item: our "Andet" option becomes
 * SurveyJS's built-in Other item (labelled with our text), every other option a choice valued by
 * the code table. `exclusive`: mark "Nej"/"Ved ikke" so ticking one clears the other ticks.
 */
export function choiceItems(
  options: readonly (ChoiceOption | ScaleOption)[],
  locale: "da" | "en",
  exclusive: boolean,
): { choices: SurveyJsonCheckboxItem[] } & SurveyJsonOtherItem {
  const table = new CodeTable(options);
  const other = options.find((o) => o.kind === "other");
  const choices = options
    .filter((o) => o !== other)
    .map((o) => ({
      value: table.toValue(o.code) as string,
      text: localize(o.label, locale).text,
      ...(exclusive && (o.kind === "none" || o.kind === "dontKnow")
        ? { isExclusive: true as const }
        : {}),
    }));
  return other === undefined
    ? { choices }
    : { choices, showOtherItem: true, otherText: localize(other.label, locale).text };
}
