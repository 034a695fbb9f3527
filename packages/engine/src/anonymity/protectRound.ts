import { codesOf } from "../aggregation/questionCatalogue.js";
import type {
  Count,
  OptionResult,
  QuestionRoundResult,
  RoundSummary,
  SuppressionNote,
  SuppressionReason,
} from "../aggregation/report.js";
import type { NotedFigure } from "../locales/catalogue.js";
import type { LocalizedText } from "../questionnaire/primitives.js";
import type { QuestionnaireVersion } from "../versions/questionnaireVersion.js";
import { createRoundAuditor, type Finding } from "./auditRounds.js";
import { type NotePlace, suppressionNote } from "./suppressionNote.js";

export type AskedResult = Exclude<QuestionRoundResult, { type: "not_asked" }>;

/** One round's figures with their notes, as the anonymity rules left them. */
export interface RoundFigures {
  readonly summary: RoundSummary;
  /** Question id → the round's result, in the round's own question order. */
  readonly results: ReadonlyMap<string, AskedResult>;
  /** Question id → the notes about it, in order. */
  readonly notes: ReadonlyMap<string, readonly SuppressionNote[]>;
  /** Notes about the round as a whole. */
  readonly roundNotes: readonly SuppressionNote[];
}

export interface ProtectOptions {
  readonly k: number;
  readonly unanimousBelow: number;
  /** The versions the round's responses are on. */
  readonly versions: readonly QuestionnaireVersion[];
  readonly questionText: (id: string) => LocalizedText;
  /** The round's label, for the notes. */
  readonly roundLabel: string;
}

const derived: Count = { status: "suppressed", reason: "derived" };
/**
 * Rounds of moves before the whole round is withheld. Every round withholds something more, so the
 * figures bound them; this only keeps a report that cannot be made safe from running long.
 */
const maxSteps = 2_000;

/**
 * Withholds more of a round's figures until the audit finds no disclosure in them (engine README,
 * "Anonymity policy", the cost order). Works from the figures alone, so a kept report can be
 * protected again; figures that already pass come back unchanged. Deterministic: each step takes
 * the first finding of each group and the cheapest move for it.
 *
 * The round is audited in independent blocks: with its respondents known, a question every
 * version asks alike shares nothing with the others but that number (and, through its answered,
 * that every respondent answered something), so it is audited on its own, and not at all when it
 * withholds nothing and shows nothing small; the questions that tell versions apart are audited
 * together, with the round's own counts. The round as a whole is audited last when that tie can
 * matter: a question's answered is withheld, or the round's respondents are.
 */
export function protectRound(figures: RoundFigures, options: ProtectOptions): RoundFigures {
  let state = figures;
  const byHash = new Map(options.versions.map((v) => [v.hash, v]));
  const specific = versionSpecific(options.versions);
  const links = conditionLinks(options.versions);
  const ids = [...state.results.keys()];
  // A condition ties a question to its source: they are audited together, in one block.
  const component = componentsOf(ids, links);
  const joint = new Set(
    ids.filter((id) => ids.some((o) => specific.has(o) && component.get(o) === component.get(id))),
  );
  // A withheld round shows nothing a block could add to: it is audited as a whole only.
  const shown = state.summary.respondents.status === "shown";
  const alone = [
    ...new Set(ids.filter((id) => !joint.has(id)).map((id) => component.get(id) as string)),
  ];
  const blocks = shown
    ? [
        ...(state.summary.versions.length > 1 || joint.size > 0
          ? [{ questions: ids.filter((id) => joint.has(id)), withSummary: true }]
          : []),
        ...alone.map((root) => ({
          questions: ids.filter((id) => !joint.has(id) && component.get(id) === root),
          withSummary: false,
        })),
      ]
    : [];
  let steps = 0;
  const whole = { questions: ids, withSummary: true, joint: true };
  const tied = () =>
    !shown || [...state.results.values()].some((r) => r.answered.status === "suppressed");
  for (const block of [...blocks, whole]) {
    if ("joint" in block && !tied()) continue;
    if (
      !block.withSummary &&
      !block.questions.some((id) => needsAudit(state.results.get(id) as AskedResult, options))
    )
      continue;
    const audit = createRoundAuditor(
      state.summary,
      byHash,
      "joint" in block ? undefined : new Set(block.questions),
      block.withSummary,
    );
    for (;;) {
      const findings = audit({
        report: 0,
        k: options.k,
        unanimousBelow: options.unanimousBelow,
        summary: state.summary,
        results: new Map(block.questions.map((id) => [id, state.results.get(id) as AskedResult])),
      });
      if (findings.length === 0) break;
      const done = new Set<string>();
      const before = state;
      for (const finding of findings) {
        const group = groupOf(finding);
        if (done.has(group)) continue;
        done.add(group);
        state = move(state, finding, specific, links, options);
      }
      // The cost order's moves changed nothing (a finding they cannot reach): withhold the
      // finding's questions and all tied to them by conditions, then the round. Each step withholds
      // something more, so this ends.
      if (sameFigures(before, state)) state = escalate(state, findings, component, options);
      if (sameFigures(before, state)) break;
      if (++steps > maxSteps) {
        state = withholdRound(state, options);
        break;
      }
    }
  }
  return state;
}

