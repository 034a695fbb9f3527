import { defaultUnanimousBelow } from "../anonymity/anonymityPolicy.js";
import { type AskedResult, protectRound, type RoundFigures } from "../anonymity/protectRound.js";
import { defaultK, minimumK } from "../anonymity/suppressCells.js";
import { type NotePlace, suppressionNote } from "../anonymity/suppressionNote.js";
import { createIssue, fail, type Issue, ok, type Result } from "../issues/issue.js";
import type { NotedFigure } from "../locales/catalogue.js";
import type { Question } from "../questionnaire/model.js";
import type { ChoiceOption, ScaleOption } from "../questionnaire/primitives.js";
import { questionTypeOf } from "../questionnaire/questionTypes/registry.js";
import type { Round } from "../responses/round.js";
import type { QuestionnaireVersion } from "../versions/questionnaireVersion.js";
import type { AccumulatorState, RejectedResponse, RoundTally } from "./accumulator.js";
import { compareRounds } from "./compareRounds.js";
import { type KeptRound, keptRoundsCounted, readKeptRounds } from "./keptRounds.js";
import { placeResult } from "./placeResult.js";
import { codesOf, questionCatalogue } from "./questionCatalogue.js";
import type {
  Count,
  QuestionReport,
  QuestionRoundResult,
  Report,
  RoundSummary,
  SuppressionNote,
} from "./report.js";
import type { Note } from "./summarizeChoices.js";
import { createQuestionTally } from "./tally.js";

export interface ReportOptions {
  /** The rounds to show, oldest first (baseline, follow-up, …). */
  readonly rounds: readonly Round[];
  /** Every version the rounds and their responses use. */
  readonly versions: readonly QuestionnaireVersion[];
  /** Minimum group size; default 5, never below 3. */
  readonly k?: number;
  /**
   * Below this many answers in a question (a matrix row), a count holding every one of them is
   * withheld; default 10. 0 (or anything up to k) turns the rule off.
   */
  readonly unanimousBelow?: number;
  /**
   * Single-round reports, made earlier with the same k, of rounds whose responses were deleted;
   * each stands in for its round's responses. Default none.
   */
  readonly kept?: readonly Report[];
}

/**
 * Checks the options a report is built with; issues for a k below 3, a round on an unknown
 * version, or a kept report that cannot stand in for its round.
 */
export function checkReportOptions(options: ReportOptions): Issue[] {
  const read = readOptions(options);
  return read.success ? [] : [...read.issues];
}

/** The kept rounds by id, once the options are checked. */
function readOptions(options: ReportOptions): Result<Map<string, KeptRound>> {
  const issues: Issue[] = [];
  const k = options.k ?? defaultK;
  if (!Number.isInteger(k) || k < minimumK) {
    issues.push(createIssue("too_small", ["k"], { limit: minimumK, received: String(k) }));
  }
  const unanimousBelow = options.unanimousBelow ?? defaultUnanimousBelow;
  if (!Number.isInteger(unanimousBelow) || unanimousBelow < 0) {
    issues.push(
      createIssue("too_small", ["unanimousBelow"], { limit: 0, received: String(unanimousBelow) }),
    );
  }
  const byHash = new Map(options.versions.map((v) => [v.hash, v]));
  options.rounds.forEach((round, i) => {
    if (!byHash.has(round.versionHash)) {
      issues.push(
        createIssue("unknown_version", ["rounds", i, "versionHash"], { value: round.versionHash }),
      );
    }
  });
  const kept = readKeptRounds(options.kept ?? [], options.rounds, byHash, { k, unanimousBelow });
  if (!kept.success) issues.push(...kept.issues);
  return issues.length > 0 || !kept.success ? fail(issues) : kept;
}

/**
 * Turns counted responses into the report shown at the meeting, with the anonymity rules
 * applied here, so that no caller can forget them (see the engine README, "Anonymity").
 */
