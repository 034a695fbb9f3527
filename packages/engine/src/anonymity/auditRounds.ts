import type { QuestionnaireVersion } from "../versions/questionnaireVersion.js";
import { IntervalSystem } from "./intervalSystem.js";
import {
  type Check,
  type FigureKind,
  type Place,
  type RoundView,
  readRoundView,
} from "./readRoundView.js";
import { keyOf, RoundModel } from "./roundModel.js";

export type DisclosureCode =
  /** Not shown, yet only one value fits what the reader holds. */
  | "pinned"
  /** Withheld, yet every value that fits is from 1 to k − 1. */
  | "small"
  /** Shown, and from 1 to k − 1. */
  | "shown_small"
  /** Shown, and everyone in a group smaller than `unanimousBelow`. */
  | "unanimous"
  /** A change shown beside a withheld side: the side's figure is in the change. */
  | "change_shown"
  /** Reports of one round made with another k or policy. */
  | "mixed_policy"
  /** The reports cannot all be of the same responses. */
  | "inconsistent";

/** A disclosure before it is put into words: what, where, and what a reader can tell. */
export interface Finding {
  readonly code: DisclosureCode;
  readonly figure: FigureKind | "change";
  readonly report: number;
  readonly place: Place;
  /** Set when the figure is of the round's responses other than those of this part. */
  readonly restOf?: number;
  readonly interval: { readonly min: number; readonly max: number | null };
}

export interface AuditInput {
  /** Views of whole rounds: reports of all of a round's responses. */
  readonly views: readonly RoundView[];
  /** Views of part of a round's responses (one device's). */
  readonly parts: readonly RoundView[];
  readonly versions: ReadonlyMap<string, QuestionnaireVersion>;
}

/**
 * What a reader of all the views together can work out, round by round: the views of one round
 * constrain the same unknowns, a part's unknowns plus the rest's make the whole's. Judges every
 * figure by the definition (engine README, "Anonymity policy").
 */
export function auditRounds(input: AuditInput): Finding[] {
  const findings: Finding[] = [];
  const byRound = new Map<string, { wholes: RoundView[]; parts: RoundView[] }>();
  const entry = (id: string) => {
    let found = byRound.get(id);
    if (found === undefined) {
      found = { wholes: [], parts: [] };
      byRound.set(id, found);
    }
    return found;
  };
  for (const view of input.views) entry(view.summary.id).wholes.push(view);
  for (const view of input.parts) entry(view.summary.id).parts.push(view);
  for (const [, { wholes, parts }] of byRound)
    findings.push(...auditRound(wholes, parts, input.versions));
  return findings;
}

/**
 * An audit of one round's figures, again and again as they change (the suppression loop): the
 * round's model is built once, for its versions and `only` these questions (default all), and
 * each audit only adds the figures. `withSummary` judges the round's own counts too.
 */
export function createRoundAuditor(
  summary: RoundView["summary"],
  versions: ReadonlyMap<string, QuestionnaireVersion>,
  only: ReadonlySet<string> | undefined,
  withSummary: boolean,
): (view: RoundView) => Finding[] {
  const system = new IntervalSystem();
  const empty: RoundView = { report: 0, k: 0, unanimousBelow: 0, summary, results: new Map() };
  const model = modelOf(system, [empty], versions, undefined, only);
  system.propagate();
  const mark = system.mark();
  return (view) => {
    system.reset(mark);
    const checks = readRoundView(model, view).filter(
      (c) => withSummary || c.place.questionId !== undefined,
    );
    return judgeRound(system, [view], checks, [], undefined, view.summary.id);
  };
}

function auditRound(
  wholes: readonly RoundView[],
  parts: readonly RoundView[],
  versions: ReadonlyMap<string, QuestionnaireVersion>,
): Finding[] {
  const findings: Finding[] = [];
  const system = new IntervalSystem();
  const checks: Check[] = [];
  const whole = wholes.length > 0 ? modelOf(system, wholes, versions) : undefined;
  for (const view of wholes) checks.push(...readRoundView(whole as RoundModel, view));
  const [first] = wholes;
  for (const view of wholes) {
    if (first !== undefined && (view.k !== first.k || view.unanimousBelow !== first.unanimousBelow))
      findings.push(policyFinding(view));
  }
  const rests: { model: RoundModel; part: RoundView }[] = [];
  for (const part of parts) {
    const model = modelOf(system, [part, ...wholes], versions, part);
    checks.push(...readRoundView(model, part));
    if (whole === undefined) continue;
    const rest = new RoundModel(system, universeOf([part, ...wholes], versions), new Set(), null);
    for (const [key, x] of whole.keys) {
      const p = model.get(key);
      const r = rest.get(key);
      if (p !== undefined && r !== undefined)
        system.linear(
          [
            [1, x],
            [-1, p],
            [-1, r],
          ],
          0,
          0,
        );
    }
    rests.push({ model: rest, part });
  }
  const roundId = (wholes[0] ?? parts[0])?.summary.id as string;
  return [...findings, ...judgeRound(system, [...wholes, ...parts], checks, rests, whole, roundId)];
}

