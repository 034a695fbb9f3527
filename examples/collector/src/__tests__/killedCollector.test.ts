import { readFileSync } from "node:fs";
import { join } from "node:path";
import { seededRandom } from "@klynge/test-support/random";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openDatabase } from "../database.js";
import { DataDirectoryError } from "../dataDirectoryError.js";
import { buildCollector } from "../server.js";
import {
  type BuiltCollector,
  buildCollectorMain,
  type CollectorProcess,
  startCollectorProcess,
} from "./fixtures/collectorProcess.js";
import { type TempRoot, tempRoot } from "./fixtures/dataDirs.js";
import { baseline, responseFor, uuidOf } from "./fixtures/rounds.js";
import { seedClusters, testConfig } from "./fixtures/service.js";

// "A 2xx means committed and fsynced", with the collector a process of its own on the embedded
// PostgreSQL: PUTs go in concurrently, and the collector's process group (the collector and its
// PostgreSQL) is SIGKILLed at a seeded moment: at the k-th acknowledgement, from its handler, or
// right after the k-th request went out. Each restart does crash recovery on the same data
// directory; at the end every acknowledged response must be stored. SIGKILL loses processes,
// not the OS page cache; that WAL reaches the disk is the fsync test's (embeddedPostgres.test).
// KLYNGE_COLLECTOR_KILL_RUNS raises the count, KLYNGE_COLLECTOR_KILL_SEED changes the moments.

const runs = Number(process.env.KLYNGE_COLLECTOR_KILL_RUNS ?? 20);
const seed = Number(process.env.KLYNGE_COLLECTOR_KILL_SEED ?? 20261206);
/** Kill moments: at (or after sending) the k-th PUT of a run, k in [1, maxKillAt]. */
const maxKillAt = 40;
const concurrency = 8;
const json = { "content-type": "application/json" };

let built: BuiltCollector;
let root: TempRoot;
const running = new Set<CollectorProcess>();

beforeAll(async () => {
  built = await buildCollectorMain();
  root = tempRoot("klynge-killed-");
}, 120_000);

afterAll(async () => {
  for (const collector of running) await collector.killGroup();
  built?.remove();
  root?.remove();
});

async function start(dataDir: string): Promise<CollectorProcess> {
  const collector = await startCollectorProcess(built.main, dataDir);
  running.add(collector);
  return collector;
}

/** The status of a PUT of response `n`, or undefined when the connection broke. */
function put(origin: string, n: number): Promise<number | undefined> {
  return fetch(`${origin}/api/rounds/${baseline.id}/responses/${uuidOf(n)}`, {
    method: "PUT",
    headers: json,
    body: JSON.stringify(responseFor(n)),
  }).then(
    async (reply) => {
      await reply.arrayBuffer();
      return reply.status;
    },
    () => undefined,
  );
}

