import type { EditorMessages } from "./editorCatalogue.js";

/** The editor's words in Danish; a missing key does not compile. */
export const da: EditorMessages = {
  title: "Tilpas spørgeskemaet",
  intro:
    "Spørgsmål fra skabelonen står ordret, så runderne kan sammenlignes. I kan fjerne og flytte dem og tilføje jeres egne spørgsmål.",
  label: "Versionens navn",
  labelHint: "Fx Klynge Syd + Vejle Kommune, marts 2027",
  undo: "Fortryd",
  questionsHeading: "Spørgsmål",
  questionHeading: (n) => `Spørgsmål ${n}`,
  untitled: "(uden tekst)",
  bankBadge: "Fra skabelonen",
  localBadge: "Lokalt spørgsmål",
  comparableBadge: "Kan sammenlignes",
  comparableNote: (previous) =>
    previous
      ? "«Kan sammenlignes»: svarene kan stilles op mod forrige runde."
      : "«Kan sammenlignes»: svarene kan stilles op mod skabelonens.",
  required: "Skal besvares",
  optional: "Frivilligt",
  questionType: {
    rating: "Skala",
    single: "Ét svar",
    multi: "Flere svar mulige",
    text: "Fritekst",
    matrix: "Skema med rækker",
  },
  insertHere: "Tilføj spørgsmål her",
  insertHereAt: (n) => `Tilføj spørgsmål her, som spørgsmål ${n}`,
  insertTypeGroup: (n) => `Vælg typen af spørgsmål ${n}`,
  cancel: "Annullér",
  duplicate: "Kopiér",
  moveTo: "Flyt til plads",
  moveToButton: "Flyt",
  position: (n, count) => `${n} af ${count}`,
  dragHandle: "Træk",
  dragRole: "flytbart spørgsmål",
  dragInstructions:
    "Tryk mellemrum for at tage spørgsmålet op. Flyt det med pil op og pil ned, tryk mellemrum for at sætte det, eller Escape for at lade det blive, hvor det var.",
  dragStart: (name, n, count) => `${name} er taget op, på plads ${n} af ${count}.`,
  dragOver: (name, n, count) => `${name} er over plads ${n} af ${count}.`,
  dragEnd: (name, n, count) => `${name} er sat på plads ${n} af ${count}.`,
  dragCancel: (name, n) => `Flytningen er annulleret. ${name} står stadig på plads ${n}.`,
  typeDroppedOptions: (labels, type) =>
    `${labels.length === 1 ? "Svarmuligheden" : "Svarmulighederne"} ${quoted(labels, "og")} er fjernet, fordi typen «${type}» ikke har svarmuligheder. Vælg den forrige type igen, eller tryk «Fortryd», for at få dem tilbage.`,
  typeDroppedStandard: (labels, type) =>
    `${quoted(labels, "og")} er fjernet, fordi typen «${type}» ikke har ${labels.length === 1 ? "den svarmulighed" : "de svarmuligheder"}.`,
  typeCheckScale:
    "Svarmulighederne er nu skalapunkter: tjek at de står fra bedst til dårligst, for det øverste punkt tæller højest.",
  discard: "Kassér kladde",
  discardQuestion:
    "Kassér alle ændringer og start forfra fra det oprindelige spørgeskema? Det kan ikke fortrydes.",
  discardConfirm: "Ja, kassér kladden",
  discardKeep: "Nej, behold den",
  discarded: "Kladden er kasseret. Spørgeskemaet er som før jeres ændringer.",
  remove: "Fjern",
  deleteLocal: "Slet",
  removedHeading: "Fjernede spørgsmål",
  restore: "Fortryd fjernelse",
  addHeading: "Tilføj spørgsmål",
  newQuestionType: "Type for nyt spørgsmål",
  add: "Tilføj spørgsmål",
  textDa: "Spørgsmål (dansk)",
  textEn: "Spørgsmål (engelsk, valgfrit)",
  descriptionDa: "Forklaring (dansk, valgfri)",
  descriptionEn: "Forklaring (engelsk, valgfri)",
  requiredField: "Skal besvares",
  condition: {
    legend: "Hvornår vises spørgsmålet?",
    question: "Vis kun hvis dette spørgsmål er besvaret",
    always: "Altid (ingen betingelse)",
    source: (n, text) => `Spørgsmål ${n}: ${text}`,
    notBefore: "(står ikke før dette spørgsmål)",
    gone: "(fjernet spørgsmål)",
    answers: (source) => `… med et af disse svar på «${source}»`,
    pickAnswer: "Sæt kryds ved mindst ét svar. Indtil da vises spørgsmålet for alle.",
    noSource:
      "Et spørgsmål kan vises ud fra svaret på et tidligere spørgsmål med svarmuligheder. Der er intet sådant spørgsmål før dette.",
    remove: "Fjern betingelsen",
    notEarlier: (source) =>
      `«${source}» står nu efter dette spørgsmål. Flyt det op over dette spørgsmål, eller vælg et andet.`,
    unknownQuestion:
      "Spørgsmålet, som betingelsen bygger på, er fjernet. Vælg et andet, eller fjern betingelsen.",
    sourceType: (source) =>
      `«${source}» har ingen svarmuligheder at vælge imellem. Vælg et andet spørgsmål.`,
    unknownOption: (source) =>
      `Et af de valgte svar findes ikke længere i «${source}». Sæt kryds igen.`,
    noAnswer: "Sæt kryds ved mindst ét svar.",
  },
  matrix: {
    rowsLegend: "Rækker",
    rowDa: (n) => `Række ${n} (dansk)`,
    rowEn: (n) => `Række ${n} (engelsk, valgfrit)`,
    addRow: "Tilføj række",
    removeRow: (n) => `Fjern række ${n}`,
    rowHeader: "Række",
    gridCaption: (question) => `Rækker og svarmuligheder: ${question}`,
  },
  typeField: "Spørgsmålstype",
  optionsLegend: "Svarmuligheder",
  scaleLegend: "Skalapunkter",
  scalePointValue: (value) => `Tæller ${value} i gennemsnittet`,
  scaleHint:
    "Skriv skalaen fra bedst til dårligst, som spørgeskemaets øvrige skalaer: det øverste punkt tæller højest i gennemsnittet. «Ved ikke» står uden for skalaen.",
  optionDa: (n) => `Svarmulighed ${n} (dansk)`,
  optionEn: (n) => `Svarmulighed ${n} (engelsk, valgfrit)`,
  addOption: "Tilføj svarmulighed",
  removeOption: (n) => `Fjern svarmulighed ${n}`,
  moveOptionUp: (n) => `Flyt svarmulighed ${n} op`,
  moveOptionDown: (n) => `Flyt svarmulighed ${n} ned`,
  standardLegend: "Faste svarmuligheder",
  standard: {
    other: "Tilføj «Andet (skriv)»",
    none: "Tilføj «Ingen af disse»",
    dontKnow: "Tilføj «Ved ikke»",
  },
  englishText: "Engelsk tekst",
  summaryHeading: "Der er et problem",
  issueCount: (n) => (n === 1 ? "Ret 1 fejl før udgivelse." : `Ret ${n} fejl før udgivelse.`),
  publish: "Udgiv",
  publishing: "Udgiver…",
  published: "Versionen er udgivet.",
  publishFailed: "Versionen kunne ikke udgives. Prøv igen.",
  draftSaving: "Gemmer kladde…",
  draftSaved: "Kladde gemt",
  draftFailed: "Kladden kunne ikke gemmes på enheden.",
  draftRestored: "Kladden fra sidst er hentet.",
  diffHeading: "Ændringer",
  againstTemplate: "I forhold til skabelonen",
  againstPrevious: "I forhold til forrige runde",
  added: "Tilføjet",
  removed: "Fjernet",
  changed: "Ændret",
  moved: "Flyttet",
  noChanges: "Ingen ændringer.",
  notComparable: "kan ikke sammenlignes",
  fieldNames: {
    type: "type",
    text: "tekst",
    description: "forklaring",
    required: "skal besvares",
    options: "svarmuligheder",
    rows: "rækker",
    columns: "kolonner",
    maxLength: "længde",
    showIf: "hvornår det vises",
  },
  previewHeading: "Forhåndsvisning",
  previewUnavailable: "Forhåndsvisningen vises, når fejlene er rettet.",
  previewShow: "Vis forhåndsvisning",
  previewHide: "Skjul forhåndsvisning",
  previewPhone: "Vis som på en telefon",
  errors: {
    labelBlank: "Giv versionen et navn",
    labelTooLong: (limit) => `Versionens navn må højst have ${limit} tegn`,
    textBlank: "Skriv spørgsmålets tekst",
    textTooLong: (limit) => `Spørgsmålets tekst må højst have ${limit} tegn`,
    descriptionTooLong: (limit) => `Forklaringen må højst have ${limit} tegn`,
    optionBlank: (n, scale) =>
      scale ? `Skriv skalapunkt ${n}, eller fjern det` : `Skriv svarmulighed ${n}, eller fjern den`,
    optionTooLong: (n, limit) => `Svarmulighed ${n} må højst have ${limit} tegn`,
    tooFewOptions: (scale) =>
      scale
        ? "Skriv mindst to skalapunkter («Ved ikke» tæller ikke med)"
        : "Skriv mindst to svarmuligheder («Andet», «Ingen af disse» og «Ved ikke» tæller ikke med)",
    tooManyOptions: (limit) => `Der må højst være ${limit} svarmuligheder`,
    duplicateOption: (label) => `To svarmuligheder hedder «${label}»`,
    dontKnowAsOption: (label, scale) =>
      scale
        ? `«${label}» skal være afkrydsningen «Ved ikke», ikke et skalatrin: ellers tæller svaret med i gennemsnittet`
        : `«${label}» skal være afkrydsningen «Ved ikke», ikke en almindelig svarmulighed: så holdes svaret uden for fordelingen`,
    otherRepeated: (label) =>
      `«${label}» er det samme som «Andet (skriv)», der allerede er sat kryds ved: fjern den, ellers ser de svarende to «Andet»`,
    scaleOrder: (label) =>
      `Skalaen skal stå fra bedste til dårligste svar: «${label}» står under et punkt, der ikke er bedre`,
    duplicateQuestion: "Spørgsmålet står allerede i spørgeskemaet: skriv en anden tekst",
    noQuestions:
      "Spørgeskemaet skal have mindst ét spørgsmål: fortryd en fjernelse, eller tilføj et spørgsmål",
    tooManyQuestions: (limit) => `Spørgeskemaet må højst have ${limit} spørgsmål`,
    conditionUnknownQuestion:
      "Spørgsmålet, som det afhænger af, er fjernet: vælg et andet, eller vis det altid",
    conditionNotEarlier:
      "Spørgsmålet, som det afhænger af, skal stå før det: flyt et af dem, eller vælg et andet",
    conditionSourceType:
      "Det kan kun afhænge af en skala eller et spørgsmål med svarmuligheder, ikke af fritekst",
    conditionUnknownOption:
      "Et af de svar, som det afhænger af, findes ikke længere: vælg svarene igen",
    inQuestion: (n, error) => `Spørgsmål ${n}: ${error}`,
  },
};

function quoted(labels: readonly string[], and: string): string {
  const all = labels.map((label) => `«${label}»`);
  return all.length < 2 ? all.join("") : `${all.slice(0, -1).join(", ")} ${and} ${all.at(-1)}`;
}
