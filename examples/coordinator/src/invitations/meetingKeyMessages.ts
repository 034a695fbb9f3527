import type { Locale } from "../messages.js";

/** The texts of "Mødenøgle til tablets". Danish first. */
const da = {
  title: "Mødenøgle til tablets",
  intro:
    "En mødenøgle lader mødets tablets tage imod svar uden personlige links: i mødets tidsrum og højst fra så mange, som ikke havde svaret, da nøglen blev lavet. Hver tablet åbner nøglens link – eller scanner QR-koden – én gang, mens den er på nettet; derefter virker den også uden net. Svar givet på mødet kan sendes op til 7 dage efter.",
  hoursLabel: "Mødets længde i timer",
  hoursHint: "Regnet fra nu. Fra 1 til 72 timer.",
  create: "Lav mødenøgle",
  creating: "Laver mødenøglen …",
  created: (cap: number) =>
    `Mødenøglen er lavet. Den tager højst ${cap} svar. Åbn linket eller scan QR-koden på hver tablet.`,
  createFailed: "Mødenøglen blev ikke lavet:",
  loading: "Henter mødenøglerne …",
  failed: "Mødenøglerne kunne ikke hentes:",
  none: "Ingen mødenøgler endnu.",
  keyTitle: (date: string) => `Mødenøgle fra ${date}`,
  window: "Gælder",
  windowValue: (from: string, until: string) => `${from} – ${until}`,
  grace: "Svar kan sendes til",
  answers: "Svar",
  answersValue: (used: number, cap: number) => `${used} af højst ${cap}`,
  state: "Status",
  stateActive: "Gælder nu",
  stateEnded: "Mødet er slut; svar givet på mødet kan stadig sendes",
  stateExpired: "Udløbet",
  stateRevoked: "Trukket tilbage",
  enrolLink: "Link til tabletten",
  enrolHint:
    "Åbn linket på hver tablet, eller scan QR-koden med tablettens kamera. Linket er nøglen: del det kun med dem, der sætter tablets op.",
  qrLabel: "QR-kode med linket til tabletten",
  revoke: "Træk nøglen tilbage …",
  confirmTitle: "Trække mødenøglen tilbage?",
  confirmText:
    "Tablets med nøglen kan ikke længere sende svar – heller ikke svar, der allerede er givet, men ikke sendt. De bliver liggende på tabletten og kan eksporteres derfra. Det kan ikke fortrydes; lav en ny nøgle, hvis der skal svares igen.",
  confirmRevoke: "Ja, træk den tilbage",
  cancel: "Fortryd",
  revoking: "Trækker nøglen tilbage …",
  revoked: "Mødenøglen er trukket tilbage. Tablets med den kan ikke længere sende svar.",
  revokeFailed: "Mødenøglen blev ikke trukket tilbage:",
};

export type MeetingKeyMessages = typeof da;

const en: MeetingKeyMessages = {
  title: "Meeting key for tablets",
  intro:
    "A meeting key lets the meeting's tablets take answers without personal links: during the meeting, and at most from as many as had not answered when the key was made. Each tablet opens the key's link – or scans the QR code – once while online; after that it also works offline. Answers given at the meeting can be sent up to 7 days later.",
  hoursLabel: "Length of the meeting in hours",
  hoursHint: "Counted from now. From 1 to 72 hours.",
  create: "Make meeting key",
  creating: "Making the meeting key …",
  created: (cap) =>
    `The meeting key was made. It takes at most ${cap} ${cap === 1 ? "answer" : "answers"}. Open the link or scan the QR code on each tablet.`,
  createFailed: "The meeting key was not made:",
  loading: "Loading the meeting keys …",
  failed: "The meeting keys could not be loaded:",
  none: "No meeting keys yet.",
  keyTitle: (date) => `Meeting key from ${date}`,
  window: "Valid",
  windowValue: (from, until) => `${from} – ${until}`,
  grace: "Answers can be sent until",
  answers: "Answers",
  answersValue: (used, cap) => `${used} of at most ${cap}`,
  state: "Status",
  stateActive: "Valid now",
  stateEnded: "The meeting is over; answers given at it can still be sent",
  stateExpired: "Expired",
  stateRevoked: "Revoked",
  enrolLink: "Link for the tablet",
  enrolHint:
    "Open the link on each tablet, or scan the QR code with the tablet's camera. The link is the key: share it only with those who set up the tablets.",
  qrLabel: "QR code with the link for the tablet",
  revoke: "Revoke the key …",
  confirmTitle: "Revoke the meeting key?",
  confirmText:
    "Tablets with the key can no longer send answers – not even answers already given but not sent. Those stay on the tablet and can be exported from it. This cannot be undone; make a new key if answers are to be taken again.",
  confirmRevoke: "Yes, revoke it",
  cancel: "Cancel",
  revoking: "Revoking the key …",
  revoked: "The meeting key was revoked. Tablets with it can no longer send answers.",
  revokeFailed: "The meeting key was not revoked:",
};

export const meetingKeyMessages: Record<Locale, MeetingKeyMessages> = { da, en };