export function buildReport(state: AccumulatorState, options: ReportOptions): Result<Report> {
  return buildReportWith(state, options, protectRound);
}

/**
 * `buildReport` with another last step than the audit loop. Not exported from the package: the
 * bench passes `(figures) => figures` to measure what the audit costs.
 */
export function buildReportWith(
  state: AccumulatorState,
  options: ReportOptions,
  protect: typeof protectRound,
): Result<Report> {
  const read = readOptions(options);
  if (!read.success) return read;
  const kept = read.data;
  const countedTwice = keptRoundsCounted(options.kept ?? [], state);
  if (countedTwice.length > 0) return fail(countedTwice);
  const k = options.k ?? defaultK;
  const unanimousBelow = options.unanimousBelow ?? defaultUnanimousBelow;
  const byHash = new Map(options.versions.map((v) => [v.hash, v]));
  const roundVersions = options.rounds.map((round) => {
    const keptRound = kept.get(round.id);
    if (keptRound !== undefined) return keptRound.versions;
    const tally = state.rounds[round.id];
    const n = tally?.respondents ?? 0;
    // A withheld round names only its own version: how many versions it was answered on would
    // tell how many answered.
    if (n > 0 && n < k) return [byHash.get(round.versionHash) as QuestionnaireVersion];
    return versionsOfRound(round, tally, byHash);
  });
  const catalogue = questionCatalogue(orderVersions(roundVersions, options.versions));
  // A round's figures come from its own versions' definitions (option order, kinds, type) alone,
  // so a round shows the same figures in every report it is in: two reports that differed could
  // be set side by side to work a withheld count out.
  const ownQuestions = roundVersions.map((versions) => questionCatalogue(versions));

  const figures = options.rounds.map((round, i): RoundFigures => {
    const own = ownQuestions[i] as Map<string, Question>;
    const versions = roundVersions[i] as readonly QuestionnaireVersion[];
    const unprotected =
      kept.get(round.id) === undefined
        ? countedRound(round, state.rounds[round.id], own, versions, k, state.rejected)
        : keptFigures(round, kept.get(round.id) as KeptRound, own);
    return protect(unprotected, {
      k,
      unanimousBelow,
      versions,
      roundLabel: round.label,
      questionText: (id) => (own.get(id) as Question).text,
    });
  });
  const notes: SuppressionNote[] = [];
  const questions: QuestionReport[] = [...catalogue.values()].map((question) => ({
    id: question.id,
    type: question.type,
    text: question.text,
    ...shownIfOf(question, catalogue),
    ...optionsOf(question),
    perRound: options.rounds.map((round, i): QuestionRoundResult => {
      const own = ownQuestions[i]?.get(question.id);
      const result = figures[i]?.results.get(question.id);
      if (own === undefined || result === undefined)
        return { type: "not_asked", roundId: round.id };
      notes.push(...(figures[i]?.notes.get(question.id) ?? []));
      return placeResult(question, own, result);
    }),
  }));
  for (const round of figures) notes.push(...round.roundNotes);
  const roundIds = new Set(options.rounds.map((r) => r.id));
  const report: Report = {
    reportVersion: 1,
    k,
    unanimousBelow,
    rounds: figures.map((f) => f.summary),
    questions,
    comparisons: options.rounds.slice(1).map((followUp, i) => {
      const baseline = options.rounds[i] as Round;
      return compareRounds(questions, baseline, followUp, byHash);
    }),
    rejected: rejectedIn(state.rejected, (r) => r.roundId === null || !roundIds.has(r.roundId)),
    suppressed: notes,
  };
  return ok(report);
}

