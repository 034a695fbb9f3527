import type { SuppressionNote, SuppressionReason } from "../aggregation/report.js";
import type { NotedFigure } from "../locales/catalogue.js";
import { inBothLocales } from "../locales/catalogues.js";
import type { LocalizedText } from "../questionnaire/primitives.js";

/** Where a withheld figure is, by id (for code) and by text (for people). */
export interface NotePlace {
  readonly roundId: string;
  readonly roundLabel: string;
  readonly question?: { readonly id: string; readonly text: LocalizedText };
  readonly row?: { readonly code: string; readonly label: LocalizedText };
  readonly option?: { readonly code: string; readonly label: LocalizedText };
}

/** A note for `report.suppressed`: ids for code, the sentence in Danish and English for people. */
export function suppressionNote(
  reason: SuppressionReason,
  k: number,
  place: NotePlace,
  figure: NotedFigure,
): SuppressionNote {
  return {
    roundId: place.roundId,
    ...(place.question === undefined ? {} : { questionId: place.question.id }),
    ...(place.row === undefined ? {} : { rowCode: place.row.code }),
    ...(place.option === undefined ? {} : { optionCode: place.option.code }),
    reason,
    message: inBothLocales((words) =>
      words.suppression({
        reason,
        k,
        round: place.roundLabel,
        figure,
        ...(place.question === undefined ? {} : { question: place.question.text }),
        ...(place.row === undefined ? {} : { row: place.row.label }),
        ...(place.option === undefined ? {} : { option: place.option.label }),
      }),
    ),
  };
}
