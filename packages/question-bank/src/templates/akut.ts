import type { ScaleOption } from "@klynge/engine";
import type { Template } from "../template.js";
import { dontKnowChoice, dontKnowScalePoint, otherChoice } from "./commonOptions.js";

const title = { da: "Akutfunktioner", en: "Acute-care functions" };

/** "Hvor godt …", "Hvordan fungerer …": how well something works. */
const howWellScale: ScaleOption[] = [
  { code: "meget-godt", label: { da: "Meget godt", en: "Very well" }, ordinal: 4 },
  { code: "godt", label: { da: "Godt", en: "Well" }, ordinal: 3 },
  { code: "mindre-godt", label: { da: "Mindre godt", en: "Not so well" }, ordinal: 2 },
  { code: "daarligt", label: { da: "Dårligt", en: "Poorly" }, ordinal: 1 },
  dontKnowScalePoint,
];

/** "Hvad er din oplevelse af …": how good something is. */
const howGoodScale: ScaleOption[] = [
  { code: "meget-god", label: { da: "Meget god", en: "Very good" }, ordinal: 4 },
  { code: "god", label: { da: "God", en: "Good" }, ordinal: 3 },
  { code: "mindre-god", label: { da: "Mindre god", en: "Not so good" }, ordinal: 2 },
  { code: "daarlig", label: { da: "Dårlig", en: "Poor" }, ordinal: 1 },
  dontKnowScalePoint,
];

/** Stems from seed 002 (see the README for the differences); options are KiAP-draft wording. */
export const akut: Template = {
  id: "akut",
  semver: "1.0.0",
  title,
  source: {
    seed: "002_33f41c44d85624f3.txt",
    section: "Akutfunktion (spørgeskema med 11 spørgsmål)",
    package: "Akutfunktioner",
    options: "KiAP-draft wording (authored by Klynge; not in the seed)",
  },
  questionnaire: {
    schemaVersion: 1,
    id: "akut",
    title,
    questions: [
      {
        id: "akut.kendskab",
        type: "rating",
        text: {
          da: "Hvad er dit kendskab til indholdet i kommunens akutfunktioner?",
          en: "What is your knowledge of the content of the municipality's acute-care functions?",
        },
        required: false,
        options: [
          { code: "stort", label: { da: "Stort kendskab", en: "Extensive knowledge" }, ordinal: 4 },
          { code: "noget", label: { da: "Noget kendskab", en: "Some knowledge" }, ordinal: 3 },
          { code: "lille", label: { da: "Lille kendskab", en: "Little knowledge" }, ordinal: 2 },
          { code: "intet", label: { da: "Intet kendskab", en: "No knowledge" }, ordinal: 1 },
          dontKnowScalePoint,
        ],
      },
      {
        id: "akut.behov",
        type: "matrix",
        text: {
          da: "Hvor godt oplever du, at akutfunktionerne opfylder behovet for de henviste patienter?",
          en: "How well do you find that the acute-care functions meet the needs of the referred patients?",
        },
        required: false,
        rows: [
          { code: "akut-sygdom", label: { da: "Akut sygdom", en: "Acute illness" } },
          { code: "kronisk-sygdom", label: { da: "Kronisk sygdom", en: "Chronic illness" } },
          { code: "psykisk-sygdom", label: { da: "Psykisk sygdom", en: "Mental illness" } },
          {
            code: "komplekse-tilstande",
            label: { da: "Komplekse tilstande", en: "Complex conditions" },
          },
        ],
        columns: howWellScale,
      },
      {
        id: "akut.patientgrupper",
        type: "text",
        text: {
          da: "Er der patientgrupper med akut plejebehov, der ikke er tilstrækkeligt hjulpet i dag?",
          en: "Are there patient groups with acute care needs who are not helped enough today?",
        },
        required: false,
        maxLength: 2000,
      },
      {
        id: "akut.kapacitet",
        type: "rating",
        text: {
          da: "Hvad er din oplevelse af kapaciteten af kommunens akutfunktioner?",
          en: "What is your experience of the capacity of the municipality's acute-care functions?",
        },
        required: false,
        options: howGoodScale,
      },
      {
        id: "akut.kompetence",
        type: "rating",
        text: {
          da: "Hvad er din oplevelse af kompetencen af kommunens akutfunktioner?",
          en: "What is your experience of the competence of the municipality's acute-care functions?",
        },
        required: false,
        options: howGoodScale,
      },
      {
        id: "akut.forbedringer",
        type: "text",
        text: { da: "Har du ideer til forbedringer?", en: "Do you have ideas for improvements?" },
        required: false,
        maxLength: 2000,
      },
      {
        id: "akut.henvisningsmaade",
        type: "multi",
        text: {
          da: "Hvordan henviser du til kommunens akutfunktioner? (sæt gerne flere kryds)",
          en: "How do you refer to the municipality's acute-care functions? (tick all that apply)",
        },
        required: false,
        options: [
          {
            code: "telefonisk",
            label: {
              da: "Telefonisk kontakt til akutfunktionen",
              en: "By phone to the acute-care function",
            },
          },
          {
            code: "elektronisk-henvisning",
            label: {
              da: "Elektronisk henvisning fra lægesystemet",
              en: "Electronic referral from the practice system",
            },
          },
          {
            code: "korrespondancemeddelelse",
            label: {
              da: "Korrespondancemeddelelse til kommunen",
              en: "Correspondence message to the municipality",
            },
          },
          {
            code: "via-hjemmesygeplejen",
            label: {
              da: "Via hjemmesygeplejen eller hjemmeplejen",
              en: "Via home nursing or home care",
            },
          },
          otherChoice,
          {
            code: "henviser-ikke",
            label: { da: "Jeg henviser ikke", en: "I do not refer" },
            kind: "none",
          },
        ],
      },
      {
        id: "akut.barrierer",
        type: "text",
        text: {
          da: "Hvad kan afholde dig fra at henvise borgere til kommunens akutfunktioner?",
          en: "What may keep you from referring citizens to the municipality's acute-care functions?",
        },
        required: false,
        maxLength: 2000,
      },
      {
        id: "akut.dialog",
        type: "rating",
        text: {
          da: "Hvordan fungerer dialogen med akutfunktionen om igangværende forløb?",
          en: "How does the dialogue with the acute-care function about ongoing courses of care work?",
        },
        required: false,
        options: howWellScale,
      },
      {
        id: "akut.tilbagemelding",
        type: "single",
        text: {
          da: "Oplever du, at der mangler tilbagemelding fra kommunen om patienter, der er henvist til en kommunal akutfunktion?",
          en: "Do you find that feedback from the municipality is missing about patients referred to a municipal acute-care function?",
        },
        required: false,
        options: [
          { code: "ja-ofte", label: { da: "Ja, ofte", en: "Yes, often" } },
          { code: "ja-nogle-gange", label: { da: "Ja, nogle gange", en: "Yes, sometimes" } },
          { code: "nej", label: { da: "Nej", en: "No" } },
          dontKnowChoice,
        ],
      },
      {
        id: "akut.kommentarer",
        type: "text",
        text: {
          da: "Har du kommentarer om eller spørgsmål til akutfunktionen, kan du skrive dem her",
          en: "If you have comments on or questions about the acute-care function, you can write them here",
        },
        required: false,
        maxLength: 2000,
      },
    ],
  },
};
