import { measure } from "./measureTime.mjs";

/**
 * @template T
 * @typedef {{ add(batch: readonly T[]): void, finish(): unknown }} StreamConsumer
 */

/**
 * Pulls `source` lazily in chunks of `chunkSize` and hands each chunk to every consumer in turn
 * (order alternating per chunk), timing the generation and each consumer apart, so none of them
 * pays for the others and at most one chunk is ever held. Each consumer's `finish` (e.g. the
 * report) is timed at the end. Times in ms: `cpu` of the process and `wall`.
 * @template T
 * @template {string} K
 * @param {Iterable<T>} source
 * @param {Record<K, StreamConsumer<T>>} consumers
 * @param {number} chunkSize
 */
export function timeStreamed(source, consumers, chunkSize) {
  const names = /** @type {K[]} */ (Object.keys(consumers));
  const zero = () => ({ cpu: 0, wall: 0, finishCpu: 0, finishWall: 0 });
  const spent = /** @type {Record<K, ReturnType<typeof zero>>} */ (
    Object.fromEntries(names.map((n) => [n, zero()]))
  );
  const generation = { cpu: 0, wall: 0 };
  const iterator = source[Symbol.iterator]();
  for (let chunk = 0; ; chunk++) {
    const made = measure(() => take(iterator, chunkSize));
    generation.cpu += made.cpu;
    generation.wall += made.wall;
    if (made.result.length === 0) break;
    for (let i = 0; i < names.length; i++) {
      const name = /** @type {K} */ (names[(i + chunk) % names.length]);
      const { cpu, wall } = measure(() => consumers[name].add(made.result));
      spent[name].cpu += cpu;
      spent[name].wall += wall;
    }
  }
  /** @type {Partial<Record<K, unknown>>} */
  const results = {};
  for (const name of names) {
    const { result, cpu, wall } = measure(() => consumers[name].finish());
    spent[name].finishCpu = cpu;
    spent[name].finishWall = wall;
    results[name] = result;
  }
  return { generation, spent, results: /** @type {Record<K, unknown>} */ (results) };
}

/**
 * @template T
 * @param {Iterator<T>} iterator
 * @param {number} size
 */
function take(iterator, size) {
  /** @type {T[]} */
  const batch = [];
  while (batch.length < size) {
    const next = iterator.next();
    if (next.done) break;
    batch.push(next.value);
  }
  return batch;
}
