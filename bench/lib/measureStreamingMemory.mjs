import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const child = fileURLToPath(new URL("../streamMemory.mjs", import.meta.url));

/**
 * @typedef {{ count: number, sampleEvery: number, baselineHeap: number, peakHeap: number,
 *   retainedHeap: number, baselineRss: number, peakRss: number, maxRss: number }} MemoryFigures
 */

/**
 * Memory of streaming `count` responses through the Accumulator, measured in a fresh Node
 * process with the same flags as this one.
 * @param {number} count
 * @returns {MemoryFigures}
 */
export function measureStreamingMemory(count) {
  const out = execFileSync(process.execPath, [...process.execArgv, child, String(count)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out);
}
