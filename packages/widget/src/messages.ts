import type { Locale, OptionKind, QuestionType } from "@klynge/engine";

/** The languages the widget speaks (the engine's); Danish is the default everywhere. */
export type { Locale };

/** Every user-facing word of the widget, per locale. Component code only looks them up. */
export interface WidgetMessages {
  readonly questionType: { readonly [T in QuestionType]: string };
  /** Markers for the "Andet", "Nej/ingen" and "Ved ikke" options of a choice list. */
  readonly optionKind: { readonly [K in OptionKind]: string };
  /** Marker for "Ved ikke" on a rating scale or matrix, where it has no place on the scale. */
  readonly outsideScale: string;
  readonly questionNumber: (n: number) => string;
  readonly questionCount: (n: number) => string;
  /** A page's name in the progress bar, as a screen reader reads it. */
  readonly pageOf: (n: number, total: number) => string;
  readonly required: string;
  readonly optional: string;
  readonly answerOptions: string;
  readonly textLimit: (maxLength: number) => string;
  readonly matrixRows: string;
  readonly matrixColumns: string;
  /** The survey's save indicator, shown after an answer is being or has been written to the device. */
  readonly saving: string;
  readonly saved: string;
  /** Banner while the browser reports no network. */
  readonly offlineBanner: string;
  /** The same where the browser may clear what is stored (a third-party iframe). */
  readonly offlineBannerBrowser: string;
  /** Shown with the storage error when the survey cannot be started. */
  readonly surveyUnavailable: string;
  /** The intro before the first question. */
  readonly intro: {
    readonly title: string;
    readonly time: (minutes: number, questions: number) => string;
    /** What is shown to whom; `k` the cluster's threshold, when known. */
    readonly results: (k: number | undefined) => string;
    /** With a personal invitation the coordinator sees who has not answered; otherwise only how many. */
    readonly coordinator: (invited: boolean) => string;
    readonly anonymous: string;
    readonly pause: string;
    readonly start: string;
  };
  /** Asked before a response with no answers at all is sent. */
  readonly empty: {
    readonly question: string;
    readonly back: string;
    readonly send: string;
  };
  /** Over the reason when the server refused the response for good. */
  readonly refusedTitle: string;
}

const da: WidgetMessages = {
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
  offlineBanner:
    "Du er offline. Dine svar gemmes på enheden og sendes, når der er forbindelse igen.",
  offlineBannerBrowser:
    "Du er offline. Dine svar kan ikke sendes nu. De gemmes foreløbig kun i denne browser, som kan slette dem – send, når du har forbindelse igen.",
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
    start: "Begynd",
  },
  empty: {
    question: "Du har ikke besvaret nogen spørgsmål. Vil du sende alligevel?",
    back: "Tilbage til spørgsmålene",
    send: "Send alligevel",
  },
  refusedTitle: "Dine svar blev ikke modtaget",
};

const en: WidgetMessages = {
  questionType: {
    rating: "Scale",
    single: "One answer",
    multi: "Multiple answers possible",
    text: "Free text",
    matrix: "Grid of rows and answer options",
  },
  optionKind: {
    other: "(with a text field)",
    none: "(excludes other answers)",
    dontKnow: "(excludes other answers)",
  },
  outsideScale: "(outside the scale)",
  questionNumber: (n) => `${n}.`,
  questionCount: (n) => (n === 1 ? "1 question" : `${n} questions`),
  pageOf: (n, total) => `Page ${n} of ${total}`,
  required: "Required",
  optional: "Optional",
  answerOptions: "Answer options",
  textLimit: (maxLength) => `At most ${maxLength} characters`,
  matrixRows: "Rows",
  matrixColumns: "Answer options for each row",
  saving: "Saving…",
  saved: "Saved",
  offlineBanner:
    "You are offline. Your answers are saved on this device and will be sent when there is a connection again.",
  offlineBannerBrowser:
    "You are offline. Your answers cannot be sent now. For now they are kept only in this browser, which may delete them – submit when you are back online.",
  surveyUnavailable: "The survey cannot be started.",
  intro: {
    title: "Before you start",
    time: (minutes, questions) =>
      `It takes about ${minutes} ${minutes === 1 ? "minute" : "minutes"} (${questions} ${questions === 1 ? "question" : "questions"}).`,
    results: (k) =>
      k === undefined
        ? "Results are only shown as totals for the cluster – never figures from so few that anyone could be recognised."
        : `Results are only shown as totals for the cluster: figures from fewer than ${k} people are not shown, and free texts only when at least ${k} answered the question.`,
    coordinator: (invited) =>
      invited
        ? "The coordinator can see who has not answered yet – but never what anyone answered."
        : "The coordinator can see how many have answered – but never what anyone answered.",
    anonymous:
      "Your answers are anonymous: they are stored without name, e-mail or IP address and cannot be linked to you or your link.",
    pause: "Your answers are saved on this device as you go, so you can pause and continue later.",
    start: "Start",
  },
  empty: {
    question: "You have not answered any questions. Send anyway?",
    back: "Back to the questions",
    send: "Send anyway",
  },
  refusedTitle: "Your answers were not received",
};

export const messages: { readonly [L in Locale]: WidgetMessages } = { da, en };
