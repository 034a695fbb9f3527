export interface ChunkLimits {
  /** Most items on one slide. */
  readonly items: number;
  /** Most characters on one slide; an item longer than this gets a slide of its own. */
  readonly chars: number;
}

/** Splits items over slides in their order: a new slide when the next would pass a limit. */
export function chunk(items: readonly string[], limits: ChunkLimits): string[][] {
  const slides: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const item of items) {
    if (
      current.length > 0 &&
      (current.length >= limits.items || chars + item.length > limits.chars)
    ) {
      slides.push(current);
      current = [];
      chars = 0;
    }
    current.push(item);
    chars += item.length;
  }
  if (current.length > 0) slides.push(current);
  return slides;
}
