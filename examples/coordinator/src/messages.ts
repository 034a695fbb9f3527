import type { Locale, PlanItem } from "@klynge/engine";
import { type ReportMessages, reportMessages } from "@klynge/widget/report";

// The engine's locales, declared there once.
export type { Locale };

/**
 * Every text of the coordinator's pages and of the slide deck, Danish first. The words of the
 * report's figures ("skjult", "Besvaret af 12", why a figure is withheld) are the shared report
 * view-model's (`@klynge/widget/report`), so the page, the deck and the tablet say the same.
 */

type Speaker = Extract<PlanItem, { kind: "block" }>["talks"][number]["by"];
type FollowUpKind = Extract<PlanItem, { kind: "follow-up" }>["actions"][number]["kind"];

const daSpeaker: Record<Speaker, string> = {
  municipality: "Kommunens",
  cluster: "Klyngens",
  kiap: "KiAP's",
};
const enSpeaker: Record<Speaker, string> = {
  municipality: "The municipality's",
  cluster: "The cluster's",
  kiap: "KiAP's",
};

const da = {
  appName: "Klynge – koordinator",
  language: "English",
  languageLabel: "Switch to English",
  largeText: "Stor skrift",
  editTitle: (cluster: string) => `Tilpas spørgeskema for ${cluster}`,
  editIntro:
    "Fjern, flyt og tilføj spørgsmål til klyngens og kommunens forhold. Når du udgiver, gemmes versionen i klyngen, og du kan oprette runden på den. Dit arbejde gemmes løbende på denne enhed.",
  editStartLabel: "Tag udgangspunkt i",
  editStartTemplate: (title: string) => `Skabelon: ${title}`,
  editStartVersion: (label: string) => `Udgivet version: ${label}`,
  editPreviousLabel: "Sammenlign med en tidligere runde (valgfri)",
  editPreviousNone: "Ingen",
  templatesGroup: "Skabeloner fra KiAP",
  versionsGroup: "Klyngens udgivne versioner",
  versionLoadFailed: "Versionen kunne ikke hentes:",
  loadingVersion: "Henter spørgeskemaet …",
  publishRefused: "Versionen blev ikke udgivet:",
  published: (label: string) => `Versionen «${label}» er udgivet. Opret runden på den nedenfor.`,

  // Ny runde
  newRoundTitle: (cluster: string) => `Ny runde i ${cluster}`,
  newRoundIntroChosen:
    "Udfyld rundens oplysninger. Du får derefter links til at indlejre spørgeskemaet og til mødeappen.",
  newRoundIntro:
    "Vælg spørgeskemaet – en af KiAP's klyngepakker eller en version, klyngen har udgivet – og udfyld rundens oplysninger. Du får derefter links til at indlejre spørgeskemaet og til mødeappen.",
  clusterFact: (cluster: string) => `Klynge: ${cluster}`,
  templateLabel: "Spørgeskema",
  templateOption: (title: string, semver: string, questions: number) =>
    `${title} (version ${semver}, ${questions} spørgsmål)`,
  publishedOption: (label: string, questions: number) => `${label} (${questions} spørgsmål)`,
  municipalityLabel: "Kommune",
  municipalityHint: "Valgfri. F.eks. Vejle Kommune",
  municipalityNone: "Ingen kommune angivet",
  roundLabelLabel: "Rundens navn",
  roundLabelHint: "F.eks. Baseline, marts 2027",
  invitedLabel: "Antal inviterede (valgfri)",
  invitedHint: "Giver svarprocenten.",
  roundIdLabel: "Rundens id",
  roundIdHint: (prefix: string) =>
    `Begynder altid med klyngens id og et punktum (${prefix}). Resten foreslås ud fra måneden og kan rettes: bogstaver, tal og . _ - (højst 64 tegn i alt).`,
  roundIdMissing: "Skriv resten af rundens id, f.eks. måneden.",
  shareLabel: "Sider, der må modtage svarene (valgfri)",
  shareHint:
    "Kun sider på KiAP's liste over godkendte sider. Intet valgt: svarene går kun til Klynge.",
  shareNone: "KiAP har ikke godkendt nogen sider, så svarene går kun til Klynge.",
  shareLoading: "Henter KiAP's godkendte sider …",
  shareFailed: "KiAP's godkendte sider kunne ikke hentes, så runden oprettes uden deling.",
  createRound: "Opret runde",
  creating: "Opretter runden …",
  formHasErrors: "Runden er ikke oprettet. Ret felterne markeret med fejl.",
  created: (label: string) => `Runden ${label} er oprettet.`,
  createdAgain: (label: string) => `Runden ${label} fandtes allerede med samme indhold.`,
  idTaken: "Id'et er allerede brugt til en anden runde. Vælg et andet id.",
  serverRefused: "Runden blev ikke oprettet:",
  serverUnreachable: "Klynges server svarer ikke. Prøv igen om lidt.",
  toRounds: "Se klyngens runder",
  embedSnippet: "Indlejring på en hjemmeside (kopiér koden)",
  meetingLink: "Mødeappen (tablets på mødet)",
  resultsLink: "Resultater",
  roundColumn: "Runde",
  clusterColumn: "Klynge og kommune",
  responsesColumn: "Svar",

  // Resultater
  resultsTitle: (cluster: string) => `Resultater i ${cluster}`,
  chooseRounds: "Vælg runder",
  firstRoundLabel: "Runde (baseline)",
  secondRoundLabel: "Sammenlign med (opfølgning, valgfri)",
  noSecondRound: "Ingen sammenligning",
  showResults: "Vis resultater",
  sameRoundTwice: "Vælg to forskellige runder.",
  loadingReport: "Henter resultaterne …",
  reportFailed: "Resultaterne kunne ikke hentes:",
  roundsLoading: "Henter runderne …",
  roundsFailed: "Runderne kunne ikke hentes:",
  roundsNone: "Klyngen har ingen runder endnu, så der er ingen resultater at vise.",
  roundOption: (label: string, responses: number) => `${label} (${responses} svar)`,
  roundOptionKept: (label: string) => `${label} (rå svar slettet, rapporten gemt)`,
  reportInvalid: "Resultaterne blev afvist, fordi de ikke har den forventede form:",
  downloadDeck: "Hent PowerPoint",
  buildingDeck: "Laver PowerPoint …",
  deckFailed: "PowerPointen kunne ikke laves.",
  generatedAt: (date: string) => `Beregnet ${date}`,
  anonymityIntro: (k: number) =>
    `Tal fra færre end ${k} personer vises ikke, og heller ikke tal, som de kunne regnes ud fra (anonymitet). Skjulte tal står som "skjult", ikke som 0.`,
  roundsSummary: "Runderne",
  openLinkTag: "åbent link",
  openLinkNote:
    "«Åbent link»: runden tog også imod svar fra alle med rundens link (højst så mange som inviterede), så de svarende er ikke nødvendigvis de inviterede medlemmer.",
  respondents: "Besvarelser",
  invited: "Inviterede",
  responseRate: "Svarprocent",
  unknown: "ukendt",
  questionsTitle: "Spørgsmål",
  answeredIn: (round: string, n: string) => `${round}: besvaret af ${n}`,
  chartOf: (question: string) => `Diagram: ${question}. Tallene står i tabellen.`,
  tableCaption: (question: string) => `Tal for: ${question}`,
  notesTitle: "Skjulte tal og hvorfor",
  notesNone: "Ingen tal er skjult.",
  notesSummary: (n: number) => `Vis de ${n} forklaringer`,
  notesIntro: (k: number) =>
    `Et antal vises ikke, når færre end ${k} valgte svaret, når alle i en lille gruppe valgte det, eller når det ellers kunne regnes ud fra de tal, der vises.`,
  notesWholeRound: "Runderne som helhed",
  comparisonTitle: (baseline: string, followUp: string) => `Udvikling: ${baseline} → ${followUp}`,
  comparisonIntro:
    "Ændring i procentpoint (andel i opfølgningen minus andel i baseline). Svar, som ingen valgte i nogen af runderne, er udeladt.",
  comparisonQuestion: "Spørgsmål",
  comparisonBaseline: "Baseline",
  comparisonFollowUp: "Opfølgning",
  comparisonChange: "Ændring",
  notComparable: "Kan ikke sammenlignes: spørgsmålet er ændret mellem runderne.",
  notComparableShort: "ikke sammenlignelig",
  addedQuestions: (n: number) => `${n} spørgsmål er nye i opfølgningen.`,
  removedQuestions: (n: number) => `${n} spørgsmål er fjernet i opfølgningen.`,
  referralTitle: "Henvisninger pr. 1.000 tilknyttede patienter",
  referralIntro: (step: string) =>
    `Klyngens praksisser under pseudonym (nyt for hver rapport). Raterne er afrundet til nærmeste ${step} pr. 1.000.`,
  referralNone: "Der er ingen henvisningsdata til disse runder.",
  referralPractice: "Praksis",
  referralRate: "Henvisninger pr. 1.000",
  referralFewer: (display: string, k: number) => `${display} (færre end ${k} henvisninger)`,
  referralAverage: "Gennemsnit for praksisserne",
  referralAverageHidden: (k: number) => `skjult (en praksis har færre end ${k} henvisninger)`,

  // The deck
  deckTitle: "Resultater af spørgeskemaet",
  deckDate: (date: string) => `Udarbejdet ${date}`,
  deckAnswered: (parts: string) => `Besvaret af: ${parts}`,
  deckHiddenNote: (k: number) =>
    `Skjult = færre end ${k} eller kan regne et lille tal ud (anonymitet)`,
  deckContinued: "(fortsat)",
  deckTextsHidden: (k: number) => `Skjult: færre end ${k} har svaret.`,
  deckNoTexts: "Ingen svar.",
  deckTextRepeated: "skrevet af flere",
  deckReferralNote: (k: number, step: string) =>
    `En manglende søjle betyder færre end ${k} henvisninger. Raterne er afrundet til ${step} pr. 1.000.`,
  deckReferralSource:
    "Kilde: kommunens henvisningsfil (antal henvisninger og tilknyttede patienter pr. praksis), uploadet til runden.",
  deckReferralPeriod: (period: string | undefined) =>
    period === undefined
      ? "Periode: står ikke i kommunens fil – spørg kommunen, hvilken periode tallene dækker."
      : `Periode: ${period}.`,
  deckResponseRate: (round: string, respondents: string, invited: string, rate: string) =>
    `${round}: ${respondents} af ${invited} inviterede har svaret (svarprocent ${rate})`,
  deckResponseRateHidden: (round: string, invited: string) =>
    `${round}: ${invited} inviterede, svarprocent skjult (anonymitet)`,
  deckRespondents: (round: string, respondents: string) => `${round}: ${respondents} har svaret`,
  deckRespondentsHidden: (round: string, k: number) =>
    `${round}: antal svar skjult (færre end ${k})`,
  deckProgramme: "Program",
  deckMinutes: (minutes: number) => `${minutes} min`,
  deckTotal: "I alt",
  deckBlock: (n: number, title: string) => `Blok ${n}: ${title}`,
  deckTalkSlot: (by: Speaker, minutes: number) =>
    `${daSpeaker[by]} oplæg (${minutes} min) – indsæt slides her`,
  deckTalkSlotHint:
    "Denne side er en pladsholder: erstat den med oplægsholderens egne slides, eller slet den.",
  deckReflections: (block: string) => `Refleksion: ${block}`,
  deckDialog: "Fælles dialog",
  deckOtherQuestions: "Øvrige spørgsmål",
  deckOtherQuestionsIntro:
    "Spørgsmål i klyngens spørgeskema, som programmet ikke gennemgår, fx lokale spørgsmål.",
  deckActions: (title: string) => `${title}: efter mødet`,
  deckActionKind: {
    implementation: "Implementering",
    "follow-up-meeting": "Opfølgende møde",
    "klu-agenda": "KLU's dagsorden",
    "new-data": "Nye data",
  } satisfies Record<FollowUpKind, string>,
  deckNotOffered: "ikke med i runden",
  deckRoundTexts: (kind: string, round: string) => `${kind} – ${round}`,
  deckNotesOption: (label: string, figure: string) => `${label}: ${figure}`,
  deckNotesCount: (count: string, share: string) => `${count} (${share})`,
  deckNotesMean: (mean: string) => `Gennemsnit: ${mean}`,
  deckNotesTexts: (shown: number, k: number) =>
    `${shown} svar på sliden. Ens svar er slået sammen med antal, når mindst ${k} har skrevet det samme; ellers står de hver for sig.`,
  deckNotesReferral: (offer: string, parts: string) => `${offer}: ${parts}`,
};

