import { apiErrors } from "@klynge/engine/contract";
import type { Locale } from "../messages.js";
import type { SyncErrorDetail } from "./syncError.js";

/** Every user-facing word about uploading, per locale; `statusText` only picks among them. */
export interface SyncMessages {
  readonly waiting: (pending: number) => string;
  readonly allSent: string;
  readonly offline: (pending: number) => string;
  /** Third-party iframe: not sent yet, and only this browser has it. */
  readonly onlyInBrowser: (pending: number) => string;
  readonly offlineInBrowser: (pending: number) => string;
  /** Responses kept on the device after a conflict or refusal. */
  readonly notSent: (count: number) => string;
  readonly error: (detail: SyncErrorDetail) => string;
  /**
   * Why the server refused a response for good, from the outbox record's `lastError.code`: the
   * contract's own sentence for its codes (a spent link, a revoked key, 409, 400 …).
   */
  readonly refused: (code: string) => string;
}

/** The contract's sentence for `code`, when it is one of its codes. */
function contractText(code: string | undefined, locale: Locale): string | undefined {
  if (code === undefined || !Object.hasOwn(apiErrors, code)) return undefined;
  return apiErrors[code as keyof typeof apiErrors][locale];
}

const daNumber = new Intl.NumberFormat("da-DK");
const enNumber = new Intl.NumberFormat("en-GB");

// "svar" is the same word in singular and plural; only the definite form differs (svaret/svarene).
const da: SyncMessages = {
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
};

const en: SyncMessages = {
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
};

function httpDetail(detail: { readonly status: number; readonly detail: string }): string {
  return detail.detail ? `HTTP ${detail.status}: ${detail.detail}` : `HTTP ${detail.status}`;
}

export const syncMessages: { readonly [L in Locale]: SyncMessages } = { da, en };
