import type { Locale } from "../messages.js";

/** The texts of "Runder" and "Versioner". Danish first. */
const da = {
  roundsTitle: (cluster: string) => `Runder i ${cluster}`,
  roundsIntroCoordinator:
    "Klyngens runder, ældste først. Her henter du svarene, uploader kommunens henvisninger, afslutter en runde og sletter de rå svar, når de ikke skal bruges længere.",
  roundsIntro: "Klyngens runder, ældste først, med antal svar.",
  retention: (months: number) =>
    `De rå svar slettes automatisk ${months} måneder efter, at en runde er afsluttet. Rundens rapport gemmes.`,
  roundsLoading: "Henter runderne …",
  roundsFailed: "Runderne kunne ikke hentes:",
  roundsNone: "Klyngen har ingen runder endnu.",
  newRoundLink: "Opret en ny runde",

  questionnaire: "Spørgeskema",
  municipality: "Kommune",
  responses: "Svar",
  responsesDeleted: "Slettet; rapporten har dem talt med",
  invited: "Inviterede",
  status: "Status",
  open: "Åben – tager imod svar",
  closedOn: (date: string) =>
    `Afsluttet ${date}; tager stadig imod svar, indtil de rå svar slettes`,
  rawDeletedOn: (date: string) => `De rå svar blev slettet ${date}; rapporten er gemt`,
  linksSummary: "Links og indlejring",
  resultsLink: "Se resultater",
  invitationsLink: "Invitationer og svar",
  invitationsFact: "Invitationer",
  invitationsUsed: (used: number, invited: number) => `${used} af ${invited} brugt`,
  openLinkFact: "Åbent link",
  openLinkOn: "Slået til (markeres i rapporten)",

  downloadSpreadsheet: "Hent svarene som regneark (Excel)",
  downloadSpreadsheetOf: (round: string) => `Hent svarene fra ${round} som regneark (Excel)`,
  spreadsheetHint:
    "Ét ark med svarene i ord (én række pr. besvarelse) og en kodebog, der forklarer hver kolonne.",
  downloadingSpreadsheet: "Henter regnearket …",
  spreadsheetSaved: (file: string) => `Svarene er hentet som ${file}.`,
  spreadsheetFailed: "Regnearket kunne ikke hentes:",
  downloadCsv: "Hent svar (CSV)",
  downloading: "Henter svarene …",
  downloaded: (file: string) => `Svarene er hentet som ${file}.`,
  downloadFailed: "Svarene kunne ikke hentes:",
  referralsLabel: "Kommunens henvisninger (CSV-fil)",
  referralsHint:
    "Kolonner: ydernummer, tilbud, henvisninger, tilknyttede patienter. En ny fil erstatter den forrige.",
  uploadReferrals: "Upload henvisninger",
  uploading: "Uploader …",
  noFile: "Vælg først en CSV-fil.",
  uploaded: (rows: number, round: string) =>
    `${rows} ${rows === 1 ? "række" : "rækker"} med henvisninger er gemt for ${round}.`,
  uploadFailed: "Henvisningerne blev ikke gemt:",
  close: "Afslut runden",
  closing: "Afslutter …",
  closed: (round: string) =>
    `${round} er afsluttet. Den tager stadig imod svar, indtil de rå svar slettes.`,
  closeFailed: "Runden blev ikke afsluttet:",
  deleteRaw: "Slet de rå svar …",
  confirmTitle: (round: string) => `Slet de rå svar fra ${round}?`,
  confirmText: (responses: number) =>
    `De ${responses} enkelte besvarelser slettes for altid, og runden tager ikke imod flere svar. Rundens rapport – de samlede tal efter anonymitetsreglerne – gemmes, så runden stadig kan vises og sammenlignes med senere runder. Hent svarene som CSV først, hvis I skal bruge dem.`,
  confirmDelete: "Ja, slet de rå svar",
  cancel: "Fortryd",
  deleting: "Sletter …",
  deleted: (count: number, round: string) =>
    `${count} ${count === 1 ? "besvarelse" : "besvarelser"} er slettet fra ${round}. Rapporten er gemt til senere sammenligninger.`,
  deleteFailed: "De rå svar blev ikke slettet:",

  versionsTitle: (cluster: string) => `Versioner i ${cluster}`,
  versionsIntro:
    "De versioner af spørgeskemaet, klyngen har udgivet, nyeste først. Hver runde bruger én af dem.",
  versionsLoading: "Henter versionerne …",
  versionsFailed: "Versionerne kunne ikke hentes:",
  versionsNone: "Klyngen har ikke udgivet nogen versioner endnu.",
  publishedOn: "Udgivet",
  publishedBy: "Udgivet af",
  template: "Skabelon",
  noTemplate: "Ingen (egen version)",
  templateName: (title: string, semver: string) => `${title}, version ${semver}`,
  base: "Bygger på",
  baseNone: "Skabelonen, uændret",
  baseOutside: "En version, klyngen ikke har udgivet",
  questions: "Spørgsmål",
  newRoundOnShort: "Ny runde på denne version",
  adaptFrom: "Tilpas videre",
};