/** A round's figures from its counted responses, with the threshold and small-cell rules applied. */
function countedRound(
  round: Round,
  tally: RoundTally | undefined,
  own: ReadonlyMap<string, Question>,
  versions: readonly QuestionnaireVersion[],
  k: number,
  rejected: readonly RejectedResponse[],
): RoundFigures {
  const n = tally?.respondents ?? 0;
  const summary = summarizeRound(
    round,
    n === 0 || n >= k ? { status: "shown", value: n } : fewRespondents(),
    versions.map((v) => v.hash),
    rejectedIn(rejected, (r) => r.roundId === round.id),
  );
  const results = new Map<string, AskedResult>();
  const notes = new Map<string, SuppressionNote[]>();
  for (const question of own.values()) {
    const list: SuppressionNote[] = [];
    results.set(question.id, summarizeQuestion(question, round, tally, versions, k, list));
    notes.set(question.id, list);
  }
  const roundNotes =
    summary.respondents.status === "suppressed"
      ? [
          suppressionNote(
            "few_respondents",
            k,
            { roundId: round.id, roundLabel: round.label },
            "all",
          ),
        ]
      : [];
  return { summary, results, notes, roundNotes };
}

/** A kept round's figures as its report kept them, under the round's label and invited of now. */
function keptFigures(
  round: Round,
  keptRound: KeptRound,
  own: ReadonlyMap<string, Question>,
): RoundFigures {
  const { summary } = keptRound;
  const results = new Map<string, AskedResult>();
  for (const id of own.keys()) {
    // Checked to be there and asked: the kept report is of the same versions.
    results.set(id, keptRound.results.get(id) as AskedResult);
  }
  return {
    summary: summarizeRound(round, summary.respondents, summary.versions, summary.rejected),
    results,
    notes: keptRound.notes,
    roundNotes: keptRound.roundNotes,
  };
}

/** The versions a round's responses were given on, its own version always among them, sorted last. */
function versionsOfRound(
  round: Round,
  tally: RoundTally | undefined,
  byHash: ReadonlyMap<string, QuestionnaireVersion>,
) {
  const others = Object.keys(tally?.versions ?? {})
    .filter((h) => h !== round.versionHash)
    .sort();
  return [...others, round.versionHash].flatMap((h) => byHash.get(h) ?? []);
}

function orderVersions(
  perRound: readonly (readonly QuestionnaireVersion[])[],
  all: readonly QuestionnaireVersion[],
) {
  const seen = new Set<string>();
  const ordered: QuestionnaireVersion[] = [];
  for (const v of [
    ...all.filter((v) => !perRound.some((r) => r.includes(v))),
    ...perRound.flat(),
  ]) {
    if (seen.has(v.hash)) continue;
    seen.add(v.hash);
    ordered.push(v);
  }
  return ordered;
}

/** The condition in words, from the catalogue (the question it names is in the same versions). */
function shownIfOf(
  question: Question,
  catalogue: ReadonlyMap<string, Question>,
): Pick<QuestionReport, "shownIf"> | Record<string, never> {
  const condition = question.showIf;
  const source = condition === undefined ? undefined : catalogue.get(condition.question);
  if (condition === undefined || source === undefined || !("options" in source)) return {};
  const labels = new Map(source.options.map((o) => [o.code, o.label]));
  return {
    shownIf: {
      question: source.id,
      text: source.text,
      options: condition.anyOf.flatMap((code) => {
        const label = labels.get(code);
        return label === undefined ? [] : [label];
      }),
    },
  };
}

function optionsOf(question: Question): Pick<QuestionReport, "options"> | Record<string, never> {
  if (question.type === "matrix") return { options: question.columns };
  if ("options" in question) return { options: question.options };
  return {};
}

function summarizeRound(
  round: Round,
  respondents: Count,
  versions: readonly string[],
  rejected: RoundSummary["rejected"],
): RoundSummary {
  const rate: RoundSummary["responseRate"] =
    round.invited === undefined
      ? { status: "unknown" }
      : respondents.status === "shown"
        ? { status: "shown", value: respondents.value / round.invited }
        : respondents;
  return {
    id: round.id,
    label: round.label,
    cluster: round.cluster,
    ...(round.municipality === undefined ? {} : { municipality: round.municipality }),
    versionHash: round.versionHash,
    versions: [...versions],
    ...(round.invited === undefined ? {} : { invited: round.invited }),
    respondents,
    responseRate: rate,
    rejected: [...rejected],
  };
}

