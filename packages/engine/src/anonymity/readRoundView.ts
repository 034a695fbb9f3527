import type {
  Cell,
  Mean,
  OptionResult,
  QuestionRoundResult,
  RoundSummary,
} from "../aggregation/report.js";
import type { IntervalSystem } from "./intervalSystem.js";
import { keyOf, type RoundModel } from "./roundModel.js";

/** One report's figures of one round, as the audit reads them. */
export interface RoundView {
  /** Which report of the audited set. */
  readonly report: number;
  readonly k: number;
  readonly unanimousBelow: number;
  readonly summary: RoundSummary;
  /** Question id → the round's result. */
  readonly results: ReadonlyMap<string, QuestionRoundResult>;
}

export type FigureKind = "respondents" | "versionCount" | "asked" | "answered" | "count" | "mean";

export interface Place {
  readonly roundId: string;
  readonly questionId?: string;
  readonly rowCode?: string;
  readonly optionCode?: string;
  readonly versionHash?: string;
}

/** A figure to judge once the bounds are known. */
export interface Check {
  readonly figure: FigureKind;
  readonly place: Place;
  readonly report: number;
  readonly k: number;
  readonly unanimousBelow: number;
  /** The unknown (for a mean: its scale's counts). */
  readonly x: number | readonly number[];
  /** The value shown, or null when withheld (or never shown, as a version's count). */
  readonly shown: number | null;
  /** A count's group size (answered of its question or row), for the unanimity rule. */
  readonly whole?: number;
  /** Whether to try the ends of this count value by value (withheld by the small-cell rule). */
  readonly probe?: boolean;
  /** A mean's scale: each point's ordinal and count. */
  readonly scale?: readonly (readonly [number, number])[];
}

/**
 * Adds what one report shows of a round to the round's model: each shown figure fixes its
 * unknown, and the public rules add what withheld figures imply. Returns the figures to judge.
 */
export function readRoundView(model: RoundModel, view: RoundView): Check[] {
  const s = model.system;
  const checks: Check[] = [];
  const base = { report: view.report, k: view.k, unanimousBelow: view.unanimousBelow };
  const roundId = view.summary.id;
  const roundShown = view.summary.respondents.status === "shown";
  const R = model.get(keyOf.respondents()) as number;
  readCount(s, R, view.summary.respondents, view.k);
  const rate = view.summary.responseRate;
  if (rate.status === "shown" && view.summary.invited !== undefined)
    s.bound(
      R,
      Math.round(rate.value * view.summary.invited),
      Math.round(rate.value * view.summary.invited),
    );
  checks.push({
    ...base,
    figure: "respondents",
    place: { roundId },
    x: R,
    shown: shownValue(view.summary.respondents),
  });
  for (const hash of view.summary.versions) {
    const x = model.get(keyOf.version(hash));
    if (x !== undefined)
      checks.push({
        ...base,
        figure: "versionCount",
        place: { roundId, versionHash: hash },
        x,
        shown: null,
      });
  }

  for (const [questionId, result] of view.results) {
    if (result.type === "not_asked") continue;
    const asked = model.get(keyOf.asked(questionId));
    const answered = model.get(keyOf.answered(questionId));
    if (asked === undefined || answered === undefined) continue;
    const place = { roundId, questionId };
    // Withheld for few respondents means 1 to k − 1, when the round itself is shown.
    const few = roundShown ? view.k : null;
    readCount(s, asked, result.asked, few);
    readCount(s, answered, result.answered, few);
    if (result.skipped.status === "shown")
      s.linear(
        [
          [1, asked],
          [-1, answered],
        ],
        result.skipped.value,
        result.skipped.value,
      );
    checks.push({ ...base, figure: "asked", place, x: asked, shown: shownValue(result.asked) });
    checks.push({
      ...base,
      figure: "answered",
      place,
      x: answered,
      shown: shownValue(result.answered),
    });
    if ("options" in result) {
      readGroup(model, checks, base, place, result.options, answered);
      if ("mean" in result) readMean(model, checks, base, place, result.options, result.mean);
      if ("otherTexts" in result && result.otherTexts.status === "shown")
        atLeastOtherTexts(model, questionId, result.options, result.otherTexts.items.length);
    }
    if (result.type === "text" && result.texts.status === "shown")
      s.bound(answered, result.texts.items.length, result.texts.items.length);
    if (result.type === "matrix") {
      const contentShown = result.answered.status === "shown" && result.answered.value >= view.k;
      for (const row of result.rows) {
        const rowAnswered = model.get(keyOf.rowAnswered(questionId, row.code));
        if (rowAnswered === undefined) continue;
        const rowPlace = { ...place, rowCode: row.code };
        readCount(s, rowAnswered, row.answered, contentShown ? view.k : null);
        checks.push({
          ...base,
          figure: "answered",
          place: rowPlace,
          x: rowAnswered,
          shown: shownValue(row.answered),
        });
        readGroup(model, checks, base, rowPlace, row.options, rowAnswered);
        readMean(model, checks, base, rowPlace, row.options, row.mean);
      }
    }
  }
  return checks;
}