type OwnMessages = typeof da;
export type CoordinatorMessages = ReportMessages & OwnMessages;

const en: OwnMessages = {
  appName: "Klynge – coordinator",
  language: "Dansk",
  languageLabel: "Skift til dansk",
  largeText: "Large text",
  editTitle: (cluster) => `Adapt a questionnaire for ${cluster}`,
  editIntro:
    "Remove, move and add questions for the cluster's and the municipality's circumstances. Publishing keeps the version in the cluster, and you can create the round on it. Your work is kept on this device as you go.",
  editStartLabel: "Start from",
  editStartTemplate: (title) => `Template: ${title}`,
  editStartVersion: (label) => `Published version: ${label}`,
  editPreviousLabel: "Compare with an earlier round (optional)",
  editPreviousNone: "None",
  templatesGroup: "KiAP's templates",
  versionsGroup: "The cluster's published versions",
  versionLoadFailed: "The version could not be loaded:",
  loadingVersion: "Loading the questionnaire …",
  publishRefused: "The version was not published:",
  published: (label) => `The version “${label}” is published. Create the round on it below.`,

  newRoundTitle: (cluster) => `New round in ${cluster}`,
  newRoundIntroChosen:
    "Fill in the round's details. You then get links to embed the survey and to the meeting app.",
  newRoundIntro:
    "Choose the questionnaire – one of KiAP's cluster packages or a version the cluster has published – and fill in the round's details. You then get links to embed the survey and to the meeting app.",
  clusterFact: (cluster) => `Cluster: ${cluster}`,
  templateLabel: "Questionnaire",
  templateOption: (title, semver, questions) =>
    `${title} (version ${semver}, ${questions} questions)`,
  publishedOption: (label, questions) => `${label} (${questions} questions)`,
  municipalityLabel: "Municipality",
  municipalityHint: "Optional. E.g. Vejle Kommune",
  municipalityNone: "No municipality given",
  roundLabelLabel: "Round name",
  roundLabelHint: "E.g. Baseline, March 2027",
  invitedLabel: "Number invited (optional)",
  invitedHint: "Gives the response rate.",
  roundIdLabel: "Round id",
  roundIdHint: (prefix) =>
    `Always starts with the cluster's id and a full stop (${prefix}). The rest is suggested from the month and can be changed: letters, digits and . _ - (at most 64 characters in all).`,
  roundIdMissing: "Write the rest of the round's id, e.g. the month.",
  shareLabel: "Sites that may receive the answers (optional)",
  shareHint:
    "Only sites on KiAP's list of approved sites. None chosen: the answers go to Klynge only.",
  shareNone: "KiAP has approved no sites, so the answers go to Klynge only.",
  shareLoading: "Loading KiAP's approved sites …",
  shareFailed:
    "KiAP's approved sites could not be loaded, so the round is created without sharing.",
  createRound: "Create round",
  creating: "Creating the round …",
  formHasErrors: "The round was not created. Correct the fields marked with errors.",
  created: (label) => `The round ${label} has been created.`,
  createdAgain: (label) => `The round ${label} already existed with the same content.`,
  idTaken: "The id is already used for another round. Choose another id.",
  serverRefused: "The round was not created:",
  serverUnreachable: "Klynge's server does not answer. Try again shortly.",
  toRounds: "See the cluster's rounds",
  embedSnippet: "Embedding on a website (copy the code)",
  meetingLink: "The meeting app (tablets at the meeting)",
  resultsLink: "Results",
  roundColumn: "Round",
  clusterColumn: "Cluster and municipality",
  responsesColumn: "Responses",

  resultsTitle: (cluster) => `Results in ${cluster}`,
  chooseRounds: "Choose rounds",
  firstRoundLabel: "Round (baseline)",
  secondRoundLabel: "Compare with (follow-up, optional)",
  noSecondRound: "No comparison",
  showResults: "Show results",
  sameRoundTwice: "Choose two different rounds.",
  loadingReport: "Loading the results …",
  reportFailed: "The results could not be loaded:",
  roundsLoading: "Loading the rounds …",
  roundsFailed: "The rounds could not be loaded:",
  roundsNone: "The cluster has no rounds yet, so there are no results to show.",
  roundOption: (label, responses) => `${label} (${responses} responses)`,
  roundOptionKept: (label) => `${label} (raw answers deleted, report kept)`,
  reportInvalid: "The results were refused because they do not have the expected shape:",
  downloadDeck: "Download PowerPoint",
  buildingDeck: "Building the PowerPoint …",
  deckFailed: "The PowerPoint could not be built.",
  generatedAt: (date) => `Computed ${date}`,
  anonymityIntro: (k) =>
    `Figures from fewer than ${k} people are not shown, nor figures they could be worked out from (anonymity). Hidden figures read "hidden", not 0.`,
  roundsSummary: "The rounds",
  openLinkTag: "open link",
  openLinkNote:
    "“Open link”: the round also took answers from anyone with the round's link (at most as many as were invited), so those answering are not necessarily the members invited.",
  respondents: "Responses",
  invited: "Invited",
  responseRate: "Response rate",
  unknown: "unknown",
  questionsTitle: "Questions",
  answeredIn: (round, n) => `${round}: answered by ${n}`,
  chartOf: (question) => `Chart: ${question}. The figures are in the table.`,
  tableCaption: (question) => `Figures for: ${question}`,
  notesTitle: "Hidden figures and why",
  notesNone: "No figure is hidden.",
  notesSummary: (n: number) => `Show the ${n} explanations`,
  notesIntro: (k) =>
    `A count is not shown when fewer than ${k} chose the answer, when everyone in a small group chose it, or when it could otherwise be worked out from the figures shown.`,
  notesWholeRound: "The rounds as a whole",
  comparisonTitle: (baseline, followUp) => `Development: ${baseline} → ${followUp}`,
  comparisonIntro:
    "Change in percentage points (share in the follow-up minus share in the baseline). Options nobody chose in either round are left out.",
  comparisonQuestion: "Question",
  comparisonBaseline: "Baseline",
  comparisonFollowUp: "Follow-up",
  comparisonChange: "Change",
  notComparable: "Cannot be compared: the question changed between the rounds.",
  notComparableShort: "not comparable",
  addedQuestions: (n) => `${n} question(s) are new in the follow-up.`,
  removedQuestions: (n) => `${n} question(s) were removed in the follow-up.`,
  referralTitle: "Referrals per 1,000 listed patients",
  referralIntro: (step) =>
    `The cluster's practices under pseudonyms (new for every report). Rates are rounded to the nearest ${step} per 1,000.`,
  referralNone: "There are no referral data for these rounds.",
  referralPractice: "Practice",
  referralRate: "Referrals per 1,000",
  referralFewer: (display, k) => `${display} (fewer than ${k} referrals)`,
  referralAverage: "Average of the practices",
  referralAverageHidden: (k) => `hidden (a practice has fewer than ${k} referrals)`,

  deckTitle: "Survey results",
  deckDate: (date) => `Prepared ${date}`,
  deckAnswered: (parts) => `Answered by: ${parts}`,
  deckHiddenNote: (k) => `Hidden = fewer than ${k}, or would reveal a small figure (anonymity)`,
  deckContinued: "(continued)",
  deckTextsHidden: (k) => `Hidden: fewer than ${k} answered.`,
  deckNoTexts: "No answers.",
  deckTextRepeated: "written by several",
  deckReferralNote: (k, step) =>
    `A missing bar means fewer than ${k} referrals. Rates are rounded to ${step} per 1,000.`,
  deckReferralSource:
    "Source: the municipality's referral file (referrals and listed patients per practice), uploaded for the round.",
  deckReferralPeriod: (period) =>
    period === undefined
      ? "Period: not stated in the municipality's file – ask the municipality which period the figures cover."
      : `Period: ${period}.`,
  deckResponseRate: (round, respondents, invited, rate) =>
    `${round}: ${respondents} of ${invited} invited answered (response rate ${rate})`,
  deckResponseRateHidden: (round, invited) =>
    `${round}: ${invited} invited, response rate hidden (anonymity)`,
  deckRespondents: (round, respondents) => `${round}: ${respondents} answered`,
  deckRespondentsHidden: (round, k) => `${round}: number of answers hidden (fewer than ${k})`,
  deckProgramme: "Programme",
  deckMinutes: (minutes) => `${minutes} min`,
  deckTotal: "Total",
  deckBlock: (n, title) => `Block ${n}: ${title}`,
  deckTalkSlot: (by, minutes) => `${enSpeaker[by]} talk (${minutes} min) – insert slides here`,
  deckTalkSlotHint:
    "This slide is a placeholder: replace it with the speaker's own slides, or delete it.",
  deckReflections: (block) => `Reflection: ${block}`,
  deckDialog: "Joint dialogue",
  deckOtherQuestions: "Other questions",
  deckOtherQuestionsIntro:
    "Questions in the cluster's questionnaire that the programme does not go through, e.g. local questions.",
  deckActions: (title) => `${title}: after the meeting`,
  deckActionKind: {
    implementation: "Implementation",
    "follow-up-meeting": "Follow-up meeting",
    "klu-agenda": "The KLU's agenda",
    "new-data": "New data",
  },
  deckNotOffered: "not in the round",
  deckRoundTexts: (kind, round) => `${kind} – ${round}`,
  deckNotesOption: (label, figure) => `${label}: ${figure}`,
  deckNotesCount: (count, share) => `${count} (${share})`,
  deckNotesMean: (mean) => `Mean: ${mean}`,
  deckNotesTexts: (shown, k) =>
    `${shown} answers on the slide. Identical answers are merged with a count when at least ${k} wrote the same; otherwise they are listed one by one.`,
  deckNotesReferral: (offer, parts) => `${offer}: ${parts}`,
};

export const coordinatorMessages: Record<Locale, CoordinatorMessages> = {
  da: { ...reportMessages.da, ...da },
  en: { ...reportMessages.en, ...en },
};