/**
 * When the cost order is stuck: every question in the condition block of the first finding that
 * names a question, withheld wholly; if there is none or they are withheld already, the round.
 */
function escalate(
  state: RoundFigures,
  findings: readonly Finding[],
  component: ReadonlyMap<string, string>,
  o: ProtectOptions,
): RoundFigures {
  const named = findings.find((f) => f.place.questionId !== undefined)?.place.questionId;
  if (named !== undefined) {
    let next = state;
    for (const [id, result] of state.results)
      if (component.get(id) === component.get(named) && !whollyDerived(result))
        next = withholdQuestion(next, id, o);
    if (next !== state) return next;
  }
  return withholdRound(state, o);
}

/** Whether two states show the same figures (notes aside). */
function sameFigures(a: RoundFigures, b: RoundFigures): boolean {
  if (a === b) return true;
  if (JSON.stringify(a.summary) !== JSON.stringify(b.summary)) return false;
  for (const [id, result] of a.results) {
    const other = b.results.get(id);
    if (other !== result && JSON.stringify(other) !== JSON.stringify(result)) return false;
  }
  return true;
}

/**
 * Whether a question's figures can hold a disclosure: something is withheld, or a shown count is
 * small or holds everyone in a small group. Otherwise every figure is shown and allowed.
 */
function needsAudit(result: AskedResult, o: Pick<ProtectOptions, "k" | "unanimousBelow">): boolean {
  const small = (n: number) => n >= 1 && n < o.k;
  const countBad = (c: Count) => c.status === "suppressed" || small(c.value);
  const groupBad = (options: readonly OptionResult[], answered: Count) =>
    options.some((x) => {
      if (x.cell.status === "not_offered") return false;
      if (x.cell.status === "suppressed") return true;
      const whole = answered.status === "shown" ? answered.value : -1;
      return (
        small(x.cell.count) ||
        (x.cell.count > 0 && x.cell.count === whole && whole < o.unanimousBelow)
      );
    });
  if (countBad(result.asked) || countBad(result.answered) || countBad(result.skipped)) return true;
  switch (result.type) {
    case "rating":
      return groupBad(result.options, result.answered) || result.mean.status === "suppressed";
    case "single":
    case "multi":
      return groupBad(result.options, result.answered) || result.otherTexts.status === "suppressed";
    case "text":
      return result.texts.status === "suppressed";
    case "matrix":
      return result.rows.some(
        (r) =>
          countBad(r.answered) || groupBad(r.options, r.answered) || r.mean.status === "suppressed",
      );
  }
}

/** Findings about one group are settled one move at a time; other groups move in the same step. */
function groupOf(f: Finding): string {
  if (f.figure === "count" || f.figure === "mean")
    return `${f.place.questionId}|${f.place.rowCode ?? ""}`;
  return "participation";
}

/** Questions that some of the round's versions lack or ask differently: they tell versions apart. */
function versionSpecific(versions: readonly QuestionnaireVersion[]): Set<string> {
  const seen = new Map<string, string[]>();
  for (const v of versions)
    for (const q of v.questionnaire.questions) {
      const codes = codesOf(q);
      seen.set(q.id, [
        ...(seen.get(q.id) ?? []),
        `${q.type}:${codes.options.join(",")}:${codes.rows.join(",")}`,
      ]);
    }
  const specific = new Set<string>();
  for (const [id, forms] of seen)
    if (forms.length < versions.length || new Set(forms).size > 1) specific.add(id);
  return specific;
}

