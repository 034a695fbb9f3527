// Issue 13: what the anonymity audit costs for one cluster's report. Run with `pnpm bench` (builds
// the engine and the bank, then runs this with --expose-gc); `--quick` is a smoke run only.
//
// The cluster: 40 GPs, both templates (rehab and akut), baseline and follow-up, 40 responses a
// round (5 % of a follow-up's on the baseline's version, 10 % of questions skipped, as the
// aggregation bench generates them). Contenders, each timed over the same accumulated state:
//   (r) the report without the audit: `buildReport` with its last step, the audit loop, left out
//       (the engine's internal `buildReportWith(state, options, (figures) => figures)`);
//   (b) `buildReport` as it is: the report, audited round by round and withheld further until
//       the audit passes;
//   (b+a) (b), then `auditReports` over every report one role can get of the cluster: each
//       round alone and each template's pair, audited together.
// CPU time (user + system) of the process, medians, after a full collection (cold) and at once
// again (warm); the goal is (b+a) ≤ 50 ms after a collection.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import { Accumulator, auditReports, buildReport } from "@klynge/engine";
// Internal to the engine (not exported from the package): buildReport with another last step.
import { buildReportWith } from "../packages/engine/dist/aggregation/buildReport.js";
import { createBenchFixture } from "./lib/createBenchFixture.mjs";
import { generateResponses } from "./lib/generateResponses.mjs";
import { collectGarbage, measure, median } from "./lib/measureTime.mjs";

/**
 * @typedef {import("@klynge/engine").QuestionnaireVersion} QuestionnaireVersion
 * @typedef {import("@klynge/engine").Report} Report
 * @typedef {import("@klynge/engine").Round} Round
 * @typedef {import("@klynge/engine").Response} Response
 */

const quick = process.argv.includes("--quick");
const config = { seed: 20271013, gps: 40, k: 5, warmup: quick ? 3 : 50, reps: quick ? 5 : 101 };

const fixture = createBenchFixture();
const { versions } = fixture;
// Baseline and first follow-up of each template: four rounds.
const pairs = fixture.roundsByTemplate.map((own) => own.slice(0, 2).map((bench) => bench.round));
const rounds = pairs.flat();
const byHash = new Map(versions.map((v) => [v.hash, v]));

/** 40 responses in each of the four rounds, from the aggregation bench's generator. */
function clusterResponses() {
  const wanted = new Map(rounds.map((r) => [r.id, config.gps]));
  /** @type {Response[]} */
  const picked = [];
  for (const response of generateResponses(fixture, { count: 100_000, seed: config.seed })) {
    const left = wanted.get(response.roundId);
    if (left === undefined || left === 0) continue;
    wanted.set(response.roundId, left - 1);
    picked.push(response);
    if ([...wanted.values()].every((n) => n === 0)) break;
  }
  return picked;
}

const responses = clusterResponses();
const accumulator = new Accumulator();
for (const r of responses)
  accumulator.add(/** @type {QuestionnaireVersion} */ (byHash.get(r.versionHash)), r);
const state = accumulator.state;
const options = { rounds, versions, k: config.k };

const withoutAudit = () =>
  unwrap(buildReportWith(state, options, (/** @type {any} */ figures) => figures));
const withAudit = () => unwrap(buildReport(state, options));
/** Every report one role can get: each round alone and each template's pair, audited together. */
const withAuditOfSet = () => {
  const reports = [
    ...rounds.map((round) => unwrap(buildReport(state, { ...options, rounds: [round] }))),
    ...pairs.map((pair) => unwrap(buildReport(state, { ...options, rounds: pair }))),
  ];
  const audited = auditReports(reports, { versions });
  if (!audited.success || audited.data.length > 0)
    throw new Error("bench: the audit found a disclosure");
  return reports;
};
const withAuditAndOneMore = () => {
  const report = withAudit();
  const audited = auditReports([report], { versions });
  if (!audited.success || audited.data.length > 0)
    throw new Error("bench: the audit found a disclosure");
  return report;
};

/** @param {import("@klynge/engine").Result<Report>} result */
function unwrap(result) {
  if (!result.success) throw new Error(`bench: ${JSON.stringify(result.issues)}`);
  return result.data;
}

/** @type {{ name: string, run: () => unknown }[]} */
const contenders = [
  { name: "(r) report without the audit", run: withoutAudit },
  { name: "(b) report, audited until it passes", run: withAudit },
  { name: "(b+a) (b) + auditReports of the report", run: withAuditAndOneMore },
  { name: "(set) 6 reports (4 rounds, 2 pairs) + auditReports of all 6", run: withAuditOfSet },
];

