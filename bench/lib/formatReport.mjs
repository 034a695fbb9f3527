import { median } from "./measureTime.mjs";

/** The issue's goals; "linear" allows 25 % over proportional before it fails. */
export const goals = { engineOverHand: 1.5, validatedOverHand: 5, linearity: 1.25, memory: 1.2 };

/**
 * @typedef {import("./measureTime.mjs").Times} Times
 * @typedef {import("./measureStreamingMemory.mjs").MemoryFigures} MemoryFigures
 * @typedef {{
 *   date: string, command: string, sources: string, quick: boolean, seconds: number, cpuSeconds: number, chunkSize: number,
 *   machine: { node: string, cores: number, cpu: string, loadAverageBefore: number[], loadAverageAfter: number[] },
 *   arrayRuns: { count: number, reps: number, a: Times, b: Times, c: Times, bReport: number[] }[],
 *   surveyJsRun: { count: number, reps: number, warmup: number, d: Times } | null,
 *   streamedRuns: { count: number, reps: number, g: Times, a: Times, b: Times, bReport: Times }[],
 *   memoryRuns: { count: number, runs: MemoryFigures[] }[],
 *   handMemoryRuns?: { count: number, runs: MemoryFigures[] }[],
 *   liveMemoryRuns?: { count: number, runs: MemoryFigures[] },
 * }} BenchResults
 */

const cpu = (/** @type {Times} */ t) => median(t.cpu);
const wall = (/** @type {Times} */ t) => median(t.wall);

/** Medians (of CPU time unless named `wall…`) and the ratios the tables and goals use. @param {BenchResults} results */
export function summarize(results) {
  const arrays = results.arrayRuns.map((run) => {
    const [a, b, c, report] = [cpu(run.a), cpu(run.b), cpu(run.c), median(run.bReport)];
    const add = b - report;
    return {
      count: run.count,
      reps: run.reps,
      a,
      b,
      add,
      c,
      report,
      bOverA: b / a,
      addOverA: add / a,
      cOverA: c / a,
      wallBOverA: wall(run.b) / wall(run.a),
      wallCOverA: wall(run.c) / wall(run.a),
    };
  });
  const dRun = results.surveyJsRun;
  const dBase = arrays.find((r) => r.count === dRun?.count);
  const surveyJs =
    dRun === null || dBase === undefined
      ? null
      : {
          count: dRun.count,
          reps: dRun.reps,
          d: cpu(dRun.d),
          dOverA: cpu(dRun.d) / dBase.a,
          wallDOverA:
            wall(dRun.d) /
            wall(/** @type {Times} */ (results.arrayRuns.find((r) => r.count === dRun.count)?.a)),
        };
  const streamed = results.streamedRuns.map((run) => {
    const [g, a, b, report] = [cpu(run.g), cpu(run.a), cpu(run.b), cpu(run.bReport)];
    const add = b - report;
    return {
      count: run.count,
      reps: run.reps,
      g,
      a,
      b,
      add,
      report,
      bOverA: b / a,
      addOverA: add / a,
      wallBOverA: wall(run.b) / wall(run.a),
    };
  });
  const memory = results.memoryRuns.map(({ count, runs }) => ({
    count,
    runs: runs.length,
    peakHeap: median(runs.map((r) => r.peakHeap)),
    retainedHeap: median(runs.map((r) => r.retainedHeap)),
    maxRss: median(runs.map((r) => r.maxRss)),
    sampleEvery: runs[0]?.sampleEvery ?? Number.NaN,
  }));
  const handPeak = (results.handMemoryRuns ?? []).map(({ count, runs }) => ({
    count,
    peakHeap: median(runs.map((r) => r.peakHeap)),
  }));
  const liveRuns = results.liveMemoryRuns?.runs ?? [];
  const live = (liveRuns[0]?.live ?? []).map(({ at }, i) => {
    const heaps = liveRuns.map((r) => r.live[i]?.liveHeap ?? Number.NaN);
    return {
      at,
      liveHeap: median(heaps),
      // What the stream keeps beyond the heap before it started: the Accumulator's state.
      state: median(liveRuns.map((r, j) => (heaps[j] ?? Number.NaN) - r.baselineHeap)),
    };
  });
  const liveFrom = live.find((c) => c.at === memory[0]?.count);
  const liveTo = live.at(-1);
  /** @param {number} big @param {number} small @param {number} factor */
  const per = (big, small, factor) => big / small / factor;
  const [sa, ba] = arrays;
  const [ss, bs] = streamed;
  const [sm, bm] = memory;
  return {
    arrays,
    surveyJs,
    streamed,
    linearity: {
      arrays:
        sa && ba
          ? {
              from: sa.count,
              to: ba.count,
              b: per(ba.b, sa.b, ba.count / sa.count),
              add: per(ba.add, sa.add, ba.count / sa.count),
              a: per(ba.a, sa.a, ba.count / sa.count),
            }
          : null,
      streamed:
        ss && bs
          ? {
              from: ss.count,
              to: bs.count,
              b: per(bs.b, ss.b, bs.count / ss.count),
              add: per(bs.add, ss.add, bs.count / ss.count),
              a: per(bs.a, ss.a, bs.count / ss.count),
            }
          : null,
    },
    memory: {
      figures: memory,
      peakHeapRatio: sm && bm ? bm.peakHeap / sm.peakHeap : Number.NaN,
      retainedHeapRatio: sm && bm ? bm.retainedHeap / sm.retainedHeap : Number.NaN,
      maxRssRatio: sm && bm ? bm.maxRss / sm.maxRss : Number.NaN,
      handPeak,
      handPeakRatio:
        handPeak.length === 2
          ? (handPeak[1]?.peakHeap ?? Number.NaN) / (handPeak[0]?.peakHeap ?? Number.NaN)
          : Number.NaN,
      live,
      liveRuns: liveRuns.length,
      liveFrom,
      liveTo,
      liveRatio: liveFrom && liveTo ? liveTo.liveHeap / liveFrom.liveHeap : Number.NaN,
    },
  };
}

