import type { ChangeWithheld } from "../comparisonView.js";
import type { ReportMessages } from "./reportCatalogue.js";

const side: Record<ChangeWithheld, string> = {
  baseline: "i baseline",
  follow_up: "i opfølgningen",
  both: "i begge runder",
};

export const da: ReportMessages = {
  answered: (n) => `Besvaret af ${n}`,
  nobodyAnswered: "Ingen har besvaret spørgsmålet.",
  hiddenFew: (k) => `Skjult: færre end ${k} har besvaret spørgsmålet.`,
  hiddenDerived: "Skjult af hensyn til anonymiteten: antallet ville afsløre et andet skjult tal.",
  notAsked: "Ikke stillet i denne runde.",
  askedOnlyIf: (answers, question) =>
    `Spurgt dem, der svarede ${new Intl.ListFormat("da", { type: "disjunction" }).format(answers.map((a) => `«${a}»`))} på «${question}».`,
  asked: (n, of) => (of === undefined ? `Spurgt ${n}` : `Spurgt ${n} af ${of}`),
  askedHidden: (k) => `Antal spurgte skjult (færre end ${k})`,
  askedHiddenDerived: "Antal spurgte skjult (anonymitet)",
  option: "Svarmulighed",
  count: "Antal",
  share: "Andel",
  hidden: "skjult",
  notOffered: "ikke stillet",
  mean: (value) => `Gennemsnit: ${value}`,
  meanHidden: "Gennemsnit: skjult",
  meanRow: "Gennemsnit (skalatrin)",
  textsTitle: "Fritekstsvar",
  otherTextsTitle: "Andet (fritekst)",
  textsHidden: "Skjult af hensyn til anonymiteten.",
  pp: (value) => `${value} procentpoint`,
  changeWhyShare: (which) =>
    `Ingen ændring vist: tallet er skjult ${side[which]} (se spørgsmålet ovenfor).`,
  changeWhyMean: (which) =>
    `Gennemsnittet er skjult ${side[which]}, fordi et antal i spørgsmålets tabel er skjult, og gennemsnittet sammen med de viste antal ville afsløre det (anonymitet).`,
  changeWhyMeanFew: (which, k) =>
    `Gennemsnittet er skjult ${side[which]}, fordi færre end ${k} har svaret på skalaen ("Ved ikke" tæller ikke med).`,
  changeWhyNobody: "Ingen ændring vist: ingen har besvaret spørgsmålet i den ene runde.",
  notesSomeRound: "En runde",
  notesSomeOption: "et svar",
  notesCounts: (round, options, row) =>
    `${round}: antallet vises ikke for ${options}${row === undefined ? "" : ` i rækken »${row}«`}.`,
  notesLine: (round, reason) => `${round}: ${reason}`,
  notesOther: (round, reason, k, wholeRound) =>
    reason === "few_respondents"
      ? `${round}: ${wholeRound ? "ingen tal vises" : "svarene vises ikke"}, fordi færre end ${k} har svaret (anonymitet).`
      : `${round}: ${wholeRound ? "ingen tal vises" : "tallene vises ikke"}, fordi de sammen med de viste tal ville afsløre et skjult antal (anonymitet).`,
  notesPlace: { row: "rækken", round: "runden" },
};