/** Tightens the round's bounds and judges each figure (and the rest beside each part). */
function judgeRound(
  system: IntervalSystem,
  views: readonly RoundView[],
  checks: readonly Check[],
  rests: readonly { model: RoundModel; part: RoundView }[],
  whole: RoundModel | undefined,
  roundId: string,
): Finding[] {
  system.propagate();
  // Counts withheld by the small-cell rule are tried value by value at their ends, which
  // propagation alone can miss (the rule that one of them is small is a choice among them).
  system.probe(checks.flatMap((c) => (c.probe === true ? [c.x as number] : [])));
  if (!system.feasible) {
    const report = views[0]?.report ?? 0;
    return [
      {
        code: "inconsistent",
        figure: "respondents",
        report,
        place: { roundId },
        interval: { min: 0, max: null },
      },
    ];
  }
  const findings: Finding[] = [];
  for (const check of checks) {
    const found = judge(system, check);
    if (found !== null) findings.push(found);
  }
  const k = Math.max(...views.filter((v) => !rests.some((r) => r.part === v)).map((w) => w.k));
  for (const { model, part } of rests)
    findings.push(...judgeRest(system, model, whole as RoundModel, part, roundId, k));
  return findings;
}

function policyFinding(view: RoundView): Finding {
  return {
    code: "mixed_policy",
    figure: "respondents",
    report: view.report,
    place: { roundId: view.summary.id },
    interval: { min: view.k, max: view.k },
  };
}

/** The versions the views name (a version not given is left out: the caller checked them). */
function universeOf(
  views: readonly RoundView[],
  versions: ReadonlyMap<string, QuestionnaireVersion>,
) {
  const hashes = new Set(views.flatMap((v) => [v.summary.versionHash, ...v.summary.versions]));
  return [...hashes].flatMap((h) => versions.get(h) ?? []);
}

/**
 * A round's model from the views' version lists. A shown round lists the versions answered on,
 * and always its own one (which may have none); a withheld one lists only its own.
 */
function modelOf(
  system: IntervalSystem,
  views: readonly RoundView[],
  versions: ReadonlyMap<string, QuestionnaireVersion>,
  part?: RoundView,
  questions?: ReadonlySet<string>,
): RoundModel {
  const listing = part === undefined ? views : [part];
  const answeredOn = new Set<string>();
  const shownLists: string[][] = [];
  for (const view of listing) {
    if (view.summary.respondents.status === "shown") shownLists.push(view.summary.versions);
    for (const hash of view.summary.versions)
      if (hash !== view.summary.versionHash) answeredOn.add(hash);
  }
  const [firstList, ...otherLists] = shownLists;
  const possible =
    firstList === undefined
      ? null
      : new Set(firstList.filter((h) => otherLists.every((list) => list.includes(h))));
  return new RoundModel(system, universeOf(views, versions), answeredOn, possible, questions);
}

function interval(system: IntervalSystem, x: number) {
  const hi = system.hi[x] as number;
  return { min: system.lo[x] as number, max: Number.isFinite(hi) ? hi : null };
}