function move(
  state: RoundFigures,
  f: Finding,
  specific: ReadonlySet<string>,
  links: ConditionLinks,
  o: ProtectOptions,
): RoundFigures {
  const conditional = conditionalMove(state, f, links, o);
  if (conditional !== undefined) return conditional;
  if (f.figure === "count" || f.figure === "mean") {
    const id = f.place.questionId as string;
    const result = state.results.get(id) as AskedResult;
    const options = groupOptions(result, f.place.rowCode);
    const here = options?.find((x) => x.code === f.place.optionCode);
    // A count shown though small or unanimous: it goes first.
    if (here !== undefined && here.cell.status === "shown")
      return withholdCells(state, id, f.place.rowCode, [here.code], o);
    const zeros = (options ?? []).filter((x) => x.cell.status === "shown" && x.cell.count === 0);
    if (zeros.length > 0)
      return withholdCells(
        state,
        id,
        f.place.rowCode,
        zeros.map((x) => x.code),
        o,
      );
    const smallest = smallestShown(options ?? []);
    if (smallest !== undefined) return withholdCells(state, id, f.place.rowCode, [smallest], o);
    return withholdQuestion(state, id, o);
  }
  // How many answered, overall or on a version.
  if (f.place.rowCode !== undefined) {
    const id = f.place.questionId as string;
    const result = state.results.get(id) as AskedResult;
    if (result.answered.status === "shown") return withholdAnswered(state, id, o);
    return withholdQuestion(state, id, o);
  }
  if (f.figure !== "respondents") {
    for (const [id, result] of state.results)
      if (specific.has(id) && result.asked.status === "shown") return withholdAsked(state, id, o);
    // Wholly, and for this reason: "fewer than k were asked" is itself a bound on a version.
    for (const [id, result] of state.results)
      if (
        specific.has(id) &&
        !(
          wholly(result) &&
          result.asked.status === "suppressed" &&
          result.asked.reason === "derived"
        )
      )
        return withholdQuestion(state, id, o);
    const own =
      f.place.questionId === undefined ? undefined : state.results.get(f.place.questionId);
    if (own !== undefined && !wholly(own))
      return withholdQuestion(state, f.place.questionId as string, o);
  }
  return withholdRound(state, o);
}

/** Question id → the questions its conditions name, and those whose conditions name it. */
type ConditionLinks = ReadonlyMap<string, { sources: Set<string>; dependents: Set<string> }>;

function conditionLinks(versions: readonly QuestionnaireVersion[]): ConditionLinks {
  const links = new Map<string, { sources: Set<string>; dependents: Set<string> }>();
  const entry = (id: string) => {
    let found = links.get(id);
    if (found === undefined) {
      found = { sources: new Set(), dependents: new Set() };
      links.set(id, found);
    }
    return found;
  };
  for (const v of versions)
    for (const q of v.questionnaire.questions) {
      if (q.showIf === undefined) continue;
      entry(q.id).sources.add(q.showIf.question);
      entry(q.showIf.question).dependents.add(q.id);
    }
  return links;
}

/** The questions shown on a condition on `id`, on one on those, and so on; nearest first. */
function descendants(id: string, links: ConditionLinks): string[] {
  const found: string[] = [];
  const queue = [...(links.get(id)?.dependents ?? [])];
  while (queue.length > 0) {
    const next = queue.shift() as string;
    if (next === id || found.includes(next)) continue;
    found.push(next);
    queue.push(...(links.get(next)?.dependents ?? []));
  }
  return found;
}

/** Question id → a name for the questions it is tied to by conditions (its first one's id). */
function componentsOf(ids: readonly string[], links: ConditionLinks): Map<string, string> {
  const component = new Map<string, string>();
  for (const start of ids) {
    if (component.has(start)) continue;
    const stack = [start];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (component.has(id)) continue;
      component.set(id, start);
      const link = links.get(id);
      if (link !== undefined) stack.push(...link.sources, ...link.dependents);
    }
  }
  return component;
}

/**
 * The moves for a disclosure a condition makes: a conditional question's asked is a sum of its
 * source's counts. For a source's count with nothing of its group left to withhold: the asked of
 * the questions it shows, then the source as a whole, then those questions as a whole. For how
 * many were asked a conditional question (or answered a source): that figure, the source's
 * counts, then the question as a whole. Undefined: the cost order's other moves apply.
 */
