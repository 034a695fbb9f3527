// Issue 3: how fast Klynge aggregates, against a hand-written loop over the same data.
// Run with `pnpm bench` (builds the engine and question bank, then runs this with --expose-gc).
// `--quick` divides every N by 100 for a smoke run; its figures mean nothing.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import { setTimeout as delay } from "node:timers/promises";
import { Accumulator, aggregate, buildReport } from "@klynge/engine";
import { createHandCounter } from "./lib/countByHand.mjs";
import { createSurveyJsCounter, toSurveyJsResult } from "./lib/countWithSurveyJs.mjs";
import { createBenchFixture } from "./lib/createBenchFixture.mjs";
import { firstDifference } from "./lib/firstDifference.mjs";
import { formatReport } from "./lib/formatReport.mjs";
import { generateResponses } from "./lib/generateResponses.mjs";
import { measureStreamingMemory } from "./lib/measureStreamingMemory.mjs";
import { collectGarbage, measure, timeInterleaved, timeOnceAsync } from "./lib/measureTime.mjs";
import { timeStreamed } from "./lib/timeStreamed.mjs";

/**
 * @typedef {import("@klynge/engine").QuestionnaireVersion} QuestionnaireVersion
 * @typedef {import("@klynge/engine").Response} Response
 */

const scale = process.argv.includes("--quick") ? 0.01 : 1;
const n = (/** @type {number} */ count) => Math.max(100, Math.round(count * scale));
const config = {
  seed: 20270301,
  k: 5,
  warmup: n(10_000),
  arrays: [
    { count: n(10_000), reps: 11 },
    { count: n(100_000), reps: 3 },
  ],
  // One SurveyJS pass over 10k costs about 3 CPU-minutes here (≈18 ms a Model), so it runs once.
  surveyJs: { count: n(10_000), reps: 1, warmup: 300 },
  // Streamed runs pull the generator in chunks of this many (the most ever held at once); small
  // enough that a chunk dies young instead of being promoted by every scavenge.
  chunkSize: n(1000),
  streamed: [
    { count: n(100_000), reps: 3 },
    { count: n(1_000_000), reps: 3 },
  ],
  // Peak heapUsed (the first goal, kept for the record) for (b) and, as a control, (a); and the
  // live heap after a full gc at fixed checkpoints of one stream of the largest N, for (b).
  memory: {
    counts: [n(10_000), n(1_000_000)],
    runs: 3,
    checkpoints: [n(1_000), n(10_000), n(100_000), n(1_000_000)],
  },
};

const startedAt = Date.now();
const loadBefore = os.loadavg();
const measured = describeSources();
const fixture = createBenchFixture();
const { versions, rounds } = fixture;
const byHash = new Map(versions.map((v) => [v.hash, v]));
const reportOptions = { rounds, versions, k: config.k };
/** @param {Response} r */
const versionOf = (r) => /** @type {QuestionnaireVersion} */ (byHash.get(r.versionHash));
/** @param {number} count */
const responses = (count) => generateResponses(fixture, { count, seed: config.seed });

/** (a): the hand-written loop. @param {Iterable<Response>} input */
const countByHand = (input) => {
  const counter = createHandCounter(versions);
  for (const response of input) counter.add(response);
  return counter.rounds;
};
/** CPU ms of each `buildReport` inside (b), to tell counting from reporting. */
let reportTimes = /** @type {number[]} */ ([]);
/** @param {Accumulator} accumulator */
const reportOn = (accumulator) => {
  const report = buildReport(accumulator.state, reportOptions);
  if (!report.success) throw new Error("bench: buildReport failed");
  return report.data;
};
/** (b): already-valid responses through the Accumulator, then the report. @param {Iterable<Response>} input */
const countWithEngine = (input) => {
  const accumulator = new Accumulator();
  for (const response of input) accumulator.add(versionOf(response), response);
  reportTimes.push(measure(() => reportOn(accumulator)).cpu);
  return accumulator.state.rounds;
};
/** (c): validate every response, count, report: `aggregate`. @param {Iterable<unknown>} input */
const validateAndCount = (input) => {
  const report = aggregate({ ...reportOptions, responses: input });
  if (!report.success) throw new Error("bench: aggregate failed");
  return report.data;
};

