import type { Question } from "../questionnaire/model.js";
import type { ChoiceOption, ScaleOption } from "../questionnaire/primitives.js";
import type { OptionResult, QuestionRoundResult } from "./report.js";
import { optionResult } from "./summarizeChoices.js";

/**
 * Lays out a round's result, made with the round's own definition of the question (`own`), on
 * the report's definition: its options (matrix rows and columns) in its order, with its labels,
 * and `not_offered` for an option the round's result has no cell for. A round whose own
 * definition has another type keeps its own layout, since the report's options are of that
 * other type.
 */
export function placeResult(
  question: Question,
  own: Question,
  result: QuestionRoundResult,
): QuestionRoundResult {
  const layout = result.type === question.type ? question : own;
  if (result.type === "matrix" && layout.type === "matrix") {
    const rows = new Map(result.rows.map((row) => [row.code, row]));
    return {
      ...result,
      rows: layout.rows.flatMap((row) => {
        const placed = rows.get(row.code);
        if (placed === undefined) return [];
        return [
          { ...placed, label: row.label, options: placeOptions(layout.columns, placed.options) },
        ];
      }),
    };
  }
  if ("options" in result && "options" in layout)
    return { ...result, options: placeOptions(layout.options, result.options) };
  return result;
}

function placeOptions(
  options: readonly (ChoiceOption | ScaleOption)[],
  results: readonly OptionResult[],
): OptionResult[] {
  const cells = new Map(results.map((o) => [o.code, o.cell]));
  return options.map((option) =>
    optionResult(option, cells.get(option.code) ?? { status: "not_offered" }),
  );
}