/** @param {number} x */
const count = (x) =>
  x >= 1_000_000 ? `${x / 1_000_000}M` : x >= 1000 ? `${x / 1000}k` : String(x);
/** @param {number} x */
const ms = (x) => x.toFixed(x < 100 ? 1 : 0);
/** @param {number} x */
const ratio = (x) => `${x.toFixed(2)}×`;
/** @param {number} total @param {number} n */
const us = (total, n) => ((total * 1000) / n).toFixed(2);
/** @param {number} bytes */
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
/** @param {number} value @param {number} limit */
const verdict = (value, limit) => (value <= limit ? "PASS" : "FAIL");

/**
 * The markdown written to bench/results/aggregate.md and pasted into BENCHMARKS.md.
 * @param {BenchResults} results
 */
export function formatReport(results) {
  const s = summarize(results);
  const m = results.machine;
  const load = (/** @type {number[]} */ l) => l.map((x) => x.toFixed(1)).join("/");
  const lines = [
    `### Aggregation benchmark, ${results.date.slice(0, 10)}${results.quick ? " (QUICK SMOKE RUN: the figures mean nothing)" : ""}`,
    "",
    `\`${results.command}\` · engine and bank built from ${results.sources} · Node ${m.node} · ${m.cores} cores (${m.cpu}) · load average ${load(m.loadAverageBefore)} before, ${load(m.loadAverageAfter)} after · ${results.seconds.toFixed(0)} s in all (${results.cpuSeconds.toFixed(0)} CPU-s in this process; the memory children apart)`,
    "",
    "Medians of CPU time (user + system of the process); every ratio is against (a) measured in the same run, interleaved with it. " +
      "(b) = Accumulator.add per response + buildReport; “add only” = (b) without buildReport; “report” = their difference.",
    "",
    "| N | input | reps | (a) ms | (a) µs/resp | (b)/(a) | add only/(a) | report ms | (c)/(a) | (d)/(a) | (b) µs/resp | (c) µs/resp | (d) µs/resp | (b)/(a) wall |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of s.arrays) {
    const d = s.surveyJs?.count === r.count ? s.surveyJs : null;
    lines.push(
      `| ${count(r.count)} | array | ${r.reps} | ${ms(r.a)} | ${us(r.a, r.count)} | ${ratio(r.bOverA)} | ${ratio(r.addOverA)} | ${ms(r.report)} | ${ratio(r.cOverA)} | ${d ? `${ratio(d.dOverA)} (${d.reps} rep)` : "–"} | ${us(r.b, r.count)} | ${us(r.c, r.count)} | ${d ? us(d.d, d.count) : "–"} | ${ratio(r.wallBOverA)} |`,
    );
  }
  lines.push(
    "",
    `Streamed: pulled lazily from the generator in chunks of ${results.chunkSize}, each chunk fed to (a) and to (b) in turn; ` +
      "only the counting is timed (generation, g, apart); the Accumulator and the hand counter each live across the whole stream.",
    "",
    "| N | input | reps | g ms | (a) ms | (a) µs/resp | (b)/(a) | add only/(a) | report ms | (b) µs/resp | (b)/(a) wall |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  );
  for (const r of s.streamed) {
    lines.push(
      `| ${count(r.count)} | generator | ${r.reps} | ${ms(r.g)} | ${ms(r.a)} | ${us(r.a, r.count)} | ${ratio(r.bOverA)} | ${ratio(r.addOverA)} | ${ms(r.report)} | ${us(r.b, r.count)} | ${ratio(r.wallBOverA)} |`,
    );
  }
  const lin = s.linearity;
  lines.push(
    "",
    "Linearity: time(big) / time(small) ÷ (big / small); 1.00 is exactly linear, above 1 grows faster than N.",
    "",
    "| step | (b) | add only | (a) |",
    "|---|---|---|---|",
  );
  if (lin.arrays) {
    lines.push(
      `| ${count(lin.arrays.from)} → ${count(lin.arrays.to)}, arrays | ${lin.arrays.b.toFixed(2)} | ${lin.arrays.add.toFixed(2)} | ${lin.arrays.a.toFixed(2)} |`,
    );
  }
  if (lin.streamed) {
    lines.push(
      `| ${count(lin.streamed.from)} → ${count(lin.streamed.to)}, streamed | ${lin.streamed.b.toFixed(2)} | ${lin.streamed.add.toFixed(2)} | ${lin.streamed.a.toFixed(2)} |`,
    );
  }
  const mem = s.memory;
  lines.push(
    "",
    "Memory of streaming through one Accumulator (free and “Andet” texts left out); medians over fresh processes; MB.",
    "",
    `| N | runs | peak heapUsed (sampled every ${mem.figures[0]?.sampleEvery ?? "?"} responses) | the same for (a), the hand loop | heapUsed after the stream + gc | peak RSS |`,
    "|---|---|---|---|---|---|",
  );
  mem.figures.forEach((f, i) => {
    const hand = mem.handPeak[i];
    lines.push(
      `| ${count(f.count)} | ${f.runs} | ${mb(f.peakHeap)} | ${hand ? mb(hand.peakHeap) : "–"} | ${mb(f.retainedHeap)} | ${mb(f.maxRss)} |`,
    );
  });
  lines.push(
    `| ratio | | ${ratio(mem.peakHeapRatio)} | ${Number.isNaN(mem.handPeakRatio) ? "–" : ratio(mem.handPeakRatio)} | ${ratio(mem.retainedHeapRatio)} | ${ratio(mem.maxRssRatio)} |`,
    "",
  );
  if (mem.live.length > 0) {
    lines.push(
      `Live heap: one stream of ${count(mem.liveTo?.at ?? 0)} responses through one Accumulator, a full gc at each checkpoint, heapUsed after it (median of ${mem.liveRuns} fresh processes). “State” is that minus the heap before the stream began.`,
      "",
      "| after | live heap MB | state kB | ÷ live heap at the first N |",
      "|---|---|---|---|",
    );
    for (const c of mem.live) {
      lines.push(
        `| ${count(c.at)} | ${mb(c.liveHeap)} | ${(c.state / 1024).toFixed(0)} | ${mem.liveFrom ? ratio(c.liveHeap / mem.liveFrom.liveHeap) : "–"} |`,
      );
    }
    lines.push("");
  }
  lines.push("| goal | measured | target | result |", "|---|---|---|---|");
  for (const r of s.arrays) {
    lines.push(
      `| (b) ≤ 1.5 × (a), ${count(r.count)} array | ${ratio(r.bOverA)} | ≤ ${goals.engineOverHand}× | ${verdict(r.bOverA, goals.engineOverHand)} |`,
    );
  }
  for (const r of s.streamed) {
    lines.push(
      `| (b) ≤ 1.5 × (a), ${count(r.count)} streamed | ${ratio(r.bOverA)} | ≤ ${goals.engineOverHand}× | ${verdict(r.bOverA, goals.engineOverHand)} |`,
    );
  }
  for (const r of s.arrays) {
    lines.push(
      `| (c) ≤ 5 × (a), ${count(r.count)} array | ${ratio(r.cOverA)} | ≤ ${goals.validatedOverHand}× | ${verdict(r.cOverA, goals.validatedOverHand)} |`,
    );
  }
  if (lin.arrays) {
    lines.push(
      `| (b) linear in N, ${count(lin.arrays.from)} → ${count(lin.arrays.to)} arrays | ${lin.arrays.b.toFixed(2)} | ≤ ${goals.linearity} | ${verdict(lin.arrays.b, goals.linearity)} |`,
    );
  }
  if (lin.streamed) {
    lines.push(
      `| (b) linear in N, ${count(lin.streamed.from)} → ${count(lin.streamed.to)} streamed | ${lin.streamed.b.toFixed(2)} | ≤ ${goals.linearity} | ${verdict(lin.streamed.b, goals.linearity)} |`,
    );
  }
  const [small, big] = mem.figures;
  if (small && big && mem.live.length > 0) {
    lines.push(
      `| live heap after gc, ${count(mem.liveTo?.at ?? big.count)} ≤ 1.2 × ${count(small.count)}, one stream | ${ratio(mem.liveRatio)} | ≤ ${goals.memory}× | ${verdict(mem.liveRatio, goals.memory)} |`,
    );
  }
  if (small && big) {
    lines.push(
      `| peak heapUsed, ${count(big.count)} ≤ 1.2 × ${count(small.count)} (first goal, kept for the record: GC timing; (a) ${Number.isNaN(mem.handPeakRatio) ? "–" : ratio(mem.handPeakRatio)}) | ${ratio(mem.peakHeapRatio)} | ≤ ${goals.memory}× | ${verdict(mem.peakHeapRatio, goals.memory)} |`,
    );
  }
  if (s.surveyJs) {
    lines.push(
      `| (d) SurveyJS Model per response, ${count(s.surveyJs.count)} (no goal: for scale) | ${ratio(s.surveyJs.dOverA)} | – | – |`,
    );
  }
  return `${lines.join("\n")}\n`;
}