/** Responses stored, asked of the running collector's server over its socket. */
async function storedCount(dataDir: string): Promise<number> {
  const socketDir = readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[4] ?? "";
  const client = new pg.Client({ host: socketDir, user: "postgres", database: "postgres" });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "select count(*) as n from responses where round_id = $1",
      [baseline.id],
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/** The clusters, their staff and the baseline round, stored before the collector process starts. */
async function prepare(dataDir: string): Promise<void> {
  const db = await openDatabase({ dataDir });
  const app = await buildCollector({ db, config: testConfig });
  await seedClusters(app, db);
  await app.close();
  await db.close();
}

/** Whether `pid` is gone: no such process, or a zombie nobody reaped yet. */
function isGone(pid: number): boolean {
  try {
    return /^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

const lockPid = (dataDir: string) =>
  Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);

test(`every acknowledged response survives SIGKILL of the collector's process group (${runs} seeded kill moments)`, async () => {
  console.info(`collector kill test, seed ${seed} (KLYNGE_COLLECTOR_KILL_SEED), ${runs} runs`);
  const random = seededRandom(seed);
  const dataDir = join(root.dir, "group");
  const acknowledged = new Set<number>();
  let next = 1;
  const moments: string[] = [];
  for (let run = 0; run < runs; run += 1) {
    const where = `run ${run}, seed ${seed}`;
    if (run === 0) await prepare(dataDir);
    const collector = await start(dataDir);
    expect(await storedCount(dataDir), where).toBeGreaterThanOrEqual(acknowledged.size);

    const killAt = 1 + Math.floor(random() * maxKillAt);
    const atSend = random() < 0.3;
    let sent = 0;
    let acks = 0;
    let killed: Promise<void> | undefined;
    const kill = () => {
      killed ??= collector.killGroup();
    };
    const unexpected: string[] = [];
    const worker = async () => {
      while (killed === undefined) {
        const n = next;
        next += 1;
        sent += 1;
        const reply = put(collector.origin, n);
        if (atSend && sent === killAt) kill();
        const status = await reply;
        if (status === 201) {
          acknowledged.add(n);
          acks += 1;
          if (!atSend && acks === killAt) kill();
        } else if (killed === undefined) unexpected.push(`${n}: ${status ?? "connection lost"}`);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    await killed;
    running.delete(collector);
    expect(unexpected, `${where}\n${collector.stderr.join("\n")}`).toEqual([]);
    moments.push(`${atSend ? "sent" : "ack"} ${killAt}: ${acks} acked`);
  }
  console.info(`collector kill test, seed ${seed}: ${moments.join("; ")}`);

  // The last kill, recovered here: the same checks a collector's start makes, then the rows.
  const db = await openDatabase({ dataDir });
  try {
    const [counts] = await db.query<{ n: string; unique: string }>(
      "select count(*) as n, count(distinct id) as unique from responses",
    );
    const ids = new Set(
      (await db.query<{ id: string }>("select id::text as id from responses")).map((r) => r.id),
    );
    const lost = [...acknowledged].filter((n) => !ids.has(uuidOf(n)));
    expect(lost, `acknowledged but not stored (seed ${seed})`).toEqual([]);
    expect(Number(counts?.n)).toBe(Number(counts?.unique));
    expect(Number(counts?.n)).toBeGreaterThanOrEqual(acknowledged.size);
    expect(Number(counts?.n)).toBeLessThan(next);
  } finally {
    await db.close();
  }
  // A ceiling, not a wait: 20 restarts of the collector and its PostgreSQL took 107 s on a busy
  // CI machine and passed 120 s with five engineers' browser tests beside it.
}, 300_000);

test("after SIGKILL of the collector alone, the next start stops the PostgreSQL it left running and keeps every acknowledged response; a running collector's directory is refused", async () => {
  const dataDir = join(root.dir, "orphan");
  await prepare(dataDir);
  const first = await start(dataDir);
  const statuses = await Promise.all(
    Array.from({ length: 30 }, (_, i) => put(first.origin, 1_000 + i)),
  );
  expect(statuses.every((status) => status === 201)).toBe(true);
  // Some more in flight, then the collector is killed; its server is not.
  const inFlight = Array.from({ length: 10 }, (_, i) => put(first.origin, 2_000 + i));
  await first.killProcess();
  running.delete(first);
  await Promise.all(inFlight);
  const orphan = lockPid(dataDir);
  expect(isGone(orphan)).toBe(false);

  const second = await start(dataDir);
  expect(isGone(orphan)).toBe(true);
  expect(lockPid(dataDir)).not.toBe(orphan);
  expect(await storedCount(dataDir)).toBeGreaterThanOrEqual(30);

  // Its collector alive, a server is never stopped under it.
  const refused = await openDatabase({ dataDir }).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(refused).toBeInstanceOf(DataDirectoryError);
  expect((refused as DataDirectoryError).problem).toEqual({
    code: "in_use",
    serverPid: lockPid(dataDir),
    ownerPid: second.pid,
  });
  await second.stop();
  running.delete(second);
}, 60_000);

test("main.ts refuses an unsafe configuration at start, naming each problem", async () => {
  const { spawnSync } = await import("node:child_process");
  const refused = spawnSync(process.execPath, [built.main], {
    encoding: "utf8",
    timeout: 30_000,
    env: {
      PATH: process.env.PATH ?? "",
      KLYNGE_PUBLIC_URL: "http://klynge.example",
      KLYNGE_OIDC_ISSUER: "http://idp.example",
      KLYNGE_OIDC_CLIENT_ID: "klynge",
      KLYNGE_OIDC_CLIENT_SECRET: "secret",
      KLYNGE_SESSION_SECRET: "klynge-demo-secret-do-not-use-in-production",
      KLYNGE_LINK_SECRET: "klynge-demo-link-secret-do-not-use-in-production",
    },
  });
  expect(refused.status).toBe(1);
  expect(refused.stderr).toMatch(/^Refusing to start/);
  expect(refused.stderr).toMatch(/KLYNGE_PUBLIC_URL must be https/);
  expect(refused.stderr).toMatch(/KLYNGE_SESSION_SECRET/);
  expect(refused.stderr).toMatch(/KLYNGE_LINK_SECRET/);
  expect(refused.stderr).toMatch(/KLYNGE_ADMIN_EMAILS is empty/);
}, 60_000);
