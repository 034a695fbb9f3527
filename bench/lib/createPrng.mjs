/**
 * mulberry32: a small seeded PRNG, so every run generates the same responses (no Math.random).
 * @param {number} seed
 */
export function createPrng(seed) {
  let state = seed >>> 0;
  const uint32 = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = () => uint32() / 4294967296;
  return {
    uint32,
    /** A float in [0, 1). */
    next,
    /** @param {number} probability */
    chance: (probability) => next() < probability,
    /** An integer in [min, max]. @param {number} min @param {number} max */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    /**
     * Skewed towards the front of the list, so results are not flat like real answers.
     * @template T
     * @param {readonly T[]} items
     * @returns {T}
     */
    pickSkewed: (items) => {
      const u = next();
      return /** @type {T} */ (items[Math.floor(u * (0.4 + 0.6 * u) * items.length)]);
    },
    /**
     * @template T
     * @param {readonly T[]} items
     * @returns {T}
     */
    pick: (items) => /** @type {T} */ (items[Math.floor(next() * items.length)]),
  };
}

/** @typedef {ReturnType<typeof createPrng>} Prng */
