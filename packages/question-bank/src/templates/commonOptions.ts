import type { ChoiceOption, ScaleOption } from "@klynge/engine";

// The same codes in every template, so results can find "Ved ikke" and "Andet" across questions.

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

/** In every multiple-choice list; the respondent writes what "Andet" is. */
export const otherChoice: ChoiceOption = {
  code: "andet",
  label: { da: "Andet (skriv)", en: "Other (please specify)" },
  kind: "other",
};
