export function collectGarbage() {
  const gc = /** @type {{ gc?: () => void }} */ (globalThis).gc;
  if (gc === undefined) throw new Error("bench: run node with --expose-gc (pnpm bench does)");
  gc();
}

/** @param {readonly number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const at = (/** @type {number} */ i) => sorted[i] ?? Number.NaN;
  return sorted.length % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/**
 * @typedef {{ cpu: number[], wall: number[] }} Times
 *   `cpu`: the process's user + system CPU time in ms (all its threads, GC helpers included),
 *   which a busy shared machine disturbs far less than `wall`, the elapsed time.
 */

/**
 * CPU and wall milliseconds of one call, as it comes (no garbage collection first).
 * @template T
 * @param {() => T} run
 * @returns {{ result: T, cpu: number, wall: number }}
 */
export function measure(run) {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = run();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { result, cpu: (cpu.user + cpu.system) / 1000, wall };
}

/**
 * CPU and wall milliseconds of one call, after a full garbage collection.
 * @param {() => unknown} run
 */
export function timeOnce(run) {
  collectGarbage();
  const { cpu, wall } = measure(run);
  return { cpu, wall };
}

/**
 * `timeOnce` for work that must let the event loop turn while it runs.
 * @param {() => Promise<unknown>} run
 */
export async function timeOnceAsync(run) {
  collectGarbage();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await run();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { cpu: (cpu.user + cpu.system) / 1000, wall };
}

/**
 * Runs every contender `reps` times, interleaved and in a rotating order, so that a slow moment
 * of the (shared) machine hits all of them alike. Returns the times of each, in ms.
 * @template {string} K
 * @param {Record<K, () => unknown>} contenders
 * @param {number} reps
 * @returns {Record<K, Times>}
 */
export function timeInterleaved(contenders, reps) {
  const names = /** @type {K[]} */ (Object.keys(contenders));
  /** @type {Record<string, Times>} */
  const byName = {};
  for (const name of names) byName[name] = { cpu: [], wall: [] };
  const times = /** @type {Record<K, Times>} */ (byName);
  for (let rep = 0; rep < reps; rep++) {
    for (let i = 0; i < names.length; i++) {
      const name = /** @type {K} */ (names[(i + rep) % names.length]);
      const { cpu, wall } = timeOnce(contenders[name]);
      times[name].cpu.push(cpu);
      times[name].wall.push(wall);
    }
  }
  return times;
}
