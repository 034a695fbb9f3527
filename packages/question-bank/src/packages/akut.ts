import type { ClusterPackageInput } from "@klynge/engine";
import { akut as template } from "../templates/akut.js";
import { afterMeeting, da, meetingIntro, referralTalk } from "./runbook.js";

/**
 * The akut package's meeting plan. The seeds give its questionnaire and its data (the survey
 * only, no referral figures; seed 002) but no programme, so the plan follows the rehab
 * package's 2.5-hour shape and every item is Klynge's draft (`draft: true`) for KiAP to review.
 */
export const akutPackage: ClusterPackageInput = {
  format: "klynge-package",
  formatVersion: 1,
  id: "akut",
  title: { da: "Akutfunktioner", en: "Acute-care functions" },
  template: template.questionnaire,
  plan: {
    draft: true,
    minutes: 150,
    items: [
      {
        kind: "introduction",
        title: da("Introduktion"),
        minutes: 10,
        intro: meetingIntro,
        points: [da("Kort introduktion til emnet om kommunens akutfunktioner.")],
        draft: true,
      },
      {
        kind: "block",
        title: da("Kommunens akutfunktioner"),
        minutes: 60,
        talks: [
          {
            by: "municipality",
            title: da("Oplæg fra kommunen"),
            minutes: 25,
            at: "start",
            points: [da("Beskrivelse af akutfunktionernes indhold, målgruppe og kapacitet.")],
            draft: true,
          },
        ],
        intro: da("Gennemgang af resultater fra spørgeskemaundersøgelsen"),
        points: [
          da("Hvad ved vi om akutfunktionerne?"),
          da("Opfylder akutfunktionerne behovet for de patienter, vi henviser?"),
          da("Vores oplevelse af akutfunktionernes kapacitet og kompetence?"),
        ],
        questions: [
          "akut.kendskab",
          "akut.behov",
          "akut.patientgrupper",
          "akut.kapacitet",
          "akut.kompetence",
        ],
        reflections: [
          da(
            "Er der patientgrupper med akut plejebehov, der ikke er tilstrækkeligt hjulpet i dag?",
          ),
          da("Passer kapaciteten til det antal patienter, vi henviser?"),
          da("Hvad kan kommunen gøre? Hvad kan klyngen gøre?"),
        ],
        dialog: da("Er der noget, der skal ændres? Skal vi bruge akutfunktionerne mere?"),
        draft: true,
      },
      { kind: "pause", title: da("Pause"), minutes: 20, draft: true },
      {
        kind: "block",
        title: da("Henvisning til akutfunktionerne"),
        minutes: 20,
        intro: da("Resultater fra spørgeskemaundersøgelsen"),
        points: [
          da("Hvordan henviser vi rent praktisk?"),
          da("Hvad kan afholde os fra at henvise?"),
        ],
        questions: ["akut.henvisningsmaade", "akut.barrierer"],
        talks: [{ ...referralTalk, draft: true }],
        reflections: [
          da(
            "Hvilken henvisningsmetode vil fungere bedst i dagligdagen – for praksis? for kommune?",
          ),
          da("Hvad skal der stå i henvisningen?"),
        ],
        dialog: da("Skal henvisningsprocedurerne ændres/justeres?"),
        draft: true,
      },
      {
        kind: "block",
        title: da("Dialog og tilbagemelding om igangværende forløb"),
        minutes: 20,
        intro: da("Resultater fra spørgeskemaundersøgelsen"),
        points: [
          da("Hvordan fungerer dialogen med akutfunktionen?"),
          da("Mangler vi tilbagemelding om de patienter, vi har henvist?"),
          da("Hvilke forbedringer foreslår vi?"),
        ],
        questions: ["akut.dialog", "akut.tilbagemelding", "akut.forbedringer"],
        reflections: [
          da("Hvornår og hvordan ønsker lægerne tilbagemelding fra akutfunktionen?"),
          da("Hvem i praksis og i kommunen tager kontakt, når et forløb ændrer sig?"),
        ],
        dialog: da("Skal dialogen og tilbagemeldingerne om igangværende forløb ændres?"),
        draft: true,
      },
      {
        kind: "follow-up",
        title: da("Opsamling og opfølgning"),
        minutes: 20,
        intro: da("Gennemgang af hovedpointerne fra mødet"),
        points: [
          da("Hvad aftaler vi konkret at gøre efter mødet? I kommunen og i praksis?"),
          da("Hvem gør hvad: Skal der fx arbejdes videre i KLU?"),
          da(
            "Hvornår mødes vi igen/gentager spørgeskemaundersøgelsen for at se en evt. udvikling?",
          ),
        ],
        actions: [
          afterMeeting.implementation,
          {
            kind: "follow-up-meeting",
            text: da("Aftal et opfølgende møde mellem klyngen og kommunen."),
          },
          afterMeeting.kluAgenda,
          {
            kind: "new-data",
            text: da("Gentag spørgeskemaundersøgelsen til brug på et opfølgende møde."),
          },
        ],
        draft: true,
      },
    ],
  },
};
