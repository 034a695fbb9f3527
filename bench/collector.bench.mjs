// Issue 6: the collector under load. 10,000 valid responses, 20 % of them sent twice, PUT
// concurrently over loopback HTTP; then stored == unique is checked in the database. Baseline in
// the same run: a bare Fastify server on the same HTTP stack whose PUT route only parses the JSON
// and answers 201 (no engine, no database), driven the same way. Run with `pnpm bench` (builds
// first); `node bench/collector.bench.mjs --quick` is a smoke run (1,000 responses).
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { templateVersion } from "@klynge/question-bank";
import { benchLog, describeSources, quantile, writeBenchResults } from "./lib/browserBench.mjs";
import { createPrng } from "./lib/createPrng.mjs";

const quick = process.argv.includes("--quick");
const config = {
  responses: quick ? 1_000 : 10_000,
  duplicateShare: 0.2,
  concurrency: 32,
  goals: { responsesPerSecond: 1_000 },
};
const startedAt = Date.now();
const log = benchLog("collector bench", startedAt);

const collectorDir = fileURLToPath(new URL("../examples/collector/", import.meta.url));
const requireFromCollector = createRequire(join(collectorDir, "package.json"));
const Fastify = requireFromCollector("fastify");
const { buildCollector } = await import(
  new URL("../examples/collector/dist/server.js", import.meta.url).href
);
const { openDatabase, openPostgres } = await import(
  new URL("../examples/collector/dist/database.js", import.meta.url).href
);

const version = templateVersion("rehab");
const round = { id: "bench.load", label: "Load", cluster: "Bench", versionHash: version.hash };

