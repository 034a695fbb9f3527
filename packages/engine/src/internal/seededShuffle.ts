import { sha256Hex, utf8Encode } from "./sha256.js";

/**
 * A Fisher–Yates shuffle driven by sfc32 seeded from SHA-256 of `domain` and `seed`: the same
 * seed gives the same order in every runtime, and no call reads a clock or `Math.random`.
 */
export function seededShuffle<T>(items: readonly T[], seed: string, domain: string): T[] {
  const next = sfc32FromHash(sha256Hex(utf8Encode(`${domain}\n${seed}`)));
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomBelow(next, i + 1);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

function sfc32FromHash(hex: string): () => number {
  const word = (k: number) => Number.parseInt(hex.slice(k * 8, k * 8 + 8), 16) | 0;
  let a = word(0);
  let b = word(1);
  let c = word(2);
  let d = word(3);
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // The first outputs of sfc32 still echo the seed words; its authors discard a few.
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** Uniform in [0, n): draws above the last whole multiple of n are redrawn, so no index is favoured. */
function randomBelow(next: () => number, n: number): number {
  const range = 0x100000000;
  const limit = range - (range % n);
  let x = next();
  while (x >= limit) x = next();
  return x % n;
}