function judge(system: IntervalSystem, check: Check): Finding | null {
  const { k } = check;
  const at = { figure: check.figure, report: check.report, place: check.place } as const;
  const small = (n: number) => n >= 1 && n <= k - 1;
  if (check.figure === "mean") {
    const known = check.shown === null ? meanKnown(system, check) : null;
    return known === null ? null : { code: "pinned", ...at, interval: { min: known, max: known } };
  }
  const x = check.x as number;
  const bounds = interval(system, x);
  if (check.figure === "count") {
    const whole = check.whole as number;
    // A group nobody answered: its counts are 0, shown or not.
    if (system.isFixed(whole) && system.lo[whole] === 0) return null;
    if (check.shown !== null) {
      if (small(check.shown)) return { code: "shown_small", ...at, interval: bounds };
      const size = system.lo[whole] as number;
      if (
        check.shown > 0 &&
        system.isFixed(whole) &&
        check.shown === size &&
        size < check.unanimousBelow
      )
        return { code: "unanimous", ...at, interval: bounds };
      return null;
    }
    // A count known to be 0 says no more than a zero shown: zeros are shown.
    if (bounds.min === bounds.max && bounds.min > 0)
      return { code: "pinned", ...at, interval: bounds };
    if (bounds.min >= 1 && bounds.max !== null && bounds.max <= k - 1)
      return { code: "small", ...at, interval: bounds };
    return null;
  }
  // Counts of respondents: a small one must not be shown, nor worked out exactly.
  if (check.shown !== null)
    return small(check.shown) ? { code: "shown_small", ...at, interval: bounds } : null;
  return bounds.min === bounds.max && small(bounds.min)
    ? { code: "pinned", ...at, interval: bounds }
    : null;
}

/**
 * A withheld mean's value when it can be worked out from the figures, else null. It can when no count on the scale can vary, or when
 * only one can and its point equals the mean of the others (adding answers there, or moving them
 * to "Ved ikke", leaves the mean as it is). Two varying points with their different ordinals
 * change it.
 */
function meanKnown(system: IntervalSystem, check: Check): number | null {
  const scale = check.scale ?? [];
  // A scale of one point (the rest "Ved ikke") has that point's value as its mean before anyone
  // answers: knowing it tells nothing, and no withholding could hide it.
  if (new Set(scale.map(([ordinal]) => ordinal)).size < 2) return null;
  const varying = scale.filter(([, x]) => !system.isFixed(x));
  let n = 0;
  let sum = 0;
  for (const [ordinal, x] of scale) {
    if (!system.isFixed(x)) continue;
    n += system.lo[x] as number;
    sum += ordinal * (system.lo[x] as number);
  }
  const [only, ...more] = varying;
  if (only === undefined) return n > 0 ? sum / n : null;
  if (more.length > 0 || (system.hi[only[1]] as number) === 0) return null;
  return n === 0 || sum === only[0] * n ? only[0] : null;
}

/**
 * The responses of the round other than the part's: never shown, so each of their figures is as
 * if withheld. Judged as a report of them would be: their counts must not be known to be 1 to
 * k − 1, nor known at all while they may be fewer than k.
 */
function judgeRest(
  system: IntervalSystem,
  rest: RoundModel,
  whole: RoundModel,
  part: RoundView,
  roundId: string,
  k: number,
): Finding[] {
  const findings: Finding[] = [];
  const R = rest.get(keyOf.respondents()) as number;
  const fewPossible = (system.lo[R] as number) < k;
  for (const [key, x] of rest.keys) {
    const bounds = interval(system, x);
    const pinned = bounds.min === bounds.max;
    const small = bounds.min >= 1 && bounds.max !== null && bounds.max <= k - 1;
    const [kind, a, b, c] = key.split("|");
    let figure: FigureKind;
    let place: Place;
    if (kind === "cell") {
      // A count the whole already shows as 0 is 0 for everyone: nothing new.
      const w = whole.get(key);
      if (w !== undefined && system.isFixed(w) && system.lo[w] === 0) continue;
      if (!(small || (pinned && (bounds.min <= k - 1 || fewPossible)))) continue;
      figure = "count";
      place =
        c === undefined
          ? { roundId, questionId: a as string, optionCode: b as string }
          : { roundId, questionId: a as string, rowCode: b as string, optionCode: c };
    } else {
      if (!(pinned && bounds.min >= 1 && bounds.min <= k - 1)) continue;
      figure =
        kind === "R"
          ? "respondents"
          : kind === "v"
            ? "versionCount"
            : kind === "row" || kind === "answered"
              ? "answered"
              : "asked";
      place =
        kind === "R"
          ? { roundId }
          : kind === "v"
            ? { roundId, versionHash: a as string }
            : kind === "row"
              ? { roundId, questionId: a as string, rowCode: b as string }
              : { roundId, questionId: a as string };
    }
    findings.push({
      code: small && !pinned ? "small" : "pinned",
      figure,
      report: part.report,
      place,
      restOf: part.report,
      interval: bounds,
    });
  }
  return findings;
}