for (let i = 0; i < config.warmup; i++) for (const c of contenders) c.run();
/** @type {Map<string, { cpu: number[], wall: number[], warmCpu: number[], warmWall: number[] }>} */
const times = new Map(
  contenders.map((c) => [c.name, { cpu: [], wall: [], warmCpu: [], warmWall: [] }]),
);
for (let rep = 0; rep < config.reps; rep++) {
  // Interleaved, in rotating order: once right after a full collection (which also drops some of
  // V8's compiled code and feedback: the cold case of a page built now and then), then once more
  // at once (warm: a server building reports one after another).
  for (let j = 0; j < contenders.length; j++) {
    const c = /** @type {(typeof contenders)[number]} */ (
      contenders[(rep + j) % contenders.length]
    );
    const t = times.get(c.name);
    if (t === undefined) continue;
    collectGarbage();
    const cold = measure(c.run);
    const warm = measure(c.run);
    t.cpu.push(cold.cpu);
    t.wall.push(cold.wall);
    t.warmCpu.push(warm.cpu);
    t.warmWall.push(warm.wall);
  }
}
/** @param {string} name @param {"cpu" | "wall" | "warmCpu" | "warmWall"} which */
const medianOf = (name, which = "cpu") => median(times.get(name)?.[which] ?? []);

const report = withAudit();
const unaudited = withoutAudit();
/** How many option counts a report withholds. @param {Report} r */
const withheld = (r) => {
  let n = 0;
  for (const q of r.questions) {
    for (const p of q.perRound) {
      if (p.type === "not_asked") continue;
      const cells =
        "options" in p
          ? p.options
          : p.type === "matrix"
            ? p.rows.flatMap((row) => row.options)
            : [];
      n += cells.filter((o) => o.cell.status === "suppressed").length;
    }
  }
  return n;
};
const base = medianOf("(r) report without the audit");
const warmBase = medianOf("(r) report without the audit", "warmCpu");
const rows = contenders.map((c) => {
  const m = medianOf(c.name);
  const warm = medianOf(c.name, "warmCpu");
  return {
    contender: c.name,
    medianCpuMs: m,
    ratio: m / base,
    medianWallMs: medianOf(c.name, "wall"),
    warmCpuMs: warm,
    warmRatio: warm / warmBase,
  };
});
const goal = medianOf("(b+a) (b) + auditReports of the report");
const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
const result = {
  config,
  commit,
  node: process.version,
  cpus: os.cpus().length,
  loadavg: os.loadavg(),
  responses: responses.length,
  withheldCounts: { withoutAudit: withheld(unaudited), withAudit: withheld(report) },
  rows,
  goal: { what: "(b+a) CPU ms ≤ 50", measured: goal, pass: goal <= 50 },
  times: Object.fromEntries(times),
};

const lines = [
  `# Audit bench (${quick ? "quick: figures mean nothing" : `${config.reps} reps`})`,
  "",
  `Commit ${commit}, Node ${process.version}, ${os.cpus().length} cores, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}.`,
  `Cluster: ${config.gps} GPs, rehab and akut, baseline and follow-up: ${responses.length} responses, k = ${config.k}.`,
  `Withheld counts in the report: ${result.withheldCounts.withoutAudit} without the audit, ${result.withheldCounts.withAudit} with it.`,
  "",
  "| contender | CPU ms after gc | × (r) | wall ms after gc | CPU ms warm | × (r) warm |",
  "| --- | --- | --- | --- | --- | --- |",
  ...rows.map(
    (r) =>
      `| ${r.contender} | ${r.medianCpuMs.toFixed(2)} | ${r.ratio.toFixed(2)}× | ${r.medianWallMs.toFixed(2)} | ${r.warmCpuMs.toFixed(2)} | ${r.warmRatio.toFixed(2)}× |`,
  ),
  "",
  "Medians. After gc: a full garbage collection before the call. Warm: the same call again at once.",
  "",
  `Goal (b+a) ≤ 50 ms CPU: ${goal.toFixed(2)} ms, ${goal <= 50 ? "PASS" : "FAIL"}.`,
];
const text = lines.join("\n");
console.log(text);
if (!quick) {
  mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  writeFileSync(new URL("./results/audit.md", import.meta.url), `${text}\n`);
  writeFileSync(
    new URL("./results/audit.json", import.meta.url),
    `${JSON.stringify(result, null, 2)}\n`,
  );
}
