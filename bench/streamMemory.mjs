// Child process of aggregate.bench.mjs: streams N generated responses through one Accumulator
// and prints its memory figures as JSON. A fresh process per N, so one run's heap and RSS do
// not leak into the other's. Usage: node --expose-gc bench/streamMemory.mjs <count>
import { Accumulator, buildReport } from "@klynge/engine";
import { createBenchFixture } from "./lib/createBenchFixture.mjs";
import { generateResponses } from "./lib/generateResponses.mjs";
import { collectGarbage } from "./lib/measureTime.mjs";

const count = Number(process.argv[2]);
if (!Number.isInteger(count) || count < 1) {
  throw new Error(
    `streamMemory: expected a response count, received ${JSON.stringify(process.argv[2])}`,
  );
}
const sampleEvery = 100;
const fixture = createBenchFixture();
const byHash = new Map(fixture.versions.map((v) => [v.hash, v]));
// Free texts are left out: they are kept by design and legitimately grow with N.
const responses = generateResponses(fixture, { count, seed: 7, texts: false });

collectGarbage();
const before = process.memoryUsage();
let peakHeap = before.heapUsed;
let peakRss = before.rss;
const accumulator = new Accumulator();
let seen = 0;
for (const response of responses) {
  accumulator.add(
    /** @type {import("@klynge/engine").QuestionnaireVersion} */ (byHash.get(response.versionHash)),
    response,
  );
  if (++seen % sampleEvery === 0) {
    const heap = process.memoryUsage().heapUsed;
    if (heap > peakHeap) peakHeap = heap;
    const rss = process.memoryUsage.rss();
    if (rss > peakRss) peakRss = rss;
  }
}
const report = buildReport(accumulator.state, {
  rounds: fixture.rounds,
  versions: fixture.versions,
  k: 5,
});
if (!report.success) throw new Error("streamMemory: buildReport failed");
const afterReport = process.memoryUsage();
peakHeap = Math.max(peakHeap, afterReport.heapUsed);
collectGarbage();
const retained = process.memoryUsage().heapUsed;
process.stdout.write(
  `${JSON.stringify({
    count,
    sampleEvery,
    baselineHeap: before.heapUsed,
    peakHeap,
    retainedHeap: retained,
    baselineRss: before.rss,
    peakRss: Math.max(peakRss, afterReport.rss),
    maxRss: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);
