import type { Answer, QuestionnaireInput, QuestionnaireVersion } from "@klynge/engine";
import { templateVersion } from "@klynge/question-bank";
import { versionOf } from "@klynge/test-support/responses";

/**
 * Every question type and option kind, with the codes SurveyJS would misread: a plain option coded
 * "other" beside the "Andet" option, "constructor" as option, row, column-free id and question id,
 * texts without English (Danish fallback), and "Andet" placed before "Nej"/"Ved ikke".
 */
export const everyKindQuestionnaire: QuestionnaireInput = {
  schemaVersion: 1,
  id: "alle-typer",
  title: { da: "Alle spørgsmålstyper", en: "Every question type" },
  description: { da: "Et håndlavet skema med hver type og hver slags svarmulighed." },
  questions: [
    {
      id: "alle.kendskab",
      type: "rating",
      required: true,
      text: { da: "Hvor godt kender du tilbuddene?", en: "How well do you know the services?" },
      description: { da: "Tænk på det seneste år.", en: "Think of the past year." },
      options: [
        { code: "1", label: { da: "Slet ikke", en: "Not at all" }, ordinal: 1 },
        { code: "2", label: { da: "Lidt" }, ordinal: 2 },
        { code: "3", label: { da: "Godt", en: "Well" }, ordinal: 3 },
        { code: "ved-ikke", label: { da: "Ved ikke", en: "Don't know" }, kind: "dontKnow" },
      ],
    },
    {
      id: "alle.rolle",
      type: "single",
      text: { da: "Din rolle i praksis", en: "Your role in the practice" },
      options: [
        { code: "laege", label: { da: "Læge", en: "Doctor" } },
        { code: "other", label: { da: "Anden faggruppe", en: "Another profession" } },
        {
          code: "andet",
          label: { da: "Andet (skriv)", en: "Other (please specify)" },
          kind: "other",
        },
        { code: "ingen", label: { da: "Ingen af disse" }, kind: "none" },
        { code: "ved-ikke", label: { da: "Ved ikke", en: "Don't know" }, kind: "dontKnow" },
      ],
    },
    {
      id: "alle.kanaler",
      type: "multi",
      required: true,
      text: { da: "Hvordan henviser du? (sæt gerne flere krydser)" },
      options: [
        { code: "telefon", label: { da: "Telefon", en: "Phone" } },
        { code: "constructor", label: { da: "Korrespondance", en: "Correspondence" } },
        {
          code: "andet",
          label: { da: "Andet (skriv)", en: "Other (please specify)" },
          kind: "other",
        },
        { code: "nej", label: { da: "Jeg henviser ikke", en: "I do not refer" }, kind: "none" },
        { code: "ved-ikke", label: { da: "Ved ikke", en: "Don't know" }, kind: "dontKnow" },
      ],
    },
    {
      id: "constructor",
      type: "text",
      maxLength: 300,
      text: { da: "Kommentarer", en: "Comments" },
    },
    {
      id: "alle.grupper",
      type: "matrix",
      required: true,
      text: {
        da: "Hvor ofte henviser du disse grupper?",
        en: "How often do you refer these groups?",
      },
      rows: [
        { code: "constructor", label: { da: "KOL", en: "COPD" } },
        { code: "diabetes", label: { da: "Type 2-diabetes" } },
      ],
      columns: [
        { code: "aldrig", label: { da: "Aldrig", en: "Never" }, ordinal: 0 },
        { code: "other", label: { da: "Sjældent", en: "Rarely" }, ordinal: 1 },
        { code: "ofte", label: { da: "Ofte", en: "Often" }, ordinal: 2 },
        { code: "ved-ikke", label: { da: "Ved ikke", en: "Don't know" }, kind: "dontKnow" },
      ],
    },
    {
      id: "alle.valgfri-matrix",
      type: "matrix",
      text: { da: "Hvordan fungerer samarbejdet?" },
      rows: [
        { code: "hjemmepleje", label: { da: "Hjemmepleje" } },
        { code: "genoptraening", label: { da: "Genoptræning" } },
        { code: "akutteam", label: { da: "Akutteam" } },
      ],
      columns: [
        { code: "godt", label: { da: "Godt" }, ordinal: 2 },
        { code: "daarligt", label: { da: "Dårligt" }, ordinal: 1 },
      ],
    },
    {
      id: "alle.forslag",
      type: "text",
      required: true,
      text: {
        da: "Hvad skal kommunen gøre anderledes?",
        en: "What should the municipality change?",
      },
    },
  ],
};

export const everyKindVersion: QuestionnaireVersion = versionOf(everyKindQuestionnaire);

/** The bank templates and the hand-made questionnaire: the versions every test runs against. */
export const versions: readonly (readonly [string, QuestionnaireVersion])[] = [
  ["rehab", templateVersion("rehab")],
  ["akut", templateVersion("akut")],
  ["every kind", everyKindVersion],
];

/** A complete answer set to `everyKindVersion`, valid on submit. */
export const everyKindAnswers = {
  "alle.kendskab": { choice: "ved-ikke" },
  "alle.rolle": { choice: "andet", otherText: "Praksismanager" },
  "alle.kanaler": { choices: ["constructor", "andet", "telefon"], otherText: "Via sekretæren" },
  constructor: { text: "Godt samarbejde.\nMen lange ventetider." },
  "alle.grupper": { rows: { constructor: "other", diabetes: "ved-ikke" } },
  "alle.valgfri-matrix": { rows: { akutteam: "godt" } },
  "alle.forslag": { text: "Kortere svartider" },
} as const satisfies Record<string, Answer>;
