import type { ClusterPackageInput } from "@klynge/engine";
import { rehab as template } from "../templates/rehab.js";
import { afterMeeting, da, meetingIntro, referralTalk } from "./runbook.js";

/**
 * The rehab package's meeting plan as KiAP's cluster package (seed 000, "Program for
 * klyngemødet" and "Refleksioner på klyngemødet") and runbook (seed 004) give it; the
 * README lists each text's place in the seeds and the few corrections.
 */
export const rehabPackage: ClusterPackageInput = {
  format: "klynge-package",
  formatVersion: 1,
  id: "rehab",
  title: {
    da: "Samarbejde om patienter med kronisk sygdom",
    en: "Collaboration on patients with chronic disease",
  },
  template: template.questionnaire,
  plan: {
    // Seed 000, "Mødets varighed": 2 timer og 30 min.
    minutes: 150,
    items: [
      {
        kind: "introduction",
        title: da("Introduktion"),
        minutes: 10,
        intro: meetingIntro,
        points: [
          da(
            "Kort introduktion til emnet om henvisninger til kommunale forebyggelses- og rehabiliteringstilbud.",
          ),
        ],
      },
      {
        kind: "block",
        title: da("Kommunens tilbud"),
        minutes: 60,
        talks: [
          {
            by: "municipality",
            title: da("Oplæg fra kommunen"),
            minutes: 25,
            at: "start",
            points: [da("Beskrivelse af tilbuddenes indhold, målgruppe mv.")],
          },
        ],
        intro: da("Gennemgang af henvisningsdata og resultater fra spørgeskemaundersøgelsen"),
        points: [
          da("Hvor mange henviser vi, og hvad henviser vi til?"),
          da("Vores oplevelse af tilbuddene?"),
        ],
        referrals: true,
        questions: ["rehab.oplevelse", "rehab.manglende-tilbud", "rehab.henvise-flere"],
        reflections: [
          da("Er antallet af henvisninger til kommunen passende?"),
          da("Hvilke barrierer er der for at henvise – og hvilke er de vigtigste?"),
          da("Hvad kan fremme henvisninger: Hvad kan kommunen gøre? Hvad kan klyngen gøre?"),
          da("Er der bestemte tilbud, hvor der bør henvises flere patienter?"),
          da("Hvad kunne forbedre tilbuddene?"),
          da("Giver det anledning til at ændre på den måde, vi gør det på i dag?"),
          da("Skal vi henvise flere til tilbuddene?"),
          da("Hvem henviser i din klinik (læge, praksispersonale)?"),
        ],
        dialog: da("Er der noget, der skal ændres? Skal vi henvise flere til tilbuddene?"),
      },
      { kind: "pause", title: da("Pause"), minutes: 20 },
      {
        kind: "block",
        title: da("Kendskab til og information om tilbuddene"),
        minutes: 20,
        intro: da("Resultater fra spørgeskemaundersøgelsen"),
        points: [da("Hvad ved vi om tilbuddene?"), da("Hvor får vi information om tilbuddene?")],
        questions: ["rehab.kendskab", "rehab.oplysninger"],
        reflections: [
          da("Hvad er oplevelserne af patienternes holdning og erfaring med tilbuddene?"),
          da("Hvor finder vi information om tilbuddene?"),
          da("Er tilbuddene tilstrækkeligt beskrevet – kan det forbedres?"),
          da("Hvilken information findes der til patienterne?"),
          da("Hvad vil I gerne vide om tilbuddet for at kunne informere patienterne?"),
          da("Hvor skulle den information findes?"),
          da("Hvem (i praksis) skal informere og tilbyde patienterne henvisning?"),
        ],
        dialog: da(
          "Har vi ønsker til ændringer i, hvor og hvordan der findes tilbud til os og patienterne om kommunens tilbud?",
        ),
      },
      {
        kind: "block",
        title: da("Henvisningsprocedurer"),
        minutes: 20,
        intro: da("Henvisningsprocedurer"),
        points: [da("Hvordan henviser vi rent praktisk?"), da("Er der barrierer for at henvise?")],
        questions: ["rehab.henvisningsmaade", "rehab.barrierer"],
        talks: [referralTalk],
        reflections: [
          da(
            "Hvilken henvisningsmetode vil fungere bedst i dagligdagen – for praksis? for kommune?",
          ),
          da("Hvad skal der stå i henvisningen?"),
          da("Hvad bruges oplysningerne til?"),
          da("Hvilken information findes der til patienterne?"),
          da("Hvor findes informationerne?"),
          da("Hvem (i praksis) skal informere og tilbyde patienterne henvisning?"),
        ],
        dialog: da("Skal henvisningsprocedurerne ændres/justeres?"),
      },
      {
        kind: "follow-up",
        title: da("Opsamling og opfølgning"),
        minutes: 20,
        intro: da("Gennemgang af hovedpointerne fra mødet"),
        points: [
          da("Skal der ændres i antallet af patienter, som vi henviser?"),
          da("Skal der ændres i informationerne om tilbuddene?"),
          da("Skal der ændres i procedurerne for, hvordan vi praktisk henviser?"),
          da("Hvad aftaler vi konkret at gøre efter mødet? I kommunen og i praksis?"),
          da("Hvem gør hvad: Skal der fx arbejdes videre i KLU?"),
          da(
            "Hvornår mødes vi igen/gentager spørgeskemaundersøgelsen/laver nye datatræk for at se en evt. udvikling?",
          ),
        ],
        actions: [
          afterMeeting.implementation,
          {
            kind: "follow-up-meeting",
            text: da(
              "Aftal et opfølgende møde mellem klyngen og kommunen. Invitér kommunens praksiskonsulenter.",
            ),
          },
          afterMeeting.kluAgenda,
          {
            kind: "new-data",
            text: da(
              "Kontakt KiAP for at få leveret en ny opgørelse af data til brug på et opfølgende møde.",
            ),
          },
        ],
      },
    ],
  },
};
