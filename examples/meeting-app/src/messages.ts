import type { Locale } from "@klynge/widget/core";
import { reportMessages } from "@klynge/widget/report";

// The widget's (the engine's) locales, declared there once.
export type { Locale };

/**
 * Every text of the meeting app, Danish first. The words of the results' figures ("skjult",
 * "Besvaret af 5") are the shared report view-model's, so the tablet says what the results page
 * and the deck say.
 */

export const meetingMessages = {
  da: {
    ...reportMessages.da,
    appName: "Klynge – mødeapp",
    language: "English",
    languageLabel: "Switch to English",
    navSurvey: "Spørgeskema",
    navResults: "Resultater på denne enhed",
    navTransfer: "Overfør svar",
    navStatus: "Svar på denne enhed",
    refusedCount: (n: number) => (n === 1 ? "1 svar afvist" : `${n} svar afvist`),
    keyActive: (until: string, grace: string, remaining: number) =>
      `Mødenøgle: svar tages imod til ${until} og sendes senest ${grace}. ${remaining} svar tilbage.`,
    keyInactive: "Mødenøgle: tidsrummet er slut, eller der er ikke flere svar tilbage.",
    keyChecked: (at: string) => `(kontrolleret ${at})`,
    keyEnrolled: "Tabletten er tilmeldt runden med mødenøglen.",
    keyUnchecked:
      "Mødenøglen i linket kunne ikke kontrolleres, fordi der ikke er forbindelse. Åbn linket igen, når der er forbindelse.",
    keyLinkRefused: "Mødenøglen i linket kan ikke bruges:",
    keyRefused: "Mødenøglen kan ikke længere bruges:",
    keyMissing:
      "Tabletten er ikke tilmeldt runden. Åbn mødenøglens link fra koordinatoren (…/app/?round=…#key=…), mens der er forbindelse.",
    thanksRefused: "Svarene blev ikke modtaget.",
    keptForExport: "Svaret ligger stadig på enheden og kan eksporteres under »Overfør svar«.",
    statusTitle: "Svar på denne enhed",
    statusIntro:
      "Hvert svar, der er givet på denne tablet i runden: sendt, venter på at blive sendt, eller afvist med grunden. Ingen svar vises her.",
    statusNone: "Der er endnu ingen svar på denne enhed.",
    statusGiven: (n: number, at: string) => `Svar ${n}, givet ${at}`,
    statusSent: "Sendt",
    statusWaiting: "Venter – sendes automatisk, når der er forbindelse",
    statusRefused: "Afvist:",
    statusRefusedNote:
      "Afviste svar bliver ikke sendt igen. De ligger på enheden og kan eksporteres under »Overfør svar«.",
    mainNav: "Mødeappens sider",
    unsent: (n: number) =>
      n === 0
        ? "Alle svar er sendt"
        : n === 1
          ? "1 svar er ikke sendt endnu"
          : `${n} svar er ikke sendt endnu`,
    offline: "Ingen forbindelse – svarene gemmes på enheden",
    loadingRound: "Henter spørgeskemaet …",
    roundFromDevice: "Spørgeskemaet er hentet fra enheden (ingen forbindelse).",
    roundMissing: "Ingen runde valgt. Åbn appen via linket til runden, eller skriv rundens id:",
    roundIdLabel: "Rundens id",
    roundOpen: "Åbn runde",
    roundNotFound: "Runden findes ikke. Tjek linket eller id'et.",
    roundUnreachable:
      "Spørgeskemaet kunne ikke hentes, og enheden har ingen kopi. Åbn appen én gang med forbindelse før mødet.",
    roundInvalid: "Spørgeskemaet blev afvist, fordi det ikke er gyldigt. Kontakt koordinatoren.",
    storageFailed: "Enhedens lager kan ikke bruges:",
    offlineReady: "Appen er klar til brug uden net på denne enhed.",
    updateReady: "En ny version af appen er klar.",
    updateNow: "Opdatér",
    thanksTitle: "Tak for dine svar!",
    thanksSent: "Svarene er modtaget.",
    thanksQueued:
      "Svarene er gemt på enheden og sendes automatisk, når der er forbindelse. Giv gerne enheden videre.",
    nextRespondent: "Næste deltager",
    discard: "Start forfra",
    discardConfirm: "Slet svarene på skærmen og start forfra?",
    discardYes: "Ja, slet og start forfra",
    discardNo: "Nej, fortsæt",
    resultsTitle: "Resultater på denne enhed",
    resultsIntro: (n: number, k: number) =>
      `${n} besvarelse${n === 1 ? "" : "r"} på denne enhed. Tal fra færre end ${k} personer vises ikke (anonymitet).`,
    resultsNone: "Der er endnu ingen svar på denne enhed.",
    resultsFailed: "Resultaterne kunne ikke beregnes:",
    transferTitle: "Overfør svar",
    transferIntro:
      "Kan enheden ikke komme på nettet, så gem de usendte svar i en fil og indlæs filen på en anden enhed, som sender dem.",
    exportButton: "Eksportér usendte svar",
    exportNone: "Der er ingen usendte svar at eksportere.",
    exported: (n: number, name: string) => `${n} svar er gemt i filen ${name}.`,
    importLabel: "Indlæs svar fra en anden enhed (JSON-fil)",
    importResult: (added: number, duplicates: number, refused: number, conflicts: number) =>
      `${added} svar indlæst, ${duplicates} fandtes allerede, ${refused} afvist` +
      (conflicts > 0
        ? `, ${conflicts} med andet indhold end enhedens kopi (enhedens beholdt)`
        : "") +
      ".",
    importErrors: {
      too_large: "Filen er for stor til at være en eksport af svar.",
      not_json: "Filen er ikke en JSON-fil.",
      not_unsent_file: "Filen er ikke en eksport af usendte svar fra Klynge.",
      unsupported: "Filen er fra en nyere version af Klynge. Opdatér appen, og prøv igen.",
    },
    importRefusedItem: (what: string, id: string) => `Afvist ${what} ${id}:`,
    importWhat: { response: "svar", round: "runde", version: "version" },
    importFailed: "Svarene kunne ikke gemmes:",
  },
  en: {
    ...reportMessages.en,
    appName: "Klynge – meeting app",
    language: "Dansk",
    languageLabel: "Skift til dansk",
    navSurvey: "Survey",
    navResults: "Results on this device",
    navTransfer: "Transfer responses",
    navStatus: "Responses on this device",
    refusedCount: (n: number) => (n === 1 ? "1 response refused" : `${n} responses refused`),
    keyActive: (until: string, grace: string, remaining: number) =>
      `Meeting key: answers are taken until ${until} and sent by ${grace} at the latest. ${remaining} responses left.`,
    keyInactive: "Meeting key: the time is over, or there are no responses left.",
    keyChecked: (at: string) => `(checked ${at})`,
    keyEnrolled: "This tablet is enrolled in the round with the meeting key.",
    keyUnchecked:
      "The meeting key in the link could not be checked because there is no connection. Open the link again when there is one.",
    keyLinkRefused: "The meeting key in the link cannot be used:",
    keyRefused: "The meeting key can no longer be used:",
    keyMissing:
      "This tablet is not enrolled in the round. Open the meeting key's link from the coordinator (…/app/?round=…#key=…) while online.",
    thanksRefused: "The answers were not received.",
    keptForExport:
      "The response is still on this device and can be exported under “Transfer responses”.",
    statusTitle: "Responses on this device",
    statusIntro:
      "Each response given on this tablet in the round: sent, waiting to be sent, or refused with the reason. No answers are shown here.",
    statusNone: "There are no responses on this device yet.",
    statusGiven: (n: number, at: string) => `Response ${n}, given ${at}`,
    statusSent: "Sent",
    statusWaiting: "Waiting – sent automatically when there is a connection",
    statusRefused: "Refused:",
    statusRefusedNote:
      "Refused responses are not sent again. They are kept on this device and can be exported under “Transfer responses”.",
    mainNav: "Meeting app pages",
    unsent: (n: number) =>
      n === 0
        ? "All responses sent"
        : n === 1
          ? "1 response not sent yet"
          : `${n} responses not sent yet`,
    offline: "No connection – responses are kept on this device",
    loadingRound: "Loading the survey …",
    roundFromDevice: "The survey was loaded from this device (no connection).",
    roundMissing: "No round chosen. Open the app through the round's link, or type the round id:",
    roundIdLabel: "Round id",
    roundOpen: "Open round",
    roundNotFound: "The round does not exist. Check the link or the id.",
    roundUnreachable:
      "The survey could not be loaded and this device has no copy. Open the app once with a connection before the meeting.",
    roundInvalid: "The survey was refused because it is not valid. Contact the coordinator.",
    storageFailed: "The device's storage cannot be used:",
    offlineReady: "The app is ready to work offline on this device.",
    updateReady: "A new version of the app is ready.",
    updateNow: "Update",
    thanksTitle: "Thank you for your answers!",
    thanksSent: "Your answers have been received.",
    thanksQueued:
      "Your answers are kept on this device and sent automatically when there is a connection. Feel free to pass the device on.",
    nextRespondent: "Next participant",
    discard: "Start over",
    discardConfirm: "Delete the answers on screen and start over?",
    discardYes: "Yes, delete and start over",
    discardNo: "No, continue",
    resultsTitle: "Results on this device",
    resultsIntro: (n: number, k: number) =>
      `${n} response${n === 1 ? "" : "s"} on this device. Figures from fewer than ${k} people are not shown (anonymity).`,
    resultsNone: "There are no responses on this device yet.",
    resultsFailed: "The results could not be computed:",
    transferTitle: "Transfer responses",
    transferIntro:
      "If this device cannot get online, save the unsent responses to a file and load the file on another device, which sends them.",
    exportButton: "Export unsent responses",
    exportNone: "There are no unsent responses to export.",
    exported: (n: number, name: string) => `${n} responses were saved to the file ${name}.`,
    importLabel: "Load responses from another device (JSON file)",
    importResult: (added: number, duplicates: number, refused: number, conflicts: number) =>
      `${added} responses loaded, ${duplicates} already here, ${refused} refused` +
      (conflicts > 0 ? `, ${conflicts} with other content than this device's copy (kept)` : "") +
      ".",
    importErrors: {
      too_large: "The file is too large to be an export of responses.",
      not_json: "The file is not a JSON file.",
      not_unsent_file: "The file is not a Klynge export of unsent responses.",
      unsupported: "The file is from a newer version of Klynge. Update the app and try again.",
    },
    importRefusedItem: (what: string, id: string) => `Refused ${what} ${id}:`,
    importWhat: { response: "response", round: "round", version: "version" },
    importFailed: "The responses could not be stored:",
  },
} satisfies Record<Locale, unknown>;

export type MeetingMessages = (typeof meetingMessages)["da"];
