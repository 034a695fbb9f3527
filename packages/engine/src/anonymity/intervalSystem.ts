/**
 * Whole-number unknowns with bounds, and what a reader knows about them as linear constraints,
 * tightened to a fixpoint (bounds propagation). The bounds it ends with are sound: no value
 * outside them fits the constraints. For one linear constraint with coefficients ±1 they are also
 * exact: every whole number between them fits. Several constraints together can leave bounds
 * wider than the true ones (propagation looks at one constraint at a time).
 */
export class IntervalSystem {
  readonly lo: number[] = [];
  readonly hi: number[] = [];
  /** False once some unknown has no value left: the constraints contradict each other. */
  feasible = true;
  readonly #constraints: Constraint[] = [];
  readonly #watching: number[][] = [];
  /** While probing: each change as (unknown, old lo, old hi), to undo it. */
  #trail: number[] | null = null;
  /** Constraints added, or on an unknown bounded from outside, since the last `propagate`. */
  readonly #dirty = new Set<number>();

  /** A point to come back to with `reset`: the bounds and constraints as they are now. */
  mark(): Mark {
    return {
      lo: [...this.lo],
      hi: [...this.hi],
      constraints: this.#constraints.length,
      variables: this.lo.length,
    };
  }

  /** Forgets every bound, unknown and constraint added since `mark`. */
  reset(mark: Mark): void {
    this.lo.length = mark.variables;
    this.hi.length = mark.variables;
    this.#watching.length = mark.variables;
    mark.lo.forEach((v, i) => {
      this.lo[i] = v;
      this.hi[i] = mark.hi[i] as number;
    });
    this.#constraints.length = mark.constraints;
    for (const list of this.#watching)
      while (list.length > 0 && (list[list.length - 1] as number) >= mark.constraints) list.pop();
    this.#dirty.clear();
    this.feasible = true;
  }

  /** A new unknown in [lo, hi]; `hi` may be Infinity. */
  variable(lo = 0, hi = Number.POSITIVE_INFINITY): number {
    this.lo.push(lo);
    this.hi.push(hi);
    this.#watching.push([]);
    return this.lo.length - 1;
  }

  /** lo ≤ x ≤ hi, intersected with what is known. */
  bound(x: number, lo: number, hi: number): void {
    this.#tighten(x, lo, hi, null);
  }

  /** The constraints that need another look, taken off the list. */
  #queued(): Set<number> {
    const queued = new Set<number>();
    for (const c of this.#dirty) queued.add(c);
    this.#dirty.clear();
    return queued;
  }

  /** min ≤ Σ coefficient × unknown ≤ max (either end may be infinite). */
  linear(terms: readonly (readonly [number, number])[], min: number, max: number): void {
    const kept = terms.filter(([a]) => a !== 0);
    this.#add({ kind: "linear", terms: kept, min, max });
  }

  /**
   * At least one of `cells` is from 1 to k − 1, or equals `whole` while `whole` < `below` (a
   * group's rule about its withheld counts: something small, or everyone, is among them).
   */
  someSmall(cells: readonly number[], k: number, whole: number, below: number): void {
    this.#add({ kind: "someSmall", cells, k, whole, below });
  }

  /** Tightens every bound until nothing changes, or `maxSteps` constraint visits. */
  propagate(maxSteps = 20_000): void {
    this.#run(this.#queued(), maxSteps);
  }

  /**
   * Tries the ends of each unknown in `xs`: an end value that contradicts the constraints (as far
   * as propagation tells) is dropped, up to `maxTries` values per end. This catches what one
   * constraint at a time cannot see, e.g. a withheld sum that leaves room for something small
   * only if both of two counts are small.
   */
  probe(xs: readonly number[], maxTries = 12): void {
    for (let pass = 0, changed = true; changed && this.feasible && pass < 4; pass++) {
      changed = false;
      for (const x of xs) {
        for (const end of ["lo", "hi"] as const) {
          for (let tries = 0; tries < maxTries && this.feasible; tries++) {
            const value = (end === "lo" ? this.lo[x] : this.hi[x]) as number;
            if (!Number.isFinite(value) || this.lo[x] === this.hi[x] || this.#fits(x, value)) break;
            if (end === "lo") this.lo[x] = value + 1;
            else this.hi[x] = value - 1;
            changed = true;
            this.#run(new Set(this.#watching[x]), 20_000);
          }
        }
      }
    }
  }

  /** Whether x = value survives propagation; the bounds are left as they were. */
  #fits(x: number, value: number): boolean {
    const trail: number[] = [x, this.lo[x] as number, this.hi[x] as number];
    this.#trail = trail;
    this.lo[x] = value;
    this.hi[x] = value;
    this.#run(new Set(this.#watching[x]), 5_000);
    const fits = this.feasible;
    this.#trail = null;
    // Undone in reverse, so each unknown ends with the bounds it had first.
    for (let i = trail.length - 3; i >= 0; i -= 3) {
      const at = trail[i] as number;
      this.lo[at] = trail[i + 1] as number;
      this.hi[at] = trail[i + 2] as number;
    }
    this.feasible = true;
    return fits;
  }

  #run(queued: Set<number>, maxSteps: number): void {
    let steps = 0;
    while (queued.size > 0 && this.feasible && steps < maxSteps) {
      const [next] = queued;
      queued.delete(next as number);
      steps++;
      const changed = this.#apply(this.#constraints[next as number] as Constraint);
      for (const x of changed)
        for (const c of this.#watching[x] as number[]) if (c !== next) queued.add(c);
    }
  }

  isFixed(x: number): boolean {
    return this.lo[x] === this.hi[x];
  }

  #add(constraint: Constraint): void {
    const index = this.#constraints.length;
    this.#constraints.push(constraint);
    this.#dirty.add(index);
    const vars =
      constraint.kind === "linear"
        ? constraint.terms.map(([, x]) => x)
        : [...constraint.cells, constraint.whole];
    for (const x of new Set(vars)) (this.#watching[x] as number[]).push(index);
  }

  /** Narrows x to [lo, hi]; the unknowns whose bounds changed. */
  #tighten(x: number, lo: number, hi: number, changed: Set<number> | null): void {
    const oldLo = this.lo[x] as number;
    const oldHi = this.hi[x] as number;
    const newLo = Math.max(oldLo, lo);
    const newHi = Math.min(oldHi, hi);
    if (newLo === oldLo && newHi === oldHi) return;
    this.#trail?.push(x, oldLo, oldHi);
    this.lo[x] = newLo;
    this.hi[x] = newHi;
    if (newLo > newHi) this.feasible = false;
    if (changed !== null) changed.add(x);
    // Set from outside: every constraint on x gets another look at the next `propagate`.
    else for (const c of this.#watching[x] as number[]) this.#dirty.add(c);
  }

  #apply(c: Constraint): Set<number> {
    const changed = new Set<number>();
    if (c.kind === "linear") this.#applyLinear(c, changed);
    else this.#applySomeSmall(c, changed);
    return changed;
  }

