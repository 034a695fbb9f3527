/** A written answer as the slide lists it: merged ones say that several wrote it. */
export interface TextLine {
  readonly text: string;
  /** How many wrote it: set when at least k did. */
  readonly count?: number;
  /** Set when more than one but fewer than k wrote it: the count is not shown. */
  readonly repeated?: true;
}

const tidy = (text: string) => text.trim().replace(/\s+/g, " ");
/** Same answer: case, surrounding and repeated whitespace do not count. */
const keyOf = (text: string) => tidy(text).toLocaleLowerCase("da");

/**
 * Identical answers merged into one line, the most frequent first: with their count when at
 * least `k` wrote it, else only marked as written by several — listing them one by one would
 * show a count below k as plainly as a number would. Blank answers are left out.
 */
export function mergeTexts(items: readonly string[], k: number): TextLine[] {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === "") continue;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [tidy(item)]);
    else group.push(item);
  }
  const counted = [...groups.values()].map((group) => ({
    text: group[0] as string,
    n: group.length,
  }));
  // Stable: equally frequent answers keep the order they came in.
  counted.sort((a, b) => b.n - a.n);
  return counted.map(({ text, n }): TextLine => {
    if (n >= k) return { text, count: n };
    if (n > 1) return { text, repeated: true };
    return { text };
  });
}
