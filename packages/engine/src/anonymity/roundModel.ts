import { codesOf } from "../aggregation/questionCatalogue.js";
import type { Question } from "../questionnaire/model.js";
import type { QuestionnaireVersion } from "../versions/questionnaireVersion.js";
import type { IntervalSystem } from "./intervalSystem.js";

const exclusiveKinds = new Set(["none", "dontKnow"]);

/** Keys of a round's unknowns, the same in every model so that models can be linked. */
export const keyOf = {
  respondents: () => "R",
  version: (hash: string) => `v|${hash}`,
  asked: (q: string) => `asked|${q}`,
  answered: (q: string) => `answered|${q}`,
  rowAnswered: (q: string, row: string) => `row|${q}|${row}`,
  cell: (q: string, option: string, row?: string) =>
    row === undefined ? `cell|${q}|${option}` : `cell|${q}|${row}|${option}`,
};

/** How a question's versions in the round agree: one type, or several (then fewer rules hold). */
interface AskedBy {
  readonly versions: readonly string[];
  readonly definitions: readonly Question[];
}

/**
 * The unknowns of one round's responses (how many answered, on which version, each question's
 * asked and answered, each option's count) and the rules every valid set of responses obeys:
 * a single choice is one option, a multiple choice at least one, "Nej"/"Ved ikke" alone, a
 * matrix answer at least one row, each question and option only on the versions that have it,
 * and every respondent answered at least one question.
 */
export class RoundModel {
  readonly keys = new Map<string, number>();
  readonly askedBy = new Map<string, AskedBy>();

  /**
   * `universe`: the versions in play; `answeredOn`: those known to hold at least one response;
   * `possible`: the only ones that may hold any (null: all of them); `only`: the questions to
   * model (default all).
   */
  constructor(
    readonly system: IntervalSystem,
    universe: readonly QuestionnaireVersion[],
    answeredOn: ReadonlySet<string>,
    possible: ReadonlySet<string> | null,
    only?: ReadonlySet<string>,
  ) {
    const R = this.#new(keyOf.respondents());
    const versionTerms: [number, number][] = [[1, R]];
    for (const v of universe) {
      const lo = answeredOn.has(v.hash) ? 1 : 0;
      const hi = possible === null || possible.has(v.hash) ? Number.POSITIVE_INFINITY : 0;
      versionTerms.push([-1, this.#new(keyOf.version(v.hash), lo, hi)]);
      for (const q of v.questionnaire.questions) {
        const entry = this.askedBy.get(q.id) ?? { versions: [], definitions: [] };
        this.askedBy.set(q.id, {
          versions: [...entry.versions, v.hash],
          definitions: [...entry.definitions, q],
        });
      }
    }
    system.linear(versionTerms, 0, 0);
    for (const [id, by] of this.askedBy)
      if (only === undefined || only.has(id)) this.#question(id, by);
    // After every question: a condition names a question that may come later in the map.
    for (const [id, by] of this.askedBy)
      if (only === undefined || only.has(id)) this.#condition(id, by);
    // A response with no answer at all is not a respondent: each answered something.
    if (only === undefined && this.askedBy.size > 0) {
      const answered: [number, number][] = [...this.askedBy.keys()].map((id) => [
        1,
        this.keys.get(keyOf.answered(id)) as number,
      ]);
      system.linear([...answered, [-1, R]], 0, Number.POSITIVE_INFINITY);
    }
  }

  /** The unknown under `key`, if the round's versions have it. */
  get(key: string): number | undefined {
    return this.keys.get(key);
  }

  #new(key: string, lo = 0, hi = Number.POSITIVE_INFINITY): number {
    const x = this.system.variable(lo, hi);
    this.keys.set(key, x);
    return x;
  }

  /** Σ respondents of the versions that have it (by their hashes). */
  #on(hashes: readonly string[]): [number, number][] {
    return hashes.map((h) => [1, this.keys.get(keyOf.version(h)) as number]);
  }

