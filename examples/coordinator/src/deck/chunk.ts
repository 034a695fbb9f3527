export interface ChunkLimits {
  /** Most items on one slide. */
  readonly items: number;
  /** Most characters on one slide; an item longer than this gets a slide of its own. */
  readonly chars: number;
}

type Item = string | { readonly text: string };

const lengthOf = (item: Item) => (typeof item === "string" ? item : item.text).length;

/** How far a slide may pass the character limit to take in a lone neighbour. */
const slack = 1.25;

/**
 * Splits items over slides in their order: as few slides as the limits allow, filled evenly
 * (22 items at 10 a slide: 8, 7, 7, not 10, 10, 2). A slide is not left with one item while a
 * neighbour has more: the neighbour lends it one, or takes it in when that stays within the
 * limits (characters with a little slack). Only an answer too long to share stays alone.
 */
export function chunk<T extends Item>(items: readonly T[], limits: ChunkLimits): T[][] {
  const greedy = fill(items, limits);
  if (greedy.length < 2) return greedy;
  const even = fill(items, { ...limits, items: Math.ceil(items.length / greedy.length) });
  return balance(even.length === greedy.length ? even : greedy, limits);
}

function fill<T extends Item>(items: readonly T[], limits: ChunkLimits): T[][] {
  const slides: T[][] = [];
  let current: T[] = [];
  let chars = 0;
  for (const item of items) {
    const length = lengthOf(item);
    if (current.length > 0 && (current.length >= limits.items || chars + length > limits.chars)) {
      slides.push(current);
      current = [];
      chars = 0;
    }
    current.push(item);
    chars += length;
  }
  if (current.length > 0) slides.push(current);
  return slides;
}

function balance<T extends Item>(slides: T[][], limits: ChunkLimits): T[][] {
  const charsOf = (slide: readonly T[]) => slide.reduce((sum, item) => sum + lengthOf(item), 0);
  for (let i = 0; i < slides.length; i++) {
    const slide = slides[i] as T[];
    if (slide.length !== 1 || slides.length < 2) continue;
    const n = i > 0 ? i - 1 : i + 1;
    const neighbour = slides[n] as T[];
    if (neighbour.length >= 3) {
      if (n < i) slide.unshift(neighbour.pop() as T);
      else slide.push(neighbour.shift() as T);
    } else if (
      neighbour.length + 1 <= limits.items + 1 &&
      charsOf(neighbour) + charsOf(slide) <= limits.chars * slack
    ) {
      if (n < i) neighbour.push(...slide);
      else neighbour.unshift(...slide);
      slides.splice(i, 1);
      i = Math.max(-1, i - 2);
    }
  }
  return slides;
}
