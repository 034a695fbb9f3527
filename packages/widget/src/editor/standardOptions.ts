import type { ChoiceOption, ScaleOption } from "@klynge/engine";

// The codes and words of the bank's own standard options, so results find "Andet" and "Ved ikke"
// across bank and local questions. They are questionnaire data (both languages), not UI text.

export const otherOption: ChoiceOption = {
  code: "andet",
  label: { da: "Andet (skriv)", en: "Other (please specify)" },
  kind: "other",
};

export const noneOption: ChoiceOption = {
  code: "ingen",
  label: { da: "Ingen af disse", en: "None of these" },
  kind: "none",
};

export const dontKnowOption: ChoiceOption & ScaleOption = {
  code: "ved-ikke",
  label: { da: "Ved ikke", en: "Don't know" },
  kind: "dontKnow",
};