export type RoundMessages = typeof da;

const en: RoundMessages = {
  roundsTitle: (cluster) => `Rounds in ${cluster}`,
  roundsIntroCoordinator:
    "The cluster's rounds, oldest first. Here you download the answers, upload the municipality's referrals, close a round and delete the raw answers when they are no longer needed.",
  roundsIntro: "The cluster's rounds, oldest first, with their response counts.",
  retention: (months) =>
    `Raw answers are deleted automatically ${months} months after a round is closed. The round's report is kept.`,
  roundsLoading: "Loading the rounds …",
  roundsFailed: "The rounds could not be loaded:",
  roundsNone: "The cluster has no rounds yet.",
  newRoundLink: "Create a new round",

  questionnaire: "Questionnaire",
  municipality: "Municipality",
  responses: "Responses",
  responsesDeleted: "Deleted; the report has them counted",
  invited: "Invited",
  status: "Status",
  open: "Open – taking answers",
  closedOn: (date) => `Closed ${date}; still takes answers until the raw answers are deleted`,
  rawDeletedOn: (date) => `The raw answers were deleted ${date}; the report is kept`,
  linksSummary: "Links and embedding",
  resultsLink: "See results",
  invitationsLink: "Invitations and answers",
  invitationsFact: "Invitations",
  invitationsUsed: (used, invited) => `${used} of ${invited} used`,
  openLinkFact: "Open link",
  openLinkOn: "On (marked in the report)",

  downloadSpreadsheet: "Download the answers as a spreadsheet (Excel)",
  downloadSpreadsheetOf: (round) => `Download the answers of ${round} as a spreadsheet (Excel)`,
  spreadsheetHint:
    "One sheet with the answers in words (one row per response) and a codebook that explains each column.",
  downloadingSpreadsheet: "Downloading the spreadsheet …",
  spreadsheetSaved: (file) => `The answers were downloaded as ${file}.`,
  spreadsheetFailed: "The spreadsheet could not be downloaded:",
  downloadCsv: "Download answers (CSV)",
  downloading: "Downloading the answers …",
  downloaded: (file) => `The answers were downloaded as ${file}.`,
  downloadFailed: "The answers could not be downloaded:",
  referralsLabel: "The municipality's referrals (CSV file)",
  referralsHint:
    "Columns: provider number, offer, referrals, listed patients. A new file replaces the previous one.",
  uploadReferrals: "Upload referrals",
  uploading: "Uploading …",
  noFile: "Choose a CSV file first.",
  uploaded: (rows, round) =>
    `${rows} ${rows === 1 ? "row" : "rows"} of referrals saved for ${round}.`,
  uploadFailed: "The referrals were not saved:",
  close: "Close the round",
  closing: "Closing …",
  closed: (round) =>
    `${round} is closed. It still takes answers until the raw answers are deleted.`,
  closeFailed: "The round was not closed:",
  deleteRaw: "Delete the raw answers …",
  confirmTitle: (round) => `Delete the raw answers of ${round}?`,
  confirmText: (responses) =>
    `The ${responses} individual responses are deleted for good, and the round takes no more answers. The round's report – the totals after the anonymity rules – is kept, so the round can still be shown and compared with later rounds. Download the answers as CSV first if you need them.`,
  confirmDelete: "Yes, delete the raw answers",
  cancel: "Cancel",
  deleting: "Deleting …",
  deleted: (count, round) =>
    `${count} ${count === 1 ? "response was" : "responses were"} deleted from ${round}. The report is kept for later comparisons.`,
  deleteFailed: "The raw answers were not deleted:",

  versionsTitle: (cluster) => `Versions in ${cluster}`,
  versionsIntro:
    "The questionnaire versions the cluster has published, newest first. Each round uses one of them.",
  versionsLoading: "Loading the versions …",
  versionsFailed: "The versions could not be loaded:",
  versionsNone: "The cluster has not published any versions yet.",
  publishedOn: "Published",
  publishedBy: "Published by",
  template: "Template",
  noTemplate: "None (own version)",
  templateName: (title, semver) => `${title}, version ${semver}`,
  base: "Based on",
  baseNone: "The template, unchanged",
  baseOutside: "A version the cluster has not published",
  questions: "Questions",
  newRoundOnShort: "New round on this version",
  adaptFrom: "Adapt further",
};

export const roundMessages: Record<Locale, RoundMessages> = { da, en };
