import { contractText } from "./contractText.js";
import { httpDetail } from "./httpDetail.js";
import type { WidgetMessages } from "./widgetMessages.js";

const daNumber = new Intl.NumberFormat("da-DK");

// "svar" is the same word in singular and plural; only the definite form differs (svaret/svarene).
/** Every user-facing word of the widget in Danish; a missing key does not compile. */
export const da: WidgetMessages = {
  questionType: {
    rating: "Skala",
    single: "Ét svar",
    multi: "Flere svar mulige",
    text: "Fritekst",
    matrix: "Skema med rækker og svarmuligheder",
  },
  optionKind: {
    other: "(med tekstfelt)",
    none: "(udelukker andre svar)",
    dontKnow: "(udelukker andre svar)",
  },
  outsideScale: "(uden for skalaen)",
  questionNumber: (n) => `${n}.`,
  questionCount: (n) => (n === 1 ? "1 spørgsmål" : `${n} spørgsmål`),
  pageOf: (n, total) => `Side ${n} af ${total}`,
  required: "Skal besvares",
  optional: "Frivilligt",
  answerOptions: "Svarmuligheder",
  textLimit: (maxLength) => `Højst ${maxLength} tegn`,
  matrixRows: "Rækker",
  matrixColumns: "Svarmuligheder for hver række",
  saving: "Gemmer…",
  saved: "Gemt",
  savedInMemory: "Husket – kun i denne fane",
  memoryNotice:
    "Denne browser lader ikke siden gemme dine svar (fx i privat tilstand, eller fordi lageret er fuldt). Svarene huskes kun, så længe siden er åben, og sendes, så snart du er færdig – luk ikke siden inden da.",
  offlineBanner:
    "Du er offline. Dine svar gemmes på enheden og sendes, når der er forbindelse igen.",
  offlineBannerBrowser:
    "Du er offline. Dine svar kan ikke sendes nu. De gemmes foreløbig kun i denne browser, som kan slette dem – send, når du har forbindelse igen.",
  offlineBannerMemory:
    "Du er offline. Dine svar huskes kun i denne fane og sendes, når der er forbindelse igen – luk ikke siden.",
  surveyUnavailable: "Spørgeskemaet kan ikke startes.",
  intro: {
    title: "Før du begynder",
    time: (minutes, questions) =>
      `Det tager cirka ${minutes} ${minutes === 1 ? "minut" : "minutter"} (${questions} spørgsmål).`,
    results: (k) =>
      k === undefined
        ? "Resultaterne vises kun samlet for klyngen – aldrig tal for så få, at nogen kan genkendes."
        : `Resultaterne vises kun samlet for klyngen: tal fra færre end ${k} personer vises ikke, og fritekster kun, når mindst ${k} har svaret på spørgsmålet.`,
    coordinator: (invited) =>
      invited
        ? "Koordinatoren kan se, hvem der endnu ikke har svaret – men aldrig, hvad nogen har svaret."
        : "Koordinatoren kan se, hvor mange der har svaret – men aldrig, hvad nogen har svaret.",
    anonymous:
      "Dine svar er anonyme: de gemmes uden navn, e-mail og IP-adresse og kan ikke kobles til dig eller dit link.",
    pause: "Dine svar gemmes undervejs på denne enhed, så du kan holde pause og fortsætte senere.",
    pauseMemory:
      "Denne browser kan ikke gemme svarene undervejs: besvar spørgeskemaet i ét stræk, mens siden er åben.",
    start: "Begynd",
    glance: (minutes, questions) =>
      `Cirka ${minutes} ${minutes === 1 ? "minut" : "minutter"} · ${questions} spørgsmål · anonymt`,
    about: "Om undersøgelsen",
    coordinatorEither:
      "Koordinatoren kan se, hvor mange der har svaret (ved personlige invitationer: hvem der endnu ikke har svaret) – men aldrig, hvad nogen har svaret.",
  },
  empty: {
    question: "Du har ikke besvaret nogen spørgsmål. Vil du sende alligevel?",
    back: "Tilbage til spørgsmålene",
    send: "Send alligevel",
  },
  refusedTitle: "Dine svar blev ikke modtaget",
  storageError: {
    quota_exceeded:
      "Enheden er løbet tør for lagerplads, så det sidste svar blev ikke gemt. Det, der allerede er gemt, er bevaret. Frigør plads på enheden, og prøv igen.",
    unavailable:
      "Browserens lager (IndexedDB) kan ikke bruges lige nu. Genindlæs siden; hjælper det ikke, så prøv uden privat tilstand eller i en anden browser.",
    outdated:
      "Spørgeskemaet er blevet opdateret i en anden fane. Genindlæs siden for at fortsætte; det, der er gemt, er bevaret.",
    write_failed: "Svaret kunne ikke gemmes. Prøv igen.",
    conflicting_submit: "Dette svar er allerede sendt ind med et andet indhold og kan ikke ændres.",
    draft_missing:
      "Besvarelsen findes ikke længere her; den er måske sendt ind eller kasseret i en anden fane.",
    id_in_use: "Svar-id'et er allerede i brug af en anden besvarelse.",
    invalid_record: "Svaret har ikke en form, der kan gemmes.",
  },
  sync: {
    waiting: (n) => `${daNumber.format(n)} svar venter på at blive sendt`,
    allSent: "Alle svar er sendt",
    offline: (n) =>
      `Du er offline – ${n === 1 ? "svaret" : "svarene"} er gemt på enheden og sendes, når der er forbindelse`,
    onlyInBrowser: (n) =>
      n === 1
        ? "Dit svar er ikke sendt endnu og findes kun i denne browser – lad siden være åben, så prøver vi igen"
        : `${daNumber.format(n)} svar er ikke sendt endnu og findes kun i denne browser – lad siden være åben, så prøver vi igen`,
    offlineInBrowser: (n) =>
      n === 1
        ? "Du er offline – dit svar er ikke sendt og findes kun i denne browser. Det sendes, når siden er åben med forbindelse"
        : `Du er offline – ${daNumber.format(n)} svar er ikke sendt og findes kun i denne browser. De sendes, når siden er åben med forbindelse`,
    onlyInTab: (n) =>
      n === 1
        ? "Dit svar er ikke sendt endnu og findes kun i denne fane – lad siden være åben, så prøver vi igen"
        : `${daNumber.format(n)} svar er ikke sendt endnu og findes kun i denne fane – lad siden være åben, så prøver vi igen`,
    offlineInTab: (n) =>
      n === 1
        ? "Du er offline – dit svar er ikke sendt og findes kun i denne fane. Det sendes, når der er forbindelse, hvis siden stadig er åben"
        : `Du er offline – ${daNumber.format(n)} svar er ikke sendt og findes kun i denne fane. De sendes, når der er forbindelse, hvis siden stadig er åben`,
    notSent: (n) =>
      n === 1
        ? "Et svar kunne ikke sendes – det er gemt på enheden"
        : `${daNumber.format(n)} svar kunne ikke sendes – de er gemt på enheden`,
    error: (detail) => {
      switch (detail.code) {
        case "unavailable":
          return "Et svar kunne ikke sendes: serveren kunne ikke nås – der prøves igen automatisk";
        case "conflict":
          return "Et svar kunne ikke sendes: serveren har allerede et andet svar med samme id – det er gemt på enheden";
        case "rejected": {
          const reason = contractText(detail.refusal, "da");
          return reason === undefined
            ? `Et svar kunne ikke sendes: serveren afviste det (${httpDetail(detail)}) – det er gemt på enheden`
            : `Svaret blev ikke modtaget: ${reason}`;
        }
        case "storage":
          return "Lageret på enheden kunne ikke bruges lige nu – der prøves igen automatisk";
      }
    },
    refused: (code) =>
      contractText(code, "da") ??
      "Serveren afviste svaret. Det er ikke sendt, men ligger stadig på enheden.",
  },
  embed: {
    loading: "Henter spørgeskemaet…",
    roundError: (error) => {
      switch (error.code) {
        case "not_found":
          return "Spørgeskemaet findes ikke (længere). Tjek linket, eller kontakt klyngens koordinator.";
        case "unreachable":
          return "Spørgeskemaet kunne ikke hentes. Tjek forbindelsen, og genindlæs siden.";
        case "invalid":
          return "Spørgeskemaet kunne ikke vises, fordi det er ugyldigt. Kontakt klyngens koordinator.";
      }
    },
    missingRound: "Siden mangler at få at vide, hvilket spørgeskema der skal vises.",
    passRefusedTitle: "Du kan ikke svare med dette link",
  },
};
