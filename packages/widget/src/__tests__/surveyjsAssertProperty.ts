import fc from "fast-check";

// A copy of the engine's fixtures/withSeed.ts: that file reads `process`, which the widget's test
// tsconfig (DOM lib, no Node types) does not declare; the tests run in Node, so it is there.
const { env } = (globalThis as { process?: { env: Record<string, string | undefined> } })
  .process ?? { env: {} };

function seedFromEnv(): number | undefined {
  const raw = env.FC_SEED;
  if (raw === undefined || raw === "") return undefined;
  const seed = Number(raw);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, got "${raw}".`);
  return seed;
}

/**
 * `fc.assert` with a seed that is always printed, so any failure can be replayed:
 * `FC_SEED=<seed> pnpm exec vitest run --project widget` (add `FC_PATH=<path>` from the failure
 * report to jump straight to the shrunk case). Default `numRuns`: 100.
 */
export function assertProperty<Ts>(
  property: fc.IProperty<Ts>,
  options: Omit<fc.Parameters<Ts>, "seed" | "path"> = {},
): void {
  const seed = seedFromEnv() ?? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  const path = env.FC_PATH;
  console.log(`fast-check seed ${seed}${path ? ` path ${path}` : ""}`);
  fc.assert(property, { numRuns: 100, ...options, seed, ...(path ? { path } : {}) });
}
