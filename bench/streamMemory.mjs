// Child process of aggregate.bench.mjs: streams N generated responses through one counter and
// prints its memory figures as JSON. A fresh process per run, so one run's heap and RSS do not
// leak into another's.
// Usage: node --expose-gc bench/streamMemory.mjs <count> [engine|hand] [peak|live] [checkpoints]
//   engine (default): one Accumulator, its report built at the end; hand: the loop (a).
//   peak (default): heapUsed sampled every 100 responses, GC left to V8; its maximum.
//   live: a full gc at each checkpoint (comma-separated response counts) and the heap that
//   survives it, so the figure depends on what is reachable, not on when V8 collects.
import { Accumulator, buildReport } from "@klynge/engine";
import { createHandCounter } from "./lib/countByHand.mjs";
import { createBenchFixture } from "./lib/createBenchFixture.mjs";
import { generateResponses } from "./lib/generateResponses.mjs";
import { collectGarbage } from "./lib/measureTime.mjs";

const [rawCount, counterName = "engine", mode = "peak", rawCheckpoints = ""] =
  process.argv.slice(2);
const count = Number(rawCount);
if (!Number.isInteger(count) || count < 1) {
  throw new Error(`streamMemory: expected a response count, received ${JSON.stringify(rawCount)}`);
}
if (counterName !== "engine" && counterName !== "hand") {
  throw new Error(`streamMemory: expected engine or hand, received ${JSON.stringify(counterName)}`);
}
if (mode !== "peak" && mode !== "live") {
  throw new Error(`streamMemory: expected peak or live, received ${JSON.stringify(mode)}`);
}
const sampleEvery = 100;
const checkpoints = [...new Set([...rawCheckpoints.split(",").filter(Boolean).map(Number), count])]
  .filter((c) => Number.isInteger(c) && c > 0 && c <= count)
  .sort((a, b) => a - b);
const fixture = createBenchFixture();
const byHash = new Map(fixture.versions.map((v) => [v.hash, v]));
// Free texts are left out: they are kept by design and legitimately grow with N.
const responses = generateResponses(fixture, { count, seed: 7, texts: false });
const counter = createCounter();

collectGarbage();
const before = process.memoryUsage();
let peakHeap = before.heapUsed;
let peakRss = before.rss;
/** @type {{ at: number, liveHeap: number }[]} */
const live = [];
let seen = 0;
for (const response of responses) {
  counter.add(response);
  seen++;
  if (mode === "live") {
    if (seen === checkpoints[live.length]) {
      collectGarbage();
      live.push({ at: seen, liveHeap: process.memoryUsage().heapUsed });
    }
  } else if (seen % sampleEvery === 0) {
    const heap = process.memoryUsage().heapUsed;
    if (heap > peakHeap) peakHeap = heap;
    const rss = process.memoryUsage.rss();
    if (rss > peakRss) peakRss = rss;
  }
}
// Kept alive until `retained` is read, as the report shown at the meeting would be.
const result = counter.finish();
const afterStream = process.memoryUsage();
peakHeap = Math.max(peakHeap, afterStream.heapUsed);
collectGarbage();
const retained = process.memoryUsage().heapUsed;
if (result === undefined) throw new Error("streamMemory: the counter gave no result");
process.stdout.write(
  `${JSON.stringify({
    count,
    counter: counterName,
    mode,
    sampleEvery,
    baselineHeap: before.heapUsed,
    peakHeap,
    retainedHeap: retained,
    live,
    baselineRss: before.rss,
    peakRss: Math.max(peakRss, afterStream.rss),
    maxRss: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);

/** (a) or (b) over one response at a time; `finish` gives the tallies or the report. */
function createCounter() {
  if (counterName === "hand") {
    const hand = createHandCounter(fixture.versions);
    return { add: hand.add, finish: () => hand.rounds };
  }
  const accumulator = new Accumulator();
  return {
    add: (/** @type {import("@klynge/engine").Response} */ response) =>
      accumulator.add(
        /** @type {import("@klynge/engine").QuestionnaireVersion} */ (
          byHash.get(response.versionHash)
        ),
        response,
      ),
    finish: () => {
      const report = buildReport(accumulator.state, {
        rounds: fixture.rounds,
        versions: fixture.versions,
        k: 5,
      });
      if (!report.success) throw new Error("streamMemory: buildReport failed");
      return report.data;
    },
  };
}
