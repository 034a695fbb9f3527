/** Room around a horizontal bar chart's plot: the category labels and the value labels. */
export interface ChartLayout {
  readonly categoryWidth: number;
  readonly labelRoom: number;
}

const leftMargin = 8;
/** The plot keeps at least this much of the width, so a bar always has room to be drawn. */
const minPlotShare = 0.35;

/**
 * Fits the label columns to the measured width. Fixed columns (240 px of labels, 96 px for
 * "skjult") left the plot no room below ~350 px, and recharts then draws no bars at all.
 */
export function chartLayout(
  width: number,
  wanted: { readonly category: number; readonly label: number },
  least: { readonly category: number; readonly label: number },
): ChartLayout {
  const room = Math.max(0, width * (1 - minPlotShare) - leftMargin);
  const total = wanted.category + wanted.label;
  if (total <= room) return { categoryWidth: wanted.category, labelRoom: wanted.label };
  const scale = room / total;
  return {
    categoryWidth: Math.max(least.category, Math.floor(wanted.category * scale)),
    labelRoom: Math.max(least.label, Math.floor(wanted.label * scale)),
  };
}