function conditionalMove(
  state: RoundFigures,
  f: Finding,
  links: ConditionLinks,
  o: ProtectOptions,
): RoundFigures | undefined {
  const id = f.place.questionId;
  const link = id === undefined ? undefined : links.get(id);
  if (id === undefined || link === undefined || f.place.rowCode !== undefined) return undefined;
  const result = state.results.get(id);
  if (result === undefined) return undefined;
  const inRound = (ids: Iterable<string>) => [...ids].filter((d) => state.results.has(d));
  // A descendant's asked is a sum of its source's counts, which bound this question's: nearest first.
  const dependents = inRound(descendants(id, links));
  const askedShown = dependents.find((d) => state.results.get(d)?.asked.status === "shown");
  if (f.figure === "count" || f.figure === "mean") {
    const options = groupOptions(result, undefined) ?? [];
    if (options.some((x) => x.cell.status === "shown") || dependents.length === 0) return undefined;
    if (askedShown !== undefined) return withholdAsked(state, askedShown, o, "askedOnCondition");
    if (!whollyDerived(result)) return withholdQuestion(state, id, o);
    const open = dependents.find((d) => !whollyDerived(state.results.get(d) as AskedResult));
    return open === undefined ? undefined : withholdQuestion(state, open, o);
  }
  if (f.figure !== "asked" && f.figure !== "answered") return undefined;
  if (result.asked.status === "shown" && link.sources.size > 0) return withholdAsked(state, id, o);
  if (askedShown !== undefined) return withholdAsked(state, askedShown, o);
  for (const source of inRound(link.sources)) {
    const options = groupOptions(state.results.get(source) as AskedResult, undefined) ?? [];
    const zeros = options.filter((x) => x.cell.status === "shown" && x.cell.count === 0);
    if (zeros.length > 0)
      return withholdCells(
        state,
        source,
        undefined,
        zeros.map((x) => x.code),
        o,
      );
    const smallest = smallestShown(options);
    if (smallest !== undefined) return withholdCells(state, source, undefined, [smallest], o);
  }
  return whollyDerived(result) ? undefined : withholdQuestion(state, id, o);
}

function whollyDerived(result: AskedResult): boolean {
  return (
    wholly(result) && result.asked.status === "suppressed" && result.asked.reason === "derived"
  );
}

function groupOptions(
  result: AskedResult,
  rowCode: string | undefined,
): readonly OptionResult[] | undefined {
  if (result.type === "matrix") return result.rows.find((r) => r.code === rowCode)?.options;
  return "options" in result ? result.options : undefined;
}

/** The smallest non-zero count shown, the first in the round's option order on a tie. */
function smallestShown(options: readonly OptionResult[]): string | undefined {
  let pick: OptionResult | undefined;
  for (const option of options) {
    const cell = option.cell;
    if (cell.status !== "shown" || cell.count === 0) continue;
    if (pick === undefined || cell.count < (pick.cell as { count: number }).count) pick = option;
  }
  return pick?.code;
}

function wholly(result: AskedResult): boolean {
  return (
    result.asked.status === "suppressed" &&
    result.answered.status === "suppressed" &&
    !anyShown(result)
  );
}

function anyShown(result: AskedResult): boolean {
  const cells = (options: readonly OptionResult[]) =>
    options.some((x) => x.cell.status === "shown");
  if (result.type === "matrix")
    return result.rows.some((r) => r.answered.status === "shown" || cells(r.options));
  if (result.type === "text") return result.texts.status === "shown";
  return cells(result.options);
}

function place(o: ProtectOptions, state: RoundFigures, id?: string): NotePlace {
  const base = { roundId: state.summary.id, roundLabel: o.roundLabel };
  return id === undefined ? base : { ...base, question: { id, text: o.questionText(id) } };
}

function withNotes(
  state: RoundFigures,
  id: string,
  notes: readonly SuppressionNote[],
  result: AskedResult,
): RoundFigures {
  const results = new Map(state.results);
  results.set(id, result);
  const all = new Map(state.notes);
  all.set(id, notes);
  return { ...state, results, notes: all };
}

function note(reason: SuppressionReason, o: ProtectOptions, at: NotePlace, figure: NotedFigure) {
  return suppressionNote(reason, o.k, at, figure);
}

