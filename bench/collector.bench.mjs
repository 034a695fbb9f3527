// The collector under load, as a service runs it: 10,000 valid responses, each with its own
// invitation's token (the transaction that stores it spends it), 20 % of them sent twice, 64 PUTs in flight over loopback HTTP, spread over TWO collector processes
// (`dist/main.js`, as deployed) on ONE PostgreSQL (an embedded server the bench starts); a copy
// usually reaches the other process than its first. Then stored == unique is checked in the
// database. Also one collector process alone. Baseline in the same run: two bare Fastify
// processes whose PUT route only parses the JSON and answers 201 (no engine, no database), driven
// the same way. Run with `pnpm bench` (builds first); `--quick` is a smoke run (1,000 responses).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { templateVersion } from "@klynge/question-bank";
import { benchLog, describeSources, quantile, writeBenchResults } from "./lib/browserBench.mjs";
import { createPrng } from "./lib/createPrng.mjs";
import { benchCollectorConfig, seedBenchRound } from "./lib/seedBenchRound.mjs";

const quick = process.argv.includes("--quick");
const config = {
  responses: quick ? 1_000 : 10_000,
  duplicateShare: 0.2,
  concurrency: 64,
  processes: 2,
  goals: { responsesPerSecond: 1_000 },
};
const startedAt = Date.now();
const log = benchLog("collector bench", startedAt);

const collectorDir = fileURLToPath(new URL("../examples/collector/", import.meta.url));
const requireFromCollector = createRequire(join(collectorDir, "package.json"));
const collectorDist = (file) => new URL(`../examples/collector/dist/${file}`, import.meta.url).href;
const { buildCollector } = await import(collectorDist("index.js"));
const { openPostgres } = await import(collectorDist("database.js"));
const { startEmbeddedPostgres } = await import(collectorDist("startEmbeddedPostgres.js"));

const version = templateVersion("rehab");
// Answered as GPs answer: each response with its own invitation (an anonymous link made through
// the API), a copy with the same token; the transaction that stores a response spends its token.
const round = {
  id: "bench.load",
  label: "Load",
  cluster: "Bench",
  versionHash: version.hash,
};

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

/** PUTs every request from a worker thread, in turn to `bases`; returns seconds, statuses, latencies. */
function drive(bases, requests) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./lib/putDriver.mjs", import.meta.url), {
      workerData: {
        bases,
        path: `/api/rounds/${round.id}/responses/`,
        requests,
        concurrency: config.concurrency,
      },
    });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

/** A Node process running `script` (a file or `-e` code), resolved once it prints its address. */
async function startProcess(args, env = {}) {
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  const errors = [];
  createInterface({ input: child.stderr }).on("line", (line) => errors.push(line));
  const address = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (line) => {
      const match = /(?:listening at |LISTENING )(http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`exited (${code}):\n${errors.join("\n")}`)));
  });
  return {
    address,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}

const bareFastify = `
const Fastify = require(${JSON.stringify(requireFromCollector.resolve("fastify"))});
const app = Fastify({ bodyLimit: 64 * 1024 });
app.put("/api/rounds/:round/responses/:id", async (request, reply) => {
  if (typeof request.body !== "object") return reply.code(400).send({});
  return reply.code(201).send({ id: request.params.id });
});
app.listen({ host: "127.0.0.1", port: 0 }).then((address) => console.log("LISTENING " + address));
process.once("SIGTERM", () => app.close().then(() => process.exit(0)));
`;