  #question(id: string, by: AskedBy): void {
    const s = this.system;
    const asked = this.#new(keyOf.asked(id));
    const answered = this.#new(keyOf.answered(id));
    // A conditional question is asked only of those it was shown to: at most its versions' total.
    const conditional = by.definitions.some((q) => q.showIf !== undefined);
    s.linear(
      [[1, asked], ...negate(this.#on(by.versions))],
      conditional ? Number.NEGATIVE_INFINITY : 0,
      0,
    );
    s.linear(
      [
        [1, answered],
        [-1, asked],
      ],
      Number.NEGATIVE_INFINITY,
      0,
    );
    const types = new Set(by.definitions.map((q) => q.type));
    const [type] = types;
    if (types.size > 1) {
      if (!types.has("matrix") && !types.has("text")) this.#choices(id, by, answered, "mixed");
      return;
    }
    if (type === "matrix") this.#matrix(id, by, answered);
    else if (type === "single" || type === "rating") this.#choices(id, by, answered, "one");
    else if (type === "multi") this.#choices(id, by, answered, "many");
  }

  /**
   * What a condition tells of a conditional question's asked, from its source question's counts:
   * only those who answered the source were shown it, and only those who chose one of `anyOf`.
   * Exact when every version asks it alike on the same versions as the source, sound otherwise.
   */
  #condition(id: string, by: AskedBy): void {
    const conditions = by.definitions.map((q) => q.showIf);
    const [first] = conditions;
    if (first === undefined || conditions.some((c) => c?.question !== first.question)) return;
    const s = this.system;
    const asked = this.keys.get(keyOf.asked(id)) as number;
    const sourceAnswered = this.keys.get(keyOf.answered(first.question));
    const source = this.askedBy.get(first.question);
    if (sourceAnswered === undefined || source === undefined) return;
    s.linear(
      [
        [1, asked],
        [-1, sourceAnswered],
      ],
      Number.NEGATIVE_INFINITY,
      0,
    );
    const union = [...new Set(conditions.flatMap((c) => c?.anyOf ?? []))];
    const cells = union.map((code) => this.keys.get(keyOf.cell(first.question, code)));
    if (cells.some((x) => x === undefined)) return;
    const terms: [number, number][] = (cells as number[]).map((x) => [1, x]);
    // Each one shown it chose (or ticked) at least one of the options.
    s.linear([[1, asked], ...negate(terms)], Number.NEGATIVE_INFINITY, 0);
    const alike =
      conditions.every((c) => sameCodes(c?.anyOf ?? [], first.anyOf)) &&
      source.versions.length === by.versions.length &&
      source.versions.every((v) => by.versions.includes(v));
    if (!alike) return;
    const types = new Set(source.definitions.map((q) => q.type));
    if ([...types].every((t) => t === "single" || t === "rating"))
      s.linear([[1, asked], ...negate(terms)], 0, 0);
    else if (types.size === 1 && types.has("multi"))
      for (const [, x] of terms)
        s.linear(
          [
            [1, asked],
            [-1, x],
          ],
          0,
          Number.POSITIVE_INFINITY,
        );
  }

  /** Options offered by some version, each with the versions that offer it. */
  #offered(by: AskedBy, codes: (q: Question) => readonly string[]): Map<string, string[]> {
    const offered = new Map<string, string[]>();
    by.definitions.forEach((q, i) => {
      for (const code of codes(q))
        offered.set(code, [...(offered.get(code) ?? []), by.versions[i] as string]);
    });
    return offered;
  }

  /** A count is at most the respondents of the versions that offer its option. */
  #onlyWhereOffered(cell: number, offeredBy: readonly string[], all: readonly string[]): void {
    if (offeredBy.length < all.length)
      this.system.linear([[1, cell], ...negate(this.#on(offeredBy))], Number.NEGATIVE_INFINITY, 0);
  }

  #choices(id: string, by: AskedBy, answered: number, mode: "one" | "many" | "mixed"): void {
    const s = this.system;
    const offered = this.#offered(by, (q) => codesOf(q).options);
    const cells: number[] = [];
    const exclusive: number[] = [];
    const regular: number[] = [];
    for (const [code, versions] of offered) {
      const cell = this.#new(keyOf.cell(id, code));
      cells.push(cell);
      this.#onlyWhereOffered(cell, versions, by.versions);
      s.linear(
        [
          [1, cell],
          [-1, answered],
        ],
        Number.NEGATIVE_INFINITY,
        0,
      );
      const kinds = by.definitions.flatMap((q) =>
        "options" in q ? q.options.filter((o) => o.code === code).map((o) => o.kind) : [],
      );
      if (kinds.every((kind) => exclusiveKinds.has(kind ?? ""))) exclusive.push(cell);
      else regular.push(cell);
    }
    const all: [number, number][] = cells.map((c) => [1, c]);
    if (mode === "one") {
      s.linear([...all, [-1, answered]], 0, 0);
      return;
    }
    // Everyone who answered ticked at least one option.
    s.linear([...all, [-1, answered]], 0, Number.POSITIVE_INFINITY);
    if (mode === "mixed" || exclusive.length === 0) return;
    // "Nej"/"Ved ikke" stand alone: who ticked one ticked nothing else.
    const alone: [number, number][] = exclusive.map((c) => [1, c]);
    s.linear([...alone, [-1, answered]], Number.NEGATIVE_INFINITY, 0);
    for (const cell of regular)
      s.linear([[1, cell], ...alone, [-1, answered]], Number.NEGATIVE_INFINITY, 0);
  }

  #matrix(id: string, by: AskedBy, answered: number): void {
    const s = this.system;
    const rows = this.#offered(by, (q) => codesOf(q).rows);
    const columns = this.#offered(by, (q) => codesOf(q).options);
    const rowTerms: [number, number][] = [];
    for (const [row, rowVersions] of rows) {
      const rowAnswered = this.#new(keyOf.rowAnswered(id, row));
      rowTerms.push([1, rowAnswered]);
      this.#onlyWhereOffered(rowAnswered, rowVersions, by.versions);
      s.linear(
        [
          [1, rowAnswered],
          [-1, answered],
        ],
        Number.NEGATIVE_INFINITY,
        0,
      );
      const cells: [number, number][] = [];
      for (const [column, columnVersions] of columns) {
        const cell = this.#new(keyOf.cell(id, column, row));
        cells.push([1, cell]);
        this.#onlyWhereOffered(
          cell,
          columnVersions.filter((v) => rowVersions.includes(v)),
          by.versions,
        );
      }
      s.linear([...cells, [-1, rowAnswered]], 0, 0);
    }
    // A matrix answer has at least one row.
    s.linear([...rowTerms, [-1, answered]], 0, Number.POSITIVE_INFINITY);
  }
}

function sameCodes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((code) => b.includes(code));
}

function negate(terms: readonly [number, number][]): [number, number][] {
  return terms.map(([a, x]) => [-a, x]);
}