/** Withholds counts of one group; its mean and "Andet" texts follow, each with its note. */
function withholdCells(
  state: RoundFigures,
  id: string,
  rowCode: string | undefined,
  codes: readonly string[],
  o: ProtectOptions,
): RoundFigures {
  const result = state.results.get(id) as AskedResult;
  const notes = [...(state.notes.get(id) ?? [])];
  const at = place(o, state, id);
  const hide = (options: readonly OptionResult[], row?: { code: string; label: LocalizedText }) =>
    options.map((x): OptionResult => {
      if (!codes.includes(x.code) || x.cell.status !== "shown") return x;
      notes.push(
        note(
          "small_cell",
          o,
          {
            ...at,
            ...(row === undefined ? {} : { row }),
            option: { code: x.code, label: x.label },
          },
          "count",
        ),
      );
      return { ...x, cell: { status: "suppressed", reason: "small_cell" } };
    });
  const meanNote = (row?: { code: string; label: LocalizedText }) =>
    notes.push(note("derived", o, { ...at, ...(row === undefined ? {} : { row }) }, "mean"));
  let next: AskedResult;
  if (result.type === "matrix") {
    next = {
      ...result,
      rows: result.rows.map((r) => {
        if (r.code !== rowCode) return r;
        const row = { code: r.code, label: r.label };
        const options = hide(r.options, row);
        if (r.mean.status !== "shown") return { ...r, options };
        meanNote(row);
        return { ...r, options, mean: { status: "suppressed", reason: "derived" } };
      }),
    };
  } else if (result.type === "text") {
    next = result;
  } else {
    const options = hide(result.options);
    next = { ...result, options } as AskedResult;
    if (next.type === "rating" && next.mean.status === "shown") {
      meanNote();
      next = { ...next, mean: { status: "suppressed", reason: "derived" } };
    }
    if ((next.type === "single" || next.type === "multi") && next.otherTexts.status === "shown") {
      const other = options.find((x) => x.kind === "other");
      if (other?.cell.status === "suppressed")
        next = { ...next, otherTexts: { status: "suppressed", reason: other.cell.reason } };
    }
  }
  return withNotes(state, id, notes, next);
}

/**
 * Withholds how many were asked (and so skipped): they tell how many answered on each version, or
 * (`askedOnCondition`) how many gave the answers a condition names.
 */
function withholdAsked(
  state: RoundFigures,
  id: string,
  o: ProtectOptions,
  figure: NotedFigure = "asked",
): RoundFigures {
  const result = state.results.get(id) as AskedResult;
  const notes = [...(state.notes.get(id) ?? []), note("derived", o, place(o, state, id), figure)];
  return withNotes(state, id, notes, { ...result, asked: derived, skipped: derived });
}

/** A matrix's answered count without the question's other figures: rows keep theirs. */
function withholdAnswered(state: RoundFigures, id: string, o: ProtectOptions): RoundFigures {
  const result = state.results.get(id) as AskedResult;
  if (result.type !== "matrix") return withholdQuestion(state, id, o);
  const notes = [...(state.notes.get(id) ?? []), note("derived", o, place(o, state, id), "asked")];
  return withNotes(state, id, notes, { ...result, answered: derived, skipped: derived });
}

/** Every figure of the question, with one note instead of its others. */
function withholdQuestion(state: RoundFigures, id: string, o: ProtectOptions): RoundFigures {
  const result = state.results.get(id) as AskedResult;
  return withNotes(
    state,
    id,
    [note("derived", o, place(o, state, id), "all")],
    hideAll(result, "derived"),
  );
}

function hideAll(result: AskedResult, reason: SuppressionReason): AskedResult {
  const hidden = { status: "suppressed", reason } as const;
  const cells = (options: readonly OptionResult[]) =>
    options.map(
      (x): OptionResult => (x.cell.status === "not_offered" ? x : { ...x, cell: hidden }),
    );
  const base = { ...result, asked: hidden, answered: hidden, skipped: hidden };
  switch (base.type) {
    case "rating":
      return { ...base, options: cells(base.options), mean: hidden };
    case "single":
    case "multi":
      return { ...base, options: cells(base.options), otherTexts: hidden };
    case "text":
      return { ...base, texts: hidden };
    case "matrix":
      return {
        ...base,
        rows: base.rows.map((r) => ({
          ...r,
          answered: hidden,
          options: cells(r.options),
          mean: hidden,
        })),
      };
  }
}

/** The whole round: its respondents, response rate and every question, with one note. */
function withholdRound(state: RoundFigures, o: ProtectOptions): RoundFigures {
  const done = [...state.results.values()].every(wholly);
  if (done && state.summary.respondents.status === "suppressed") return state;
  const results = new Map<string, AskedResult>();
  const notes = new Map<string, readonly SuppressionNote[]>();
  for (const [id, result] of state.results) {
    results.set(id, hideAll(result, "derived"));
    notes.set(id, []);
  }
  const rate = state.summary.responseRate;
  return {
    summary: {
      ...state.summary,
      respondents: derived,
      responseRate: rate.status === "unknown" ? rate : derived,
    },
    results,
    notes,
    roundNotes: [note("derived", o, place(o, state), "all")],
  };
}
