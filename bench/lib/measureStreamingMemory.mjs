import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const child = fileURLToPath(new URL("../streamMemory.mjs", import.meta.url));

/**
 * @typedef {{ count: number, counter: "engine" | "hand", mode: "peak" | "live", sampleEvery: number,
 *   baselineHeap: number, peakHeap: number, retainedHeap: number,
 *   live: { at: number, liveHeap: number }[],
 *   baselineRss: number, peakRss: number, maxRss: number }} MemoryFigures
 */

/**
 * Memory of streaming `count` responses through the Accumulator ("engine", as (b)) or the hand
 * loop ("hand", as (a)), measured in a fresh Node process with the same flags as this one.
 * "peak": heapUsed sampled as V8 collects when it likes; "live": heapUsed after a full gc at each
 * of `checkpoints` (and at `count`).
 * @param {number} count
 * @param {{ counter?: "engine" | "hand", mode?: "peak" | "live", checkpoints?: readonly number[] }} [options]
 * @returns {MemoryFigures}
 */
export function measureStreamingMemory(count, options = {}) {
  const { counter = "engine", mode = "peak", checkpoints = [] } = options;
  const out = execFileSync(
    process.execPath,
    [...process.execArgv, child, String(count), counter, mode, checkpoints.join(",")],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  return JSON.parse(out);
}
