import type { Template } from "../template.js";
import { dontKnowChoice, dontKnowScalePoint, otherChoice } from "./commonOptions.js";

const title = {
  da: "Forebyggelses- og rehabiliteringstilbud",
  en: "Prevention and rehabilitation services",
};

/** Stems from seed 002 (see the README for the differences); options are KiAP-draft wording. */
export const rehab: Template = {
  id: "rehab",
  semver: "1.0.0",
  title,
  source: {
    seed: "002_33f41c44d85624f3.txt",
    section: "Forebyggelse- og Rehab tilbud (spørgeskema med 8 spørgsmål)",
    package: "Samarbejde om patienter med kronisk sygdom",
    options: "KiAP-draft wording (authored by Klynge; not in the seed)",
  },
  questionnaire: {
    schemaVersion: 1,
    id: "rehab",
    title,
    questions: [
      {
        id: "rehab.kendskab",
        type: "rating",
        text: {
          da: "I hvilken grad kender du til indholdet i kommunens forebyggelses- og rehabiliteringstilbud?",
          en: "To what extent are you familiar with the content of the municipality's prevention and rehabilitation services?",
        },
        required: false,
        options: [
          { code: "i-hoej-grad", label: { da: "I høj grad", en: "To a great extent" }, ordinal: 4 },
          { code: "i-nogen-grad", label: { da: "I nogen grad", en: "To some extent" }, ordinal: 3 },
          {
            code: "i-mindre-grad",
            label: { da: "I mindre grad", en: "To a small extent" },
            ordinal: 2,
          },
          { code: "slet-ikke", label: { da: "Slet ikke", en: "Not at all" }, ordinal: 1 },
          dontKnowScalePoint,
        ],
      },
      {
        id: "rehab.henvisningsmaade",
        type: "multi",
        text: {
          da: "Hvordan henviser du til kommunens forebyggende og rehabiliterende tilbud? (sæt gerne flere krydser)",
          en: "How do you refer to the municipality's prevention and rehabilitation services? (tick all that apply)",
        },
        required: false,
        options: [
          {
            code: "elektronisk-henvisning",
            label: {
              da: "Elektronisk kommunal henvisning fra lægesystemet",
              en: "Electronic municipal referral from the practice system",
            },
          },
          { code: "forloebsplan", label: { da: "Via forløbsplan", en: "Via a care plan" } },
          {
            code: "patienten-selv",
            label: {
              da: "Patienten opfordres til selv at kontakte kommunen",
              en: "The patient is encouraged to contact the municipality themselves",
            },
          },
          { code: "telefonisk", label: { da: "Telefonisk", en: "By phone" } },
          otherChoice,
          {
            code: "henviser-ikke",
            label: { da: "Jeg henviser ikke", en: "I do not refer" },
            kind: "none",
          },
        ],
      },
      {
        id: "rehab.oplevelse",
        type: "text",
        text: {
          da: "Hvad er din umiddelbare oplevelse af kommunens forskellige forebyggelses- og rehabiliteringstilbud?",
          en: "What is your immediate impression of the municipality's various prevention and rehabilitation services?",
        },
        required: false,
        maxLength: 2000,
      },
      {
        id: "rehab.barrierer",
        type: "multi",
        text: {
          da: "Er der noget, der afholder dig fra at henvise patienter til kommunens forebyggende tilbud? (sæt gerne flere krydser)",
          en: "Is there anything that keeps you from referring patients to the municipality's prevention services? (tick all that apply)",
        },
        required: false,
        options: [
          {
            code: "manglende-kendskab",
            label: {
              da: "Manglende kendskab til tilbuddene",
              en: "Lack of knowledge of the services",
            },
          },
          {
            code: "patienterne-oensker-ikke",
            label: { da: "Patienterne ønsker det ikke", en: "The patients do not want it" },
          },
          {
            code: "besvaerlig-henvisning",
            label: { da: "Besværlig henvisningsprocedure", en: "A cumbersome referral procedure" },
          },
          {
            code: "manglende-tilbagemelding",
            label: {
              da: "Manglende tilbagemelding fra kommunen",
              en: "Lack of feedback from the municipality",
            },
          },
          { code: "ventetid", label: { da: "Ventetid", en: "Waiting time" } },
          {
            code: "tvivl-om-effekten",
            label: { da: "Tvivl om effekten", en: "Doubts about the effect" },
          },
          {
            code: "passer-ikke",
            label: {
              da: "Tilbuddene passer ikke til mine patienter",
              en: "The services do not suit my patients",
            },
          },
          otherChoice,
          {
            code: "nej",
            label: { da: "Nej, intet afholder mig", en: "No, nothing keeps me from it" },
            kind: "none",
          },
        ],
      },
      {
        id: "rehab.henvise-flere",
        type: "text",
        text: {
          da: "Hvad skulle der til for, at du ville henvise flere?",
          en: "What would it take for you to refer more patients?",
        },
        required: false,
        maxLength: 2000,
      },
      {
        id: "rehab.manglende-tilbud",
        type: "text",
        text: {
          da: "Oplever du, at der mangler kommunale tilbud til nogle patienter/patientgrupper – skriv hvilke?",
          en: "Do you find that municipal services are missing for some patients/patient groups – please write which?",
        },
        required: false,
        maxLength: 2000,
      },
      {
        id: "rehab.oplysninger",
        type: "multi",
        text: {
          da: "Hvor får du oplysninger om kommunens tilbud?",
          en: "Where do you get information about the municipality's services?",
        },
        required: false,
        options: [
          {
            code: "kommunens-hjemmeside",
            label: { da: "Kommunens hjemmeside", en: "The municipality's website" },
          },
          { code: "sundhed-dk", label: { da: "Sundhed.dk", en: "Sundhed.dk" } },
          {
            code: "praksiskonsulent",
            label: { da: "Praksiskonsulent", en: "Practice consultant" },
          },
          {
            code: "materiale-fra-kommunen",
            label: { da: "Materiale fra kommunen", en: "Material from the municipality" },
          },
          { code: "kolleger", label: { da: "Kolleger", en: "Colleagues" } },
          { code: "patienterne", label: { da: "Patienterne", en: "The patients" } },
          otherChoice,
          dontKnowChoice,
        ],
      },
      {
        id: "rehab.kommentarer",
        type: "text",
        text: {
          da: "Har du andre kommentarer eller ideer til emnet, kan du notere dem her",
          en: "If you have other comments or ideas on the topic, you can note them here",
        },
        required: false,
        maxLength: 2000,
      },
    ],
  },
};