/** Valid responses with an answer to most questions; the ids' order is shuffled with the copies. */
function makeRequests(count = config.responses, offset = 0, seed = 6) {
  const random = createPrng(seed).next;
  /** @type {{ id: string, body: string }[]} */
  const unique = [];
  for (let n = offset; n < offset + count; n += 1) {
    /** @type {Record<string, unknown>} */
    const answers = {};
    for (const q of version.questionnaire.questions) {
      if (random() < 0.15) continue;
      const plain = (q.options ?? []).filter((o) => o.kind === undefined);
      if (q.type === "rating")
        answers[q.id] = { choice: plain[Math.floor(random() * plain.length)].code };
      else if (q.type === "multi")
        answers[q.id] = {
          choices: plain
            .filter(() => random() < 0.4)
            .map((o) => o.code)
            .concat(plain[0].code)
            .filter((c, i, all) => all.indexOf(c) === i),
        };
      else if (q.type === "text" && random() < 0.4)
        answers[q.id] = { text: `Fritekst nummer ${n}` };
    }
    const id = `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
    const response = {
      schemaVersion: 1,
      id,
      roundId: round.id,
      versionHash: version.hash,
      channel: "embed",
      startedAt: "2027-03-04T09:00:00.000Z",
      submittedAt: "2027-03-04T09:04:00.000Z",
      answers,
    };
    unique.push({ id, body: JSON.stringify(response) });
  }
  const copies = unique.filter((_, i) => i % Math.round(1 / config.duplicateShare) === 0);
  const all = [...unique, ...copies];
  for (let i = all.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return { all, unique: unique.length };
}

/** PUTs every request from a worker thread; returns seconds, status counts, latencies. */
function drive(base, requests) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./lib/putDriver.mjs", import.meta.url), {
      workerData: {
        base,
        path: `/api/rounds/${round.id}/responses/`,
        requests,
        concurrency: config.concurrency,
      },
    });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

async function runBaseline(requests) {
  const app = Fastify({ bodyLimit: 64 * 1024 });
  app.put("/api/rounds/:round/responses/:id", async (request, reply) => {
    if (typeof request.body !== "object") return reply.code(400).send({});
    return reply.code(201).send({ id: request.params.id });
  });
  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  try {
    await drive(address, warmup);
    return await drive(address, requests);
  } finally {
    await app.close();
  }
}

/** A server of your own for the "PostgreSQL" row; without one, that row is left out. */
const externalUrl = process.env.KLYNGE_TEST_DATABASE_URL;

async function runCollector(kind, requests) {
  // The temp directory itself is the embedded server's data directory (as root, the server's
  // user must be able to reach it, and /tmp is searchable).
  const dir = mkdtempSync(join(os.tmpdir(), "klynge-collector-bench-"));
  let db;
  let dropPostgres = async () => undefined;
  if (kind === "embedded") db = await openDatabase({ dataDir: dir });
  else {
    const pg = requireFromCollector("pg");
    const name = `klynge_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: externalUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const dbUrl = new URL(externalUrl);
    dbUrl.pathname = `/${name}`;
    db = await openPostgres(dbUrl.href);
    dropPostgres = async () => {
      const cleanup = new pg.Client({ connectionString: externalUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    };
  }
  const app = await buildCollector({ db });
  try {
    const created = await app.inject({
      method: "POST",
      url: "/api/rounds",
      payload: { round, version },
    });
    if (created.statusCode !== 201) throw new Error(`round: ${created.body}`);
    const address = await app.listen({ host: "127.0.0.1", port: 0 });
    await drive(address, warmup);
    const result = await drive(address, requests);
    const [row] = await db.query(
      "select count(*) as n, count(distinct id) as d from responses where id <> all($1::uuid[])",
      [warmup.map((w) => w.id)],
    );
    return { ...result, stored: Number(row.n), distinct: Number(row.d) };
  } finally {
    await app.close();
    await db.close();
    await dropPostgres();
    rmSync(dir, { recursive: true, force: true });
  }
}

const { all, unique } = makeRequests();
// Untimed first, on other ids: the JIT warms up on the same code paths.
const warmup = makeRequests(500, 1_000_000, 7).all;
log(`${all.length} PUTs (${unique} unique), concurrency ${config.concurrency}`);
const baseline = await runBaseline(all);
log(`baseline: ${(all.length / baseline.seconds).toFixed(0)} PUT/s`);
const embedded = await runCollector("embedded", all);
log(
  `collector on the embedded PostgreSQL: ${(all.length / embedded.seconds).toFixed(0)} PUT/s, stored ${embedded.stored}`,
);
let postgres;
if (externalUrl === undefined)
  log("PostgreSQL of your own not measured: KLYNGE_TEST_DATABASE_URL unset");
else {
  postgres = await runCollector("postgres", all);
  log(
    `collector on PostgreSQL: ${(all.length / postgres.seconds).toFixed(0)} PUT/s, stored ${postgres.stored}`,
  );
}

const rows = [
  ["bare Fastify (baseline)", baseline],
  ["collector, embedded PostgreSQL", embedded],
  ...(postgres ? [["collector, PostgreSQL", postgres]] : []),
];
const x = (v) => `${v.toFixed(3)}×`;
const line = ([what, r]) =>
  `| ${what} | ${(all.length / r.seconds).toFixed(0)} | ${(unique / r.seconds).toFixed(0)} | ${x(baseline.seconds / r.seconds)} | ${quantile(r.latencies, 0.5).toFixed(1)} | ${quantile(r.latencies, 0.95).toFixed(1)} | ${Object.entries(
    r.statuses,
  )
    .map(([s, n]) => `${s}: ${n}`)
    .join(", ")} | ${r.stored ?? "–"} |`;
const ok = (r) =>
  r.stored === unique &&
  r.distinct === unique &&
  (r.statuses[201] ?? 0) === unique &&
  (r.statuses[200] ?? 0) === all.length - unique;
const markdown = [
  `# Collector load benchmark (issue 6)${quick ? " — QUICK SMOKE RUN, figures mean nothing" : ""}`,
  "",
  `Run ${new Date(startedAt).toISOString()}; sources ${describeSources(["examples/collector", "packages/engine", "bench"])}. Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown"}.`,
  "",
  `${all.length} PUTs of ${unique} valid rehab responses (${config.duplicateShare * 100} % sent twice, shuffled), ${config.concurrency} in flight over keep-alive HTTP/1.1 on loopback, after an untimed warm-up of ${warmup.length} other responses; the client runs in a worker thread, the server on the main thread (2 cores in all).`,
  "",
  "| server | PUT/s | unique/s | throughput vs baseline | p50 ms | p95 ms | statuses | rows stored |",
  "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ...rows.map(line),
  "",
  "| goal | measured | target | result |",
  "| --- | --- | --- | --- |",
  `| embedded PostgreSQL: PUT/s | ${(all.length / embedded.seconds).toFixed(0)} | ≥ ${config.goals.responsesPerSecond} | ${all.length / embedded.seconds >= config.goals.responsesPerSecond ? "PASS" : "FAIL"} |`,
  `| embedded PostgreSQL: stored == unique, one 201 per id, 200 for each copy | ${embedded.stored} rows, ${embedded.distinct} ids | ${unique} | ${ok(embedded) ? "PASS" : "FAIL"} |`,
  ...(postgres
    ? [
        `| PostgreSQL: PUT/s | ${(all.length / postgres.seconds).toFixed(0)} | ≥ ${config.goals.responsesPerSecond} | ${all.length / postgres.seconds >= config.goals.responsesPerSecond ? "PASS" : "FAIL"} |`,
        `| PostgreSQL: stored == unique | ${postgres.stored} rows, ${postgres.distinct} ids | ${unique} | ${ok(postgres) ? "PASS" : "FAIL"} |`,
      ]
    : []),
  "",
].join("\n");
writeBenchResults("collector", quick, markdown, {
  startedAt: new Date(startedAt).toISOString(),
  config,
  puts: all.length,
  unique,
  baseline: { seconds: baseline.seconds, statuses: baseline.statuses },
  embedded: { seconds: embedded.seconds, statuses: embedded.statuses, stored: embedded.stored },
  postgres: postgres
    ? { seconds: postgres.seconds, statuses: postgres.statuses, stored: postgres.stored }
    : null,
});
