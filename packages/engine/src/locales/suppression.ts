import type { SuppressionReason } from "../aggregation/report.js";
import type { LocalizedMessage } from "../issues/issue.js";
import type { LocalizedText } from "../questionnaire/primitives.js";

/** Which figure a note is about, beyond where it is. */
export type NotedFigure =
  /** Everything of the round, question or row. */
  | "all"
  /** A question or row nobody answered: there is nothing to show. */
  | "nobody"
  | "count"
  | "mean"
  /** How many were asked the question (and so how many skipped it). */
  | "asked";

export interface SuppressionContext {
  readonly k: number;
  /** The round's label. */
  readonly round: string;
  readonly question?: LocalizedText;
  readonly row?: LocalizedText;
  readonly option?: LocalizedText;
  readonly figure: NotedFigure;
}

type Locale = "da" | "en";

const words = {
  da: { round: "runden", row: "rækken", answer: "svaret" },
  en: { round: "round", row: "row", answer: "answer" },
} as const;

function textIn(text: LocalizedText, locale: Locale): string {
  return locale === "en" ? (text.en ?? text.da) : text.da;
}

/** »Question«, rækken »row«, svaret »option« (runden »label«) */
function where(c: SuppressionContext, locale: Locale): string {
  const w = words[locale];
  const round = `${w.round} »${c.round}«`;
  if (c.question === undefined)
    return locale === "da" ? `Runden »${c.round}«` : `Round »${c.round}«`;
  const parts = [`»${textIn(c.question, locale)}«`];
  if (c.row !== undefined) parts.push(`${w.row} »${textIn(c.row, locale)}«`);
  if (c.option !== undefined) parts.push(`${w.answer} »${textIn(c.option, locale)}«`);
  return `${parts.join(", ")} (${round})`;
}

/**
 * Why a figure is withheld, for the coordinator and the meeting, in Danish and English: by the
 * round's label, the question's text and the option's label, never by ids.
 */
export function suppressionMessage(
  reason: SuppressionReason,
  c: SuppressionContext,
): LocalizedMessage {
  const d = where(c, "da");
  const e = where(c, "en");
  const group = c.row !== undefined ? ["rækken", "row"] : ["spørgsmålet", "question"];
  switch (c.figure) {
    case "nobody":
      return {
        da: `${d}: ingen har svaret på ${group[0]}, så der er ingen svar at vise.`,
        en: `${e}: nobody answered this ${group[1]}, so there are no answers to show.`,
      };
    case "mean":
      return reason === "few_respondents"
        ? {
            da: `${d}: gennemsnittet vises ikke, fordi færre end ${c.k} har svaret på skalaen ("Ved ikke" tæller ikke med) (anonymitet).`,
            en: `${e}: the mean is not shown because fewer than ${c.k} answered on the scale ("Don't know" does not count) (anonymity).`,
          }
        : {
            da: `${d}: gennemsnittet vises ikke, fordi det sammen med de viste tal ville afsløre et skjult antal (anonymitet).`,
            en: `${e}: the mean is not shown because together with the figures shown it would reveal a withheld count (anonymity).`,
          };
    case "count":
      return {
        da: `${d}: antallet vises ikke (anonymitet). Enten valgte færre end ${c.k} svaret, eller alle i en lille gruppe valgte det, eller antallet er skjult, så sådan et tal ikke kan regnes ud.`,
        en: `${e}: the count is not shown (anonymity). Either fewer than ${c.k} chose this answer, or everyone in a small group did, or it is withheld so that such a count cannot be worked out.`,
      };
    case "asked":
      return {
        da: `${d}: hvor mange der fik spørgsmålet, vises ikke, fordi det ville vise, hvor få der svarede på en anden udgave af spørgeskemaet (anonymitet).`,
        en: `${e}: how many were asked this question is not shown because it would tell how few answered another version of the questionnaire (anonymity).`,
      };
    case "all":
      if (reason === "few_respondents") {
        return c.question === undefined
          ? {
              da: `${d}: ingen tal vises, fordi færre end ${c.k} har svaret (anonymitet).`,
              en: `${e}: no figures are shown because fewer than ${c.k} answered (anonymity).`,
            }
          : {
              da: `${d}: svarene vises ikke, fordi færre end ${c.k} har svaret på ${group[0]} (anonymitet).`,
              en: `${e}: the answers are not shown because fewer than ${c.k} answered this ${group[1]} (anonymity).`,
            };
      }
      return c.question === undefined
        ? {
            da: `${d}: ingen tal vises, fordi de sammen ville vise, hvor få der svarede på en af spørgeskemaets udgaver (anonymitet).`,
            en: `${e}: no figures are shown because together they would tell how few answered one of the questionnaire's versions (anonymity).`,
          }
        : {
            da: `${d}: ingen tal vises for spørgsmålet, fordi de sammen med rapportens andre tal ville afsløre et skjult antal (anonymitet).`,
            en: `${e}: no figures are shown for this question because together with the report's other figures they would reveal a withheld count (anonymity).`,
          };
  }
}