function shownValue(count: { status: string; value?: number }): number | null {
  return count.status === "shown" ? (count.value as number) : null;
}

/** A shown count is its value; one withheld for few respondents is 1 to k − 1 (`few`: k or null). */
function readCount(
  s: IntervalSystem,
  x: number,
  count: { status: string; value?: number; reason?: string },
  few: number | null,
): void {
  if (count.status === "shown") s.bound(x, count.value as number, count.value as number);
  else if (count.reason === "few_respondents" && few !== null) s.bound(x, 1, few - 1);
}

/**
 * One group's counts (a question's options, a matrix row's columns). Shown counts are fixed;
 * counts withheld by the small-cell rule are ≥ 1 when the group shows a zero (zeros are withheld
 * all together or not at all), and one of them is small or holds the whole group.
 */
function readGroup(
  model: RoundModel,
  checks: Check[],
  base: Pick<Check, "report" | "k" | "unanimousBelow">,
  place: Place,
  options: readonly OptionResult[],
  whole: number,
): void {
  const s = model.system;
  const smallCells: number[] = [];
  let zeroShown = false;
  for (const option of options) {
    const x = model.get(keyOf.cell(place.questionId as string, option.code, place.rowCode));
    if (x === undefined || option.cell.status === "not_offered") continue;
    const cell: Cell = option.cell;
    if (cell.status === "shown") {
      s.bound(x, cell.count, cell.count);
      if (cell.count === 0) zeroShown = true;
      // A share beside a count tells the group's size, also where that size is withheld.
      else if (cell.share > 0)
        s.bound(whole, Math.round(cell.count / cell.share), Math.round(cell.count / cell.share));
    } else if (cell.reason === "small_cell") smallCells.push(x);
    // A shown 0, or a shown count of k or more in a group of at least `unanimousBelow`, is fine
    // whatever else is known: no need to judge it.
    if (
      cell.status === "shown" &&
      (cell.count === 0 || cell.count >= Math.max(base.k, base.unanimousBelow))
    )
      continue;
    checks.push({
      ...base,
      figure: "count",
      place: { ...place, optionCode: option.code },
      x,
      shown: cell.status === "shown" ? cell.count : null,
      whole,
      probe: cell.status === "suppressed" && cell.reason === "small_cell",
    });
  }
  if (smallCells.length === 0) return;
  if (zeroShown) for (const x of smallCells) s.bound(x, 1, Number.POSITIVE_INFINITY);
  s.someSmall(smallCells, base.k, whole, base.unanimousBelow);
}

/** A shown mean gives its scale's count (n) and the sum of its ordinals. */
function readMean(
  model: RoundModel,
  checks: Check[],
  base: Pick<Check, "report" | "k" | "unanimousBelow">,
  place: Place,
  options: readonly OptionResult[],
  mean: Mean,
): void {
  const scale: [number, number][] = [];
  for (const option of options) {
    const x = model.get(keyOf.cell(place.questionId as string, option.code, place.rowCode));
    if (x !== undefined && option.ordinal !== undefined && option.cell.status !== "not_offered")
      scale.push([option.ordinal, x]);
  }
  if (mean.status === "shown") {
    model.system.linear(
      scale.map(([, x]) => [1, x]),
      mean.n,
      mean.n,
    );
    const sum = Math.round(mean.value * mean.n);
    model.system.linear(scale, sum, sum);
  }
  checks.push({
    ...base,
    figure: "mean",
    place,
    x: scale.map(([, x]) => x),
    shown: mean.status === "shown" ? mean.value : null,
    scale,
  });
}

/** Each "Andet" text comes with a tick of "Andet": shown texts bound its count from below. */
function atLeastOtherTexts(
  model: RoundModel,
  questionId: string,
  options: readonly OptionResult[],
  texts: number,
): void {
  const other = options.find((o) => o.kind === "other" && o.cell.status !== "not_offered");
  const x = other === undefined ? undefined : model.get(keyOf.cell(questionId, other.code));
  if (x !== undefined && texts > 0) model.system.bound(x, texts, Number.POSITIVE_INFINITY);
}