  #applyLinear(c: Linear, changed: Set<number>): void {
    // Sums of the smallest and largest value of each term, infinite terms counted apart.
    let minSum = 0;
    let minInfinite = 0;
    let maxSum = 0;
    let maxInfinite = 0;
    const mins: number[] = [];
    const maxs: number[] = [];
    for (const [a, x] of c.terms) {
      const low = a > 0 ? a * (this.lo[x] as number) : a * (this.hi[x] as number);
      const high = a > 0 ? a * (this.hi[x] as number) : a * (this.lo[x] as number);
      mins.push(low);
      maxs.push(high);
      if (Number.isFinite(low)) minSum += low;
      else minInfinite++;
      if (Number.isFinite(high)) maxSum += high;
      else maxInfinite++;
    }
    c.terms.forEach(([a, x], i) => {
      const low = mins[i] as number;
      const high = maxs[i] as number;
      const othersMax =
        maxInfinite - (Number.isFinite(high) ? 0 : 1) > 0
          ? Number.POSITIVE_INFINITY
          : maxSum - (Number.isFinite(high) ? high : 0);
      const othersMin =
        minInfinite - (Number.isFinite(low) ? 0 : 1) > 0
          ? Number.NEGATIVE_INFINITY
          : minSum - (Number.isFinite(low) ? low : 0);
      // a·x ≥ min − othersMax and a·x ≤ max − othersMin.
      const from = c.min - othersMax;
      const to = c.max - othersMin;
      if (a > 0) this.#tighten(x, ceilDiv(from, a), floorDiv(to, a), changed);
      else this.#tighten(x, ceilDiv(to, a), floorDiv(from, a), changed);
    });
  }

  #applySomeSmall(c: SomeSmall, changed: Set<number>): void {
    const wholeLo = this.lo[c.whole] as number;
    const wholeHi = this.hi[c.whole] as number;
    const wholePossible = wholeLo < c.below;
    const canBe = (x: number) => {
      const lo = this.lo[x] as number;
      const hi = this.hi[x] as number;
      const small = lo <= c.k - 1 && hi >= 1;
      const whole = wholePossible && hi >= wholeLo && lo <= Math.min(wholeHi, c.below - 1);
      return small || whole;
    };
    const candidates = c.cells.filter(canBe);
    if (candidates.length === 0) {
      this.feasible = false;
      return;
    }
    if (candidates.length > 1) return;
    const only = candidates[0] as number;
    const top = wholePossible ? Math.max(c.k - 1, Math.min(wholeHi, c.below - 1)) : c.k - 1;
    this.#tighten(only, 1, top, changed);
  }
}

export interface Mark {
  readonly lo: readonly number[];
  readonly hi: readonly number[];
  readonly constraints: number;
  readonly variables: number;
}

interface Linear {
  readonly kind: "linear";
  readonly terms: readonly (readonly [number, number])[];
  readonly min: number;
  readonly max: number;
}

interface SomeSmall {
  readonly kind: "someSmall";
  readonly cells: readonly number[];
  readonly k: number;
  readonly whole: number;
  readonly below: number;
}

type Constraint = Linear | SomeSmall;

/** ⌈p / q⌉ for a whole q ≠ 0; an infinite p gives the infinity of its sign over q's. */
function ceilDiv(p: number, q: number): number {
  return Number.isFinite(p) ? Math.ceil(p / q) : p / q;
}

function floorDiv(p: number, q: number): number {
  return Number.isFinite(p) ? Math.floor(p / q) : p / q;
}
