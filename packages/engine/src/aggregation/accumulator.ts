import type { Issue } from "../issues/issue.js";
import { isShown } from "../questionnaire/conditions.js";
import type { Answer } from "../questionnaire/model.js";
import { questionTypeOf } from "../questionnaire/questionTypes/registry.js";
import type { Response } from "../responses/response.js";
import type { QuestionnaireVersion } from "../versions/questionnaireVersion.js";
import {
  createQuestionTally,
  emptyRecord,
  mergeQuestionTallies,
  type QuestionTally,
} from "./tally.js";

export interface RoundTally {
  respondents: number;
  /** Version hash → responses given on it. */
  versions: Record<string, number>;
  /** Question id → its tally in this round. */
  questions: Record<string, QuestionTally>;
}

/** A response that failed validation: kept in the result with its issues, never dropped silently. */
export interface RejectedResponse {
  readonly responseId: string | null;
  readonly roundId: string | null;
  readonly issues: readonly Issue[];
}

/** Plain data: what the accumulator has counted so far. */
export interface AccumulatorState {
  rounds: Record<string, RoundTally>;
  rejected: RejectedResponse[];
}

type Step = {
  readonly id: string;
  readonly tally: QuestionTally;
  readonly add: (t: QuestionTally, a: Answer) => void;
  /** A conditional question: asked only of those it was shown to. */
  readonly shown: ((answers: Readonly<Record<string, Answer>>) => boolean) | undefined;
  /** The id names a member of Object.prototype ("constructor", "toString", …). */
  readonly inherited: boolean;
};

/**
 * Counts responses one at a time (streaming): memory grows with rounds, questions and options,
 * not with responses, except for the free texts themselves. Responses must be valid for their
 * version (see `validateResponse`) and unique by id; `aggregate` does both checks for you.
 */
export class Accumulator {
  readonly state: AccumulatorState;
  // One compiled list of (question, tally, adder) per version and round: the hot loop walks it.
  // Looked up by object and id, so `add` allocates nothing (no key string per response).
  readonly #plans = new WeakMap<QuestionnaireVersion, Map<string, Step[]>>();

  /**
   * Starts empty, or from a state saved earlier (e.g. `JSON.parse` of a stored one). That state
   * is copied into prototype-free records: a round or option may be called "constructor".
   */
  constructor(state?: AccumulatorState) {
    this.state = state === undefined ? { rounds: emptyRecord(), rejected: [] } : copyState(state);
  }

  /** A response with no answers at all is not a respondent: it is counted nowhere. */
  add(version: QuestionnaireVersion, response: Response): this {
    if (!hasAnswers(response)) return this;
    const plan = this.#planFor(version, response.roundId);
    const answers = response.answers;
    for (let i = 0; i < plan.length; i++) {
      const step = plan[i] as Step;
      const tally = step.tally;
      if (step.shown !== undefined && !step.shown(answers)) continue;
      tally.asked++;
      // An id such as "constructor" must not find Object.prototype's member in a plain record.
      const answer =
        step.inherited && !Object.hasOwn(answers, step.id) ? undefined : answers[step.id];
      if (answer === undefined) continue;
      tally.answered++;
      step.add(tally, answer);
    }
    const round = this.state.rounds[response.roundId] as RoundTally;
    round.respondents++;
    round.versions[version.hash] = (round.versions[version.hash] ?? 0) + 1;
    return this;
  }

  reject(rejected: RejectedResponse): this {
    this.state.rejected.push(rejected);
    return this;
  }

  /** A new accumulator holding both; neither input changes. Order of merging does not matter. */
  static merge(a: Accumulator, b: Accumulator): Accumulator {
    const rounds = emptyRecord<RoundTally>();
    for (const source of [a.state.rounds, b.state.rounds]) {
      for (const id in source) {
        const from = source[id] as RoundTally;
        const into = entryOf(rounds, id, emptyRoundTally);
        into.respondents += from.respondents;
        for (const hash in from.versions)
          into.versions[hash] = (into.versions[hash] ?? 0) + (from.versions[hash] as number);
        for (const q in from.questions) {
          into.questions[q] = mergeQuestionTallies(
            into.questions[q] ?? createQuestionTally(),
            from.questions[q] as QuestionTally,
          );
        }
      }
    }
    return new Accumulator({ rounds, rejected: [...a.state.rejected, ...b.state.rejected] });
  }

  #planFor(version: QuestionnaireVersion, roundId: string): Step[] {
    let byRound = this.#plans.get(version);
    if (byRound === undefined) {
      byRound = new Map();
      this.#plans.set(version, byRound);
    }
    let plan = byRound.get(roundId);
    if (plan !== undefined) return plan;
    const round = entryOf(this.state.rounds, roundId, emptyRoundTally);
    plan = version.questionnaire.questions.map((question) => {
      const tally = entryOf(round.questions, question.id, createQuestionTally);
      return {
        id: question.id,
        tally,
        add: questionTypeOf(question.type).createAdder(question) as Step["add"],
        inherited: question.id in Object.prototype,
        shown:
          question.showIf === undefined
            ? undefined
            : (answers: Readonly<Record<string, Answer>>) => isShown(question, answers),
      };
    });
    byRound.set(roundId, plan);
    return plan;
  }
}

/** Whether the response answers at least one question (an empty submission does not). */
export function hasAnswers(response: Pick<Response, "answers">): boolean {
  // A loop that stops at the first key: Object.keys would build an array per response.
  for (const _ in response.answers) return true;
  return false;
}

function copyState(state: AccumulatorState): AccumulatorState {
  const rounds = emptyRecord<RoundTally>();
  for (const [id, round] of Object.entries(state.rounds)) {
    const questions = emptyRecord<QuestionTally>();
    for (const [q, tally] of Object.entries(round.questions)) {
      questions[q] = mergeQuestionTallies(createQuestionTally(), tally);
    }
    rounds[id] = {
      respondents: round.respondents,
      versions: Object.assign(emptyRecord<number>(), round.versions),
      questions,
    };
  }
  return { rounds, rejected: [...state.rejected] };
}

/** The record's entry for `key`, made by `make` when missing. */
function entryOf<T>(record: Record<string, T>, key: string, make: () => T): T {
  let entry = record[key];
  if (entry === undefined) {
    entry = make();
    record[key] = entry;
  }
  return entry;
}

function emptyRoundTally(): RoundTally {
  return { respondents: 0, versions: emptyRecord(), questions: emptyRecord() };
}
