export interface ChunkLimits {
  /** Most items on one slide. */
  readonly items: number;
  /** Most characters on one slide; an item longer than this gets a slide of its own. */
  readonly chars: number;
}

/**
 * Splits items over slides in their order: as few slides as the limits allow, filled evenly
 * (22 items at 10 a slide: 8, 7, 7, not 10, 10, 2). A slide is never left with one item while
 * others have more: the slide before lends it one (or, when it has only one to spare, takes it
 * in), so no slide shows a lone bullet.
 */
export function chunk<T extends string | { readonly text: string }>(
  items: readonly T[],
  limits: ChunkLimits,
): T[][] {
  const greedy = fill(items, limits);
  if (greedy.length < 2) return greedy;
  const even = fill(items, { ...limits, items: Math.ceil(items.length / greedy.length) });
  return balance(even.length === greedy.length ? even : greedy);
}

function fill<T extends string | { readonly text: string }>(
  items: readonly T[],
  limits: ChunkLimits,
): T[][] {
  const lengthOf = (item: T) => (typeof item === "string" ? item : item.text).length;
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

function balance<T>(slides: T[][]): T[][] {
  for (let i = 1; i < slides.length; i++) {
    const slide = slides[i] as T[];
    const before = slides[i - 1] as T[];
    if (slide.length !== 1) continue;
    if (before.length >= 3) slide.unshift(before.pop() as T);
    else {
      before.push(...slide);
      slides.splice(i, 1);
      i -= 1;
    }
  }
  // A first slide of one long item followed by more: it takes the next one along.
  const [first, second] = slides;
  if (first?.length === 1 && second !== undefined) {
    first.push(second.shift() as T);
    if (second.length === 0) slides.splice(1, 1);
    else if (second.length === 1) return balance(slides);
  }
  return slides;
}
