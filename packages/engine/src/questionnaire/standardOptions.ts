import type { ChoiceOption, ScaleOption } from "./primitives.js";

// The same codes and words wherever a questionnaire is written (the bank's templates and the
// cluster's own questions alike), so results find "Andet", "Ingen af disse" and "Ved ikke"
// across questions and versions. They are questionnaire data (both languages), not UI text.

/** Ends every rating scale and matrix; it has no ordinal, so it stays out of means. */
export const dontKnowScalePoint: ScaleOption = {
  code: "ved-ikke",
  label: { da: "Ved ikke", en: "Don't know" },
  kind: "dontKnow",
};

export const dontKnowChoice: ChoiceOption = {
  code: "ved-ikke",
  label: { da: "Ved ikke", en: "Don't know" },
  kind: "dontKnow",
};

/** The respondent writes what "Andet" is. */
export const otherChoice: ChoiceOption = {
  code: "andet",
  label: { da: "Andet (skriv)", en: "Other (please specify)" },
  kind: "other",
};

export const noneChoice: ChoiceOption = {
  code: "ingen",
  label: { da: "Ingen af disse", en: "None of these" },
  kind: "none",
};
