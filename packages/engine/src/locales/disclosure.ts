import type { DisclosureCode } from "../anonymity/auditRounds.js";
import type { FigureKind } from "../anonymity/readRoundView.js";
import type { LocalizedMessage } from "../issues/issue.js";
import type { LocalizedText } from "../questionnaire/primitives.js";

export interface DisclosureContext {
  readonly code: DisclosureCode;
  readonly figure: FigureKind | "change";
  readonly k: number;
  readonly round: string;
  readonly question?: LocalizedText;
  readonly row?: LocalizedText;
  readonly option?: LocalizedText;
  /** The version's label, for how many answered on it. */
  readonly version?: string;
  /** The figure is of the round's responses not in a part (one device's). */
  readonly rest: boolean;
  readonly interval: { readonly min: number; readonly max: number | null };
}

type Locale = "da" | "en";

const figureNames = {
  da: {
    respondents: "antallet af besvarelser",
    versionCount: "antallet, der svarede på udgaven",
    asked: "antallet, der fik spørgsmålet",
    answered: "antallet, der svarede",
    count: "antallet",
    mean: "gennemsnittet",
    change: "ændringen",
  },
  en: {
    respondents: "the number of responses",
    versionCount: "the number who answered on the version",
    asked: "the number asked",
    answered: "the number who answered",
    count: "the count",
    mean: "the mean",
    change: "the change",
  },
} as const;

function textIn(text: LocalizedText, locale: Locale): string {
  return locale === "en" ? (text.en ?? text.da) : text.da;
}

function subject(c: DisclosureContext, locale: Locale): string {
  const parts: string[] = [figureNames[locale][c.figure]];
  if (c.version !== undefined) parts.push(`»${c.version}«`);
  if (c.question !== undefined)
    parts.push(`${locale === "da" ? "i" : "in"} »${textIn(c.question, locale)}«`);
  if (c.row !== undefined)
    parts.push(`${locale === "da" ? "rækken" : "row"} »${textIn(c.row, locale)}«`);
  if (c.option !== undefined)
    parts.push(`${locale === "da" ? "svaret" : "answer"} »${textIn(c.option, locale)}«`);
  parts.push(locale === "da" ? `(runden »${c.round}«` : `(round »${c.round}«`);
  const rest = c.rest
    ? locale === "da"
      ? ", blandt de besvarelser, der ikke er på enheden)"
      : ", among the responses not on the device)"
    : ")";
  return parts.join(" ") + rest;
}

function range(c: DisclosureContext, locale: Locale): string {
  const { min, max } = c.interval;
  if (max === null) return locale === "da" ? `mindst ${min}` : `at least ${min}`;
  return min === max
    ? String(min)
    : locale === "da"
      ? `mellem ${min} og ${max}`
      : `between ${min} and ${max}`;
}

/** What the audit found, in Danish and English, by question text and option label. */
export function disclosureMessage(c: DisclosureContext): LocalizedMessage {
  const d = subject(c, "da");
  const e = subject(c, "en");
  const rd = range(c, "da");
  const re = range(c, "en");
  switch (c.code) {
    case "pinned":
      return {
        da: `${d}: vises ikke, men kan regnes ud af det viste: ${rd}.`,
        en: `${e}: not shown, yet it can be worked out from what is shown: ${re}.`,
      };
    case "small":
      return {
        da: `${d}: vises ikke, men kan kun være ${rd}, altså færre end ${c.k} og mindst 1.`,
        en: `${e}: not shown, yet it can only be ${re}: fewer than ${c.k} and at least 1.`,
      };
    case "shown_small":
      return {
        da: `${d}: vises, skønt det er færre end ${c.k}.`,
        en: `${e}: shown, though it is fewer than ${c.k}.`,
      };
    case "unanimous":
      return {
        da: `${d}: viser, at alle i en lille gruppe valgte det samme.`,
        en: `${e}: shows that everyone in a small group chose the same.`,
      };
    case "change_shown":
      return {
        da: `${d}: vises, skønt tallet i den ene runde er skjult; ændringen viser det.`,
        en: `${e}: shown though one round's figure is withheld; the change gives it away.`,
      };
    case "mixed_policy":
      return {
        da: `${d}: rapporterne af runden er lavet med forskellig anonymitetsgrænse; sammen viser de, hvad den ene skjuler.`,
        en: `${e}: the reports of this round were made with different anonymity rules; together they show what one withholds.`,
      };
    case "inconsistent":
      return {
        da: `${d}: rapporterne kan ikke alle være af de samme besvarelser.`,
        en: `${e}: the reports cannot all be of the same responses.`,
      };
  }
}
