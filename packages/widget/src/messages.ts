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
};

export const messages: { readonly [L in Locale]: WidgetMessages } = { da, en };