/**
 * @param {string} what
 * @param {unknown} a
 * @param {unknown} b
 */
function expectSame(what, a, b) {
  const difference = firstDifference(a, b);
  if (difference !== null) throw new Error(`bench: ${what} counted differently at ${difference}`);
}

log(`Node ${process.version}, ${os.cpus().length} cores; warming up on ${config.warmup} responses`);
{
  const warm = [...responses(config.warmup)];
  for (let i = 0; i < 3; i++) {
    expectSame("(a) and (b)", countByHand(warm), countWithEngine(warm));
    const report = validateAndCount(warm);
    const rejected =
      report.rejected.length + report.rounds.reduce((s, r) => s + r.rejected.length, 0);
    if (rejected > 0) throw new Error(`bench: the generator made ${rejected} invalid responses`);
  }
}

/** @typedef {import("./lib/measureTime.mjs").Times} Times */
/** @type {{ count: number, reps: number, a: Times, b: Times, c: Times, bReport: number[] }[]} */
const arrayRuns = [];
/** @type {{ count: number, reps: number, warmup: number, d: Times } | null} */
let surveyJsRun = null;
for (const { count, reps } of config.arrays) {
  log(`N=${count}, pre-generated array: (a), (b), (c) × ${reps}`);
  const data = [...responses(count)];
  expectSame("(a) and (b)", countByHand(data), countWithEngine(data));
  reportTimes = [];
  const times = timeInterleaved(
    { a: () => countByHand(data), b: () => countWithEngine(data), c: () => validateAndCount(data) },
    reps,
  );
  arrayRuns.push({ count, reps, ...times, bReport: reportTimes });
  reportTimes = [];
  if (count === config.surveyJs.count) {
    const { reps: dReps, warmup } = config.surveyJs;
    log(`N=${count}: (d) SurveyJS Model per response × ${dReps} (after ${warmup} warm-up)`);
    const stored = data.map(toSurveyJsResult);
    /** @param {readonly import("./lib/countWithSurveyJs.mjs").SurveyJsResult[]} input */
    const countWithSurveyJs = async (input) => {
      const counter = createSurveyJsCounter(versions);
      for (let i = 0; i < input.length; i++) {
        counter.add(/** @type {import("./lib/countWithSurveyJs.mjs").SurveyJsResult} */ (input[i]));
        // Each Model stays reachable from timers it sets until the event loop turns: a loop
        // that never yields ran out of a 4 GB heap before 10k responses.
        if (i % 100 === 99) await delay(1);
      }
      return counter.rounds;
    };
    await countWithSurveyJs(stored.slice(0, warmup));
    const check = Math.min(2000, count);
    expectSame(
      "(a) and (d)",
      countByHand(data.slice(0, check)),
      await countWithSurveyJs(stored.slice(0, check)),
    );
    /** @type {Times} */
    const d = { cpu: [], wall: [] };
    for (let rep = 0; rep < dReps; rep++) {
      const { cpu, wall } = await timeOnceAsync(() => countWithSurveyJs(stored));
      d.cpu.push(cpu);
      d.wall.push(wall);
    }
    surveyJsRun = { count, reps: dReps, warmup, d };
  }
}
collectGarbage();