async function runBaseline(requests) {
  const servers = await Promise.all(
    Array.from({ length: config.processes }, () => startProcess(["-e", bareFastify])),
  );
  try {
    const bases = servers.map((s) => s.address);
    await drive(bases, warmup);
    return await drive(bases, requests);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/** The collector's settings for a development run (http, no provider reached): main.ts's env. */
const collectorEnv = (databaseUrl) => ({
  DATABASE_URL: databaseUrl,
  HOST: "127.0.0.1",
  PORT: "0",
  KLYNGE_INSECURE_DEV: "1",
  KLYNGE_PUBLIC_URL: "http://127.0.0.1",
  KLYNGE_OIDC_ISSUER: "http://127.0.0.1:9",
  KLYNGE_OIDC_CLIENT_ID: "bench",
  KLYNGE_OIDC_CLIENT_SECRET: "bench-secret",
  KLYNGE_SESSION_SECRET: "bench-session-secret-of-at-least-32-characters",
  KLYNGE_LINK_SECRET: "bench-link-secret-of-at-least-32-characters",
  KLYNGE_ADMIN_EMAILS: "admin@bench.example",
  KLYNGE_RETENTION_CHECK_MINUTES: "0",
  // The bench's one client address would meet the per-address upload limit (600 a minute).
  KLYNGE_UPLOADS_PER_MINUTE: "100000000",
});

/** A fresh database on `server`, with a cluster, its coordinator and the round, made through the API. */
async function prepareDatabase(server, name) {
  const admin = await openPostgres(server.url);
  await admin.query(`create database ${name}`);
  await admin.close();
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.href);
  const app = await buildCollector({
    db,
    config: benchCollectorConfig,
  });
  const coordinator = await seedBenchRound(app, db, round, version);
  // One anonymous link per response, 500 (the most one request makes) at a time.
  const needed = new Set([...all, ...warmup].map((request) => request.id)).size;
  for (let made = 0; made < needed; made += 500) {
    const invited = await coordinator.request({
      method: "POST",
      url: `/api/rounds/${round.id}/invitations`,
      payload: { anonymous: Math.min(500, needed - made) },
    });
    if (invited.statusCode !== 201) throw new Error(`invitations: ${invited.body}`);
  }
  const listed = await coordinator.request({
    method: "GET",
    url: `/api/rounds/${round.id}/invitations`,
  });
  const tokens = listed.json().invitations.map((i) => i.link.split("#invitation=")[1]);
  await app.close();
  return { url: url.href, db, tokens };
}

/** The requests with a token each: every copy of a response carries that response's token. */
function withTokens(requests, tokenOf) {
  return requests.map((one) => ({ ...one, headers: { "x-klynge-invitation": tokenOf(one.id) } }));
}

let databases = 0;
async function runCollectors(server, processes, requests) {
  databases += 1;
  const { url, db, tokens } = await prepareDatabase(server, `klynge_bench_${databases}`);
  const assigned = new Map();
  const tokenOf = (id) => {
    if (!assigned.has(id)) assigned.set(id, tokens[assigned.size]);
    return assigned.get(id);
  };
  const warm = withTokens(warmup, tokenOf);
  const timed = withTokens(requests, tokenOf);
  const collectors = await Promise.all(
    Array.from({ length: processes }, () =>
      startProcess([join(collectorDir, "dist/main.js")], collectorEnv(url)),
    ),
  );
  try {
    const bases = collectors.map((c) => c.address);
    await drive(bases, warm);
    const result = await drive(bases, timed);
    const [row] = await db.query(
      "select count(*) as n, count(distinct id) as d from responses where id <> all($1::uuid[])",
      [warmup.map((w) => w.id)],
    );
    return { ...result, stored: Number(row.n), distinct: Number(row.d) };
  } finally {
    await Promise.all(collectors.map((c) => c.stop()));
    await db.close();
  }
}

const { all, unique } = makeRequests();
// Untimed first, on other ids: the JIT warms up on the same code paths.
const warmup = makeRequests(500, 1_000_000, 7).all;
log(`${all.length} PUTs (${unique} unique), concurrency ${config.concurrency}`);
// The same headers as the collectors get (a token's length), so the requests are the same size.
const baseline = await runBaseline(withTokens(all, () => "A".repeat(43)));
log(
  `baseline (${config.processes} bare Fastify processes): ${(all.length / baseline.seconds).toFixed(0)} PUT/s`,
);
// As root, the server's user must reach the data directory, and /tmp is searchable.
const dataDir = mkdtempSync(join(os.tmpdir(), "klynge-collector-bench-"));
const server = await startEmbeddedPostgres({ dataDir });
let two;
let one;
try {
  two = await runCollectors(server, config.processes, all);
  log(
    `${config.processes} collectors on one PostgreSQL: ${(all.length / two.seconds).toFixed(0)} PUT/s, stored ${two.stored}`,
  );
  one = await runCollectors(server, 1, all);
  log(`1 collector: ${(all.length / one.seconds).toFixed(0)} PUT/s, stored ${one.stored}`);
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const rows = [
  [`bare Fastify, ${config.processes} processes (baseline)`, baseline],
  [`collector, ${config.processes} processes, one embedded PostgreSQL`, two],
  ["collector, 1 process, embedded PostgreSQL", one],
];
const x = (v) => `${v.toFixed(3)}×`;
const line = ([what, r]) =>
  `| ${what} | ${(all.length / r.seconds).toFixed(0)} | ${x(baseline.seconds / r.seconds)} | ${quantile(r.latencies, 0.5).toFixed(1)} | ${quantile(r.latencies, 0.99).toFixed(1)} | ${(quantile(r.latencies, 0.99) / quantile(baseline.latencies, 0.99)).toFixed(1)}× | ${Object.entries(
    r.statuses,
  )
    .map(([s, n]) => `${s}: ${n}`)
    .join(", ")} | ${r.stored ?? "–"} |`;
const ok = (r) =>
  r.stored === unique &&
  r.distinct === unique &&
  (r.statuses[201] ?? 0) === unique &&
  (r.statuses[200] ?? 0) === all.length - unique;
const pass = (condition) => (condition ? "PASS" : "FAIL");
const markdown = [
  `# Collector load benchmark${quick ? " — QUICK SMOKE RUN, figures mean nothing" : ""}`,
  "",
  `Run ${new Date(startedAt).toISOString()}; sources ${describeSources(["examples/collector", "packages/engine", "bench"])}. Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown"}.`,
  "",
  `${all.length} PUTs of ${unique} valid rehab responses (${config.duplicateShare * 100} % sent twice, shuffled), each with its own invitation's token in \`x-klynge-invitation\` (a copy with the same token), ${config.concurrency} in flight over keep-alive HTTP/1.1 on loopback, request i to process i mod n, after an untimed warm-up of ${warmup.length} other responses. Client in a worker thread; servers and PostgreSQL as their own processes (2 cores in all).`,
  "",
  "| server | PUT/s | throughput vs baseline | p50 ms | p99 ms | p99 vs baseline | statuses | rows stored |",
  "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ...rows.map(line),
  "",
  "| goal | measured | target | result |",
  "| --- | --- | --- | --- |",
  `| ${config.processes} collectors: PUT/s | ${(all.length / two.seconds).toFixed(0)} | ≥ ${config.goals.responsesPerSecond} | ${pass(all.length / two.seconds >= config.goals.responsesPerSecond)} |`,
  `| ${config.processes} collectors: stored == unique, one 201 per id, 200 for each copy | ${two.stored} rows, ${two.distinct} ids | ${unique} | ${pass(ok(two))} |`,
  `| 1 collector: stored == unique | ${one.stored} rows, ${one.distinct} ids | ${unique} | ${pass(ok(one))} |`,
  "",
].join("\n");
writeBenchResults("collector", quick, markdown, {
  startedAt: new Date(startedAt).toISOString(),
  config,
  puts: all.length,
  unique,
  baseline: {
    seconds: baseline.seconds,
    statuses: baseline.statuses,
    p99: quantile(baseline.latencies, 0.99),
  },
  twoProcesses: {
    seconds: two.seconds,
    statuses: two.statuses,
    stored: two.stored,
    p99: quantile(two.latencies, 0.99),
  },
  oneProcess: {
    seconds: one.seconds,
    statuses: one.statuses,
    stored: one.stored,
    p99: quantile(one.latencies, 0.99),
  },
});
