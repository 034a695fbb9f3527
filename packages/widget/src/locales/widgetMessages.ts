import type { Locale, OptionKind, QuestionType } from "@klynge/engine";
import type { LoadRoundError } from "../embed/loadRound.js";
import type { StorageErrorCode } from "../storage/storageError.js";
import type { SyncError } from "../sync/syncError.js";

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
  /** Instead of `saved` when IndexedDB is refused: kept in the page's memory only, not on the device. */
  readonly savedInMemory: string;
  /** Shown throughout when IndexedDB is refused or failed: what is kept, until when, and when it is sent. */
  readonly memoryNotice: string;
  /** Banner while the browser reports no network. */
  readonly offlineBanner: string;
  /** The same where the browser may clear what is stored (a third-party iframe). */
  readonly offlineBannerBrowser: string;
  /** The same where answers are only in the page's memory (IndexedDB refused). */
  readonly offlineBannerMemory: string;
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
    /** Instead of `pause` when IndexedDB is refused: no pausing across a reload. */
    readonly pauseMemory: string;
    readonly start: string;
    /** The intro in one line above the first question (the frame page): time, count, anonymity. */
    readonly glance: (minutes: number, questions: number) => string;
    /** The fold that holds the rest of the intro. */
    readonly about: string;
    /** The coordinator line when the page does not know yet whether the link is personal. */
    readonly coordinatorEither: string;
  };
  /** Asked before a response with no answers at all is sent. */
  readonly empty: {
    readonly question: string;
    readonly back: string;
    readonly send: string;
  };
  /** Over the reason when the server refused the response for good. */
  readonly refusedTitle: string;
  /** What the respondent is told for each storage failure. */
  readonly storageError: { readonly [C in StorageErrorCode]: string };
  readonly sync: SyncMessages;
  readonly embed: EmbedMessages;
}

/** Every user-facing word about uploading, per locale; `statusText` only picks among them. */
export interface SyncMessages {
  readonly waiting: (pending: number) => string;
  readonly allSent: string;
  readonly offline: (pending: number) => string;
  /** Third-party iframe: not sent yet, and only this browser has it. */
  readonly onlyInBrowser: (pending: number) => string;
  readonly offlineInBrowser: (pending: number) => string;
  /** IndexedDB refused: not sent yet, and only this page's memory has it. */
  readonly onlyInTab: (pending: number) => string;
  readonly offlineInTab: (pending: number) => string;
  /** Responses kept on the device after a conflict or refusal. */
  readonly notSent: (count: number) => string;
  readonly error: (detail: SyncError) => string;
  /**
   * Why the server refused a response for good, from the outbox record's `lastError.code`: the
   * contract's own sentence for its codes (a spent link, a revoked key, 409, 400 …).
   */
  readonly refused: (code: string) => string;
}

/** The embed page's own words. */
export interface EmbedMessages {
  readonly loading: string;
  readonly roundError: (error: LoadRoundError) => string;
  readonly missingRound: string;
  /** Over the reason (the contract's sentence) when the link or key cannot be used. */
  readonly passRefusedTitle: string;
}
