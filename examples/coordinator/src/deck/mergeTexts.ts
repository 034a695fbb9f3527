/** A written answer as the slide lists it: merged ones carry how many wrote it. */
export interface TextLine {
  readonly text: string;
  /** Set when at least k wrote the same answer. */
  readonly count?: number;
}

const tidy = (text: string) => text.trim().replace(/\s+/g, " ");
/** Same answer: case, surrounding and repeated whitespace do not count. */
const keyOf = (text: string) => tidy(text).toLocaleLowerCase("da");

/**
 * Identical answers merged into one line with their count when at least `k` wrote it, the
 * most frequent first; an answer fewer than k wrote stays a line per answer, so no count below
 * k is shown. Blank answers are left out.
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
  const merged: TextLine[] = [];
  const single: TextLine[] = [];
  for (const group of groups.values()) {
    const text = group[0] as string;
    if (group.length >= k) merged.push({ text, count: group.length });
    else for (const item of group) single.push({ text: tidy(item) });
  }
  merged.sort((a, b) => (b.count ?? 0) - (a.count ?? 0));
  return [...merged, ...single];
}
