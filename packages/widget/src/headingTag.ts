export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

const tags = { 1: "h1", 2: "h2", 3: "h3", 4: "h4", 5: "h5", 6: "h6" } as const;

/** The heading element for a level; levels past 6 stay at h6, as HTML has no deeper heading. */
export function headingTag(level: number): (typeof tags)[HeadingLevel] {
  const clamped = Math.min(6, Math.max(1, Math.trunc(level))) as HeadingLevel;
  return tags[clamped];
}