/** @type {{ count: number, reps: number, g: Times, a: Times, b: Times, bReport: Times }[]} */
const streamedRuns = [];
for (const { count, reps } of config.streamed) {
  log(`N=${count}, streamed in chunks of ${config.chunkSize}: generation, (a), (b) × ${reps}`);
  /** @type {{ g: Times, a: Times, b: Times, bReport: Times }} */
  const times = {
    g: { cpu: [], wall: [] },
    a: { cpu: [], wall: [] },
    b: { cpu: [], wall: [] },
    bReport: { cpu: [], wall: [] },
  };
  for (let rep = 0; rep < reps; rep++) {
    collectGarbage();
    const hand = createHandCounter(versions);
    const accumulator = new Accumulator();
    const { generation, spent, results } = timeStreamed(
      responses(count),
      {
        a: {
          add: (/** @type {readonly Response[]} */ batch) => {
            for (const response of batch) hand.add(response);
          },
          finish: () => hand.rounds,
        },
        b: {
          add: (/** @type {readonly Response[]} */ batch) => {
            for (const response of batch) accumulator.add(versionOf(response), response);
          },
          finish: () => reportOn(accumulator),
        },
      },
      config.chunkSize,
    );
    if (rep === 0) expectSame("(a) and (b), streamed", results.a, accumulator.state.rounds);
    times.g.cpu.push(generation.cpu);
    times.g.wall.push(generation.wall);
    times.a.cpu.push(spent.a.cpu + spent.a.finishCpu);
    times.a.wall.push(spent.a.wall + spent.a.finishWall);
    times.b.cpu.push(spent.b.cpu + spent.b.finishCpu);
    times.b.wall.push(spent.b.wall + spent.b.finishWall);
    times.bReport.cpu.push(spent.b.finishCpu);
    times.bReport.wall.push(spent.b.finishWall);
  }
  streamedRuns.push({ count, reps, ...times });
}

/** @param {number} count @param {Parameters<typeof measureStreamingMemory>[1]} options */
const memoryOf = (count, options) => ({
  count,
  runs: Array.from({ length: config.memory.runs }, () => measureStreamingMemory(count, options)),
});
const memoryRuns = /** @type {ReturnType<typeof memoryOf>[]} */ ([]);
const handMemoryRuns = /** @type {ReturnType<typeof memoryOf>[]} */ ([]);
for (const count of config.memory.counts) {
  log(
    `memory: streaming ${count} responses (no free texts) through (b) and (a) × ${config.memory.runs}, fresh process each`,
  );
  memoryRuns.push(memoryOf(count, { counter: "engine", mode: "peak" }));
  handMemoryRuns.push(memoryOf(count, { counter: "hand", mode: "peak" }));
}
const liveCount = Math.max(...config.memory.counts);
log(
  `memory: live heap after gc at ${config.memory.checkpoints.join(", ")} of one stream of ${liveCount} × ${config.memory.runs}`,
);
const liveMemoryRuns = memoryOf(liveCount, {
  counter: "engine",
  mode: "live",
  checkpoints: config.memory.checkpoints,
});

const results = {
  date: new Date(startedAt).toISOString(),
  command: "pnpm bench",
  sources: measured,
  quick: scale !== 1,
  machine: {
    node: process.version,
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    loadAverageBefore: loadBefore,
    loadAverageAfter: os.loadavg(),
  },
  seconds: (Date.now() - startedAt) / 1000,
  cpuSeconds: (() => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1e6;
  })(),
  chunkSize: config.chunkSize,
  config,
  arrayRuns,
  surveyJsRun,
  streamedRuns,
  memoryRuns,
  handMemoryRuns,
  liveMemoryRuns,
};
const markdown = formatReport(results);
const outDir = new URL("./results/", import.meta.url);
mkdirSync(outDir, { recursive: true });
writeFileSync(new URL(`aggregate${scale === 1 ? "" : ".quick"}.md`, outDir), markdown);
writeFileSync(
  new URL(`aggregate${scale === 1 ? "" : ".quick"}.json`, outDir),
  `${JSON.stringify(results, null, 2)}\n`,
);
process.stdout.write(`\n${markdown}`);

/** The commit the engine and bank were built from, and whether they had uncommitted changes. */
function describeSources() {
  try {
    const git = (/** @type {string[]} */ ...args) =>
      execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const commit = git("rev-parse", "--short", "HEAD");
    const dirty =
      git("status", "--porcelain", "--", "packages/engine", "packages/question-bank") !== "";
    return `${commit}${dirty ? " + uncommitted changes in packages/engine or question-bank" : ""}`;
  } catch {
    return "unknown (no git)";
  }
}

/** @param {string} message */
function log(message) {
  process.stderr.write(
    `[bench ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)}s] ${message}\n`,
  );
}
