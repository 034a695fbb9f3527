/** Below this many strings a range is finished by insertion sort. */
const smallRange = 12;

/**
 * A sorted copy of `items` in UTF-16 code-unit order: the same result as `[...items].sort()`,
 * about twice as fast on a report's free texts (1.5 million texts at 1M responses), because it
 * reads each code unit of a shared prefix once instead of once per comparison.
 *
 * Three-way radix quicksort (Bentley & Sedgewick, "Fast algorithms for sorting and searching
 * strings", 1997) on an explicit stack, so a long common prefix cannot overflow the call stack.
 * A range that keeps splitting badly (more than `budget` uneven partitions on its way down) is
 * finished by the built-in sort, which bounds the worst case at O(n log n) comparisons.
 */
export function sortByCodeUnits(
  items: readonly string[],
  budget = 2 * Math.ceil(Math.log2(items.length + 1)) + 16,
): string[] {
  const a = [...items];
  // Ranges still to sort, four numbers each: first index, last index, code unit, budget left.
  const stack: number[] = [0, a.length - 1, 0, budget];
  while (stack.length > 0) {
    const left = stack.pop() as number;
    const d = stack.pop() as number;
    const hi = stack.pop() as number;
    const lo = stack.pop() as number;
    if (hi - lo < smallRange) {
      insertionSort(a, lo, hi);
      continue;
    }
    if (left === 0) {
      sortRangeNatively(a, lo, hi);
      continue;
    }
    const v = medianOfThree(unitAt(a[lo], d), unitAt(a[(lo + hi) >>> 1], d), unitAt(a[hi], d));
    // a[lo..lt-1] < v, a[lt..gt] = v, a[gt+1..hi] > v at code unit d.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const s = a[i] as string;
      const t = unitAt(s, d);
      if (t < v) {
        a[i++] = a[lt] as string;
        a[lt++] = s;
      } else if (t > v) {
        a[i] = a[gt] as string;
        a[gt--] = s;
      } else i++;
    }
    if (lo < lt - 1) stack.push(lo, lt - 1, d, left - 1);
    if (gt + 1 < hi) stack.push(gt + 1, hi, d, left - 1);
    // Strings that end at d (v = -1) are equal: nothing left to sort among them.
    if (v >= 0 && lt < gt) stack.push(lt, gt, d + 1, left);
  }
  return a;
}

/** The code unit at `d`, or -1 past the end, so a prefix sorts before its extensions. */
function unitAt(s: string | undefined, d: number): number {
  return s !== undefined && d < s.length ? s.charCodeAt(d) : -1;
}

function medianOfThree(x: number, y: number, z: number): number {
  return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
}

/** Strings in a range share their first code units, so comparing them whole is still right. */
function insertionSort(a: string[], lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const s = a[i] as string;
    let j = i - 1;
    while (j >= lo && (a[j] as string) > s) {
      a[j + 1] = a[j] as string;
      j--;
    }
    a[j + 1] = s;
  }
}

function sortRangeNatively(a: string[], lo: number, hi: number): void {
  const sorted = a.slice(lo, hi + 1).sort();
  for (let i = 0; i < sorted.length; i++) a[lo + i] = sorted[i] as string;
}