/** One round's figures for a question the round asked; `question` is the round's own definition. */
function summarizeQuestion(
  question: Question,
  round: Round,
  roundTally: RoundTally | undefined,
  versions: readonly QuestionnaireVersion[],
  k: number,
  notes: SuppressionNote[],
): AskedResult {
  const asking = versions.flatMap((v) =>
    v.questionnaire.questions.filter((q) => q.id === question.id),
  );
  const offered = new Set(asking.flatMap((q) => codesOf(q).options));
  const offeredRows = new Set(asking.flatMap((q) => codesOf(q).rows));
  const tally = roundTally?.questions[question.id] ?? createQuestionTally();
  const roundShown = (roundTally?.respondents ?? 0) === 0 || (roundTally?.respondents ?? 0) >= k;
  const askedShown = roundShown && (tally.asked === 0 || tally.asked >= k);
  const answeredShown = roundShown && (tally.answered === 0 || tally.answered >= k);
  const contentShown = roundShown && tally.answered >= k;
  const at: NotePlace = {
    roundId: round.id,
    roundLabel: round.label,
    question: { id: question.id, text: question.text },
  };
  // One note whenever the question's figures are withheld, also when nobody answered it.
  if (roundShown && tally.asked > 0 && !contentShown) {
    notes.push(suppressionNote("few_respondents", k, at, tally.answered === 0 ? "nobody" : "all"));
  }
  const addNote: Note = (reason, where = {}) => {
    const figure: NotedFigure =
      where.mean === true
        ? "mean"
        : where.nobody === true
          ? "nobody"
          : where.option === undefined
            ? "all"
            : "count";
    notes.push(suppressionNote(reason, k, { ...at, ...labelsOf(question, where) }, figure));
  };
  const count = (value: number, shown: boolean): Count =>
    shown ? { status: "shown", value } : { status: "suppressed", reason: "few_respondents" };
  const summary = questionTypeOf(question.type).summarize({
    question,
    tally,
    offered,
    offeredRows,
    k,
    contentShown,
    note: addNote,
  });
  return {
    type: question.type,
    roundId: round.id,
    asked: count(tally.asked, askedShown),
    answered: count(tally.answered, answeredShown),
    // Skipped is asked minus answered: shown only when both are, or it would give a withheld one away.
    skipped: count(tally.asked - tally.answered, askedShown && answeredShown),
    ...summary,
  } as AskedResult;
}

/** The row's and option's labels in the question's own definition, for a note. */
function labelsOf(
  question: Question,
  where: { row?: string; option?: string },
): Pick<NotePlace, "row" | "option"> {
  const options: readonly (ChoiceOption | ScaleOption)[] =
    question.type === "matrix" ? question.columns : "options" in question ? question.options : [];
  const rows = question.type === "matrix" ? question.rows : [];
  const row = rows.find((r) => r.code === where.row);
  const option = options.find((o) => o.code === where.option);
  return {
    ...(row === undefined ? {} : { row: { code: row.code, label: row.label } }),
    ...(option === undefined ? {} : { option: { code: option.code, label: option.label } }),
  };
}

function fewRespondents() {
  return { status: "suppressed", reason: "few_respondents" } as const;
}
/** Rejected responses in a fixed order, so the report does not depend on the order responses came in. */
function rejectedIn(rejected: readonly RejectedResponse[], keep: (r: RejectedResponse) => boolean) {
  return rejected
    .filter(keep)
    .map(rejectedOf)
    .map((r) => ({ r, key: JSON.stringify(r) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ r }) => r);
}

function rejectedOf(r: RejectedResponse) {
  return {
    responseId: r.responseId,
    codes: [...new Set(r.issues.map((i) => i.code))].sort(),
  };
}
