import type { ChangeWithheld } from "../comparisonView.js";
import type { ReportMessages } from "./reportCatalogue.js";

const side: Record<ChangeWithheld, string> = {
  baseline: "in the baseline",
  follow_up: "in the follow-up",
  both: "in both rounds",
};

export const en: ReportMessages = {
  answered: (n) => `Answered by ${n}`,
  nobodyAnswered: "Nobody answered the question.",
  hiddenFew: (k) => `Hidden: fewer than ${k} answered the question.`,
  hiddenDerived: "Hidden for anonymity: the number would reveal another hidden figure.",
  notAsked: "Not asked in this round.",
  askedOnlyIf: (answers, question) =>
    `Asked those who answered ${new Intl.ListFormat("en", { type: "disjunction" }).format(answers.map((a) => `“${a}”`))} to “${question}”.`,
  asked: (n, of) => (of === undefined ? `Asked ${n}` : `Asked ${n} of ${of}`),
  askedHidden: (k) => `Number asked hidden (fewer than ${k})`,
  askedHiddenDerived: "Number asked hidden (anonymity)",
  option: "Option",
  count: "Count",
  share: "Share",
  hidden: "hidden",
  notOffered: "not asked",
  mean: (value) => `Mean: ${value}`,
  meanHidden: "Mean: hidden",
  meanRow: "Mean (scale steps)",
  textsTitle: "Free-text answers",
  otherTextsTitle: "Other (free text)",
  textsHidden: "Hidden for anonymity.",
  pp: (value) => `${value} percentage points`,
  changeWhyShare: (which) =>
    `No change shown: the figure is hidden ${side[which]} (see the question above).`,
  changeWhyMean: (which) =>
    `The mean is hidden ${side[which]}: a count in the question's table is hidden, and the mean with the counts shown would reveal it (anonymity).`,
  changeWhyMeanFew: (which, k) =>
    `The mean is hidden ${side[which]}: fewer than ${k} answered on the scale ("Don't know" does not count).`,
  changeWhyNobody: "No change shown: nobody answered the question in one of the rounds.",
  notesSomeRound: "A round",
  notesSomeOption: "an answer",
  notesCounts: (round, options, row) =>
    `${round}: the count is not shown for ${options}${row === undefined ? "" : ` in the row »${row}«`}.`,
  notesLine: (round, reason) => `${round}: ${reason}`,
  notesOther: (round, reason, k, wholeRound) =>
    reason === "few_respondents"
      ? `${round}: ${wholeRound ? "no figures are shown" : "the answers are not shown"}, because fewer than ${k} answered (anonymity).`
      : `${round}: ${wholeRound ? "no figures are shown" : "the figures are not shown"}, because with the figures shown they would reveal a hidden count (anonymity).`,
  notesPlace: { row: "row", round: "round" },
};
