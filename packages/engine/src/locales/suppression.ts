import type { LocalizedMessage } from "../issue.js";
import type { SuppressionReason } from "../report.js";

export interface SuppressionContext {
  readonly k: number;
  readonly round: string;
  readonly question?: string;
  readonly row?: string;
  readonly option?: string;
  /** The figure is the mean of a scale, not a count. */
  readonly mean?: boolean;
}

function where(c: SuppressionContext, da: boolean): string {
  const parts = [da ? `Runde ${c.round}` : `Round ${c.round}`];
  if (c.question !== undefined)
    parts.push(da ? `spørgsmål ${c.question}` : `question ${c.question}`);
  if (c.row !== undefined) parts.push(da ? `række ${c.row}` : `row ${c.row}`);
  if (c.option !== undefined) parts.push(da ? `svar ${c.option}` : `option ${c.option}`);
  if (c.mean === true) parts.push(da ? "gennemsnit" : "mean");
  return parts.join(", ");
}

/** Why a figure is withheld, for the coordinator and the meeting, in Danish and English. */
export function suppressionMessage(
  reason: SuppressionReason,
  c: SuppressionContext,
): LocalizedMessage {
  const d = where(c, true);
  const e = where(c, false);
  switch (reason) {
    case "few_respondents":
      if (c.mean === true) {
        return {
          da: `${d}: vises ikke, fordi færre end ${c.k} har svaret på skalaen (anonymitet).`,
          en: `${e}: not shown because fewer than ${c.k} answered on the scale (anonymity).`,
        };
      }
      return {
        da: `${d}: vises ikke, fordi færre end ${c.k} har svaret (anonymitet).`,
        en: `${e}: not shown because fewer than ${c.k} answered (anonymity).`,
      };
    case "small_cell":
      return {
        da: `${d}: antallet vises ikke, fordi færre end ${c.k} har valgt svaret, eller for at et sådant lille antal ikke kan regnes ud (anonymitet).`,
        en: `${e}: the count is not shown because fewer than ${c.k} chose this answer, or so that such a small count cannot be worked out (anonymity).`,
      };
    case "derived":
      return {
        da: `${d}: vises ikke, fordi tallet ville afsløre et skjult antal.`,
        en: `${e}: not shown because it would reveal a withheld count.`,
      };
  }
}
