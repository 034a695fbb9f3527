import { contractText } from "./contractText.js";
import { httpDetail } from "./httpDetail.js";
import type { WidgetMessages } from "./widgetMessages.js";

const enNumber = new Intl.NumberFormat("en-GB");

/** Every user-facing word of the widget in English; a missing key does not compile. */
export const en: WidgetMessages = {
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
  savedInMemory: "Kept – in this tab only",
  memoryNotice:
    "This browser does not let the page store your answers (for example in private mode, or because its storage is full). Your answers are kept only while this page is open and are sent as soon as you finish – do not close the page before then.",
  offlineBanner:
    "You are offline. Your answers are saved on this device and will be sent when there is a connection again.",
  offlineBannerBrowser:
    "You are offline. Your answers cannot be sent now. For now they are kept only in this browser, which may delete them – submit when you are back online.",
  offlineBannerMemory:
    "You are offline. Your answers are kept only in this tab and will be sent when the connection is back – do not close the page.",
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
    pauseMemory:
      "This browser cannot store your answers along the way: answer the survey in one go while the page is open.",
    start: "Start",
    glance: (minutes, questions) =>
      `About ${minutes} ${minutes === 1 ? "minute" : "minutes"} · ${questions} ${questions === 1 ? "question" : "questions"} · anonymous`,
    about: "About the survey",
    coordinatorEither:
      "The coordinator can see how many have answered (with personal invitations: who has not answered yet) – but never what anyone answered.",
  },
  empty: {
    question: "You have not answered any questions. Send anyway?",
    back: "Back to the questions",
    send: "Send anyway",
  },
  refusedTitle: "Your answers were not received",
  storageError: {
    quota_exceeded:
      "The device has run out of storage space, so the last answer was not saved. What was already saved is kept. Free up space on the device and try again.",
    unavailable:
      "The browser's storage (IndexedDB) cannot be used right now. Reload the page; if that does not help, try without private mode or in another browser.",
    outdated:
      "The survey was updated in another tab. Reload the page to continue; what was saved is kept.",
    write_failed: "The answer could not be saved. Please try again.",
    conflicting_submit:
      "This response was already submitted with different content and cannot be changed.",
    draft_missing:
      "This response no longer exists here; it may have been submitted or discarded in another tab.",
    id_in_use: "The response id is already used by another response.",
    invalid_record: "The response does not have a shape that can be stored.",
  },
  sync: {
    waiting: (n) =>
      n === 1
        ? "1 response is waiting to be sent"
        : `${enNumber.format(n)} responses are waiting to be sent`,
    allSent: "All responses have been sent",
    offline: (n) =>
      `You are offline – ${n === 1 ? "the response is" : "the responses are"} saved on this device and will be sent when there is a connection`,
    onlyInBrowser: (n) =>
      n === 1
        ? "Your response has not been sent yet and exists only in this browser – keep the page open and we will retry"
        : `${enNumber.format(n)} responses have not been sent yet and exist only in this browser – keep the page open and we will retry`,
    offlineInBrowser: (n) =>
      n === 1
        ? "You are offline – your response has not been sent and exists only in this browser. It is sent while the page is open with a connection"
        : `You are offline – ${enNumber.format(n)} responses have not been sent and exist only in this browser. They are sent while the page is open with a connection`,
    onlyInTab: (n) =>
      n === 1
        ? "Your response has not been sent yet and exists only in this tab – keep the page open and we will retry"
        : `${enNumber.format(n)} responses have not been sent yet and exist only in this tab – keep the page open and we will retry`,
    offlineInTab: (n) =>
      n === 1
        ? "You are offline – your response has not been sent and exists only in this tab. It is sent when there is a connection, if the page is still open"
        : `You are offline – ${enNumber.format(n)} responses have not been sent and exist only in this tab. They are sent when there is a connection, if the page is still open`,
    notSent: (n) =>
      n === 1
        ? "1 response could not be sent – it is kept on this device"
        : `${enNumber.format(n)} responses could not be sent – they are kept on this device`,
    error: (detail) => {
      switch (detail.code) {
        case "unavailable":
          return "A response could not be sent: the server could not be reached – retrying automatically";
        case "conflict":
          return "A response could not be sent: the server already holds a different response with the same id – it is kept on this device";
        case "rejected": {
          const reason = contractText(detail.refusal, "en");
          return reason === undefined
            ? `A response could not be sent: the server refused it (${httpDetail(detail)}) – it is kept on this device`
            : `The response was not accepted: ${reason}`;
        }
        case "storage":
          return "Storage on this device cannot be used right now – retrying automatically";
      }
    },
    refused: (code) =>
      contractText(code, "en") ??
      "The server refused the response. It was not sent, but it is still on this device.",
  },
  embed: {
    loading: "Loading the survey…",
    roundError: (error) => {
      switch (error.code) {
        case "not_found":
          return "This survey does not exist (any more). Check the link or contact the cluster's coordinator.";
        case "unreachable":
          return "The survey could not be loaded. Check the connection and reload the page.";
        case "invalid":
          return "The survey cannot be shown because it is invalid. Contact the cluster's coordinator.";
      }
    },
    missingRound: "The page was not told which survey to show.",
    passRefusedTitle: "You cannot answer with this link",
  },
};
