import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { appendFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../database.js";
import { DataDirectoryError } from "../dataDirectoryError.js";
import { buildCollector } from "../server.js";
import { serverUser } from "../serverUser.js";
import { snapshot, type TempRoot, tempRoot } from "./fixtures/dataDirs.js";
import { baseline, responseFor } from "./fixtures/rounds.js";
import { seedClusters, testConfig } from "./fixtures/service.js";

const json = { "content-type": "application/json" };

/** A collector on the embedded server in `dataDir`, with the baseline round stored. */
async function openCollector(dataDir: string) {
  const db = await openDatabase({ dataDir });
  const app = await buildCollector({ db, config: testConfig });
  await seedClusters(app, db);
  const put = (n: number) =>
    app.inject({
      method: "PUT",
      url: `/api/rounds/${baseline.id}/responses/${responseFor(n).id}`,
      headers: json,
      payload: JSON.stringify(responseFor(n)),
    });
  return {
    db,
    put,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** Rejects with the DataDirectoryError that opening `dataDir` gives; fails if it opens. */
async function refusal(dataDir: string): Promise<DataDirectoryError> {
  const error = await openDatabase({ dataDir }).then(
    async (db) => {
      await db.close();
      throw new Error(`${dataDir} was opened, not refused`);
    },
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(DataDirectoryError);
  const refused = error as DataDirectoryError;
  expect(refused.message).toContain(dataDir);
  return refused;
}

/** "0/16B3F28" → a comparable number. */
function lsn(text: string): bigint {
  const [high = "0", low = "0"] = text.split("/");
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

let root: TempRoot;
beforeAll(() => {
  root = tempRoot();
});
afterAll(() => root?.remove());

describe("the embedded PostgreSQL", () => {
  it("runs with fsync, synchronous_commit and full_page_writes on (from its command line), data checksums on, no commit timestamps, and no TCP port", async () => {
    const db = await openDatabase({ dataDir: join(root.dir, "settings") });
    try {
      expect(db.kind).toBe("embedded");
      const rows = await db.query<{ name: string; setting: string; source: string }>(
        `select name, setting, source from pg_settings
          where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'data_checksums',
                         'listen_addresses', 'unix_socket_permissions', 'track_commit_timestamp')
          order by name`,
      );
      expect(Object.fromEntries(rows.map((r) => [r.name, [r.setting, r.source]]))).toEqual({
        data_checksums: ["on", "default"],
        fsync: ["on", "command line"],
        full_page_writes: ["on", "command line"],
        listen_addresses: ["", "command line"],
        synchronous_commit: ["on", "command line"],
        // A commit time per transaction would date each row (its xmin): see the README.
        track_commit_timestamp: ["off", "command line"],
        unix_socket_permissions: ["0700", "command line"],
      });
      // Not overridable per database or role either.
      const [overrides] = await db.query<{ n: string }>(
        "select count(*) as n from pg_db_role_setting",
      );
      expect(Number(overrides?.n)).toBe(0);
    } finally {
      await db.close();
    }
  }, 60_000);

  it("acknowledged means fsynced: 50 sequential PUTs make at least 50 WAL fsyncs, and each 2xx comes after its commit record was flushed", async () => {
    const dataDir = join(root.dir, "fsync");
    // Statistics survive a clean restart; a restart also flushes every backend's counters.
    await (await openCollector(dataDir)).close();
    let collector = await openCollector(dataDir);
    const walFsyncs = async (db: Database) => {
      const [row] = await db.query<{ n: string }>(
        "select coalesce(sum(fsyncs), 0) as n from pg_stat_io where object = 'wal'",
      );
      return Number(row?.n);
    };
    const before = await walFsyncs(collector.db);
    const [start] = await collector.db.query<{ at: string }>(
      "select pg_current_wal_insert_lsn()::text as at",
    );
    const acknowledged: { xid: string; flushed: string }[] = [];
    for (let n = 1; n <= 50; n += 1) {
      const reply = await collector.put(n);
      expect(reply.statusCode).toBe(201);
      // Read at once: walwriter would flush an unflushed commit within ~200 ms.
      const [row] = await collector.db.query<{ flushed: string; xid: string }>(
        `select pg_current_wal_flush_lsn()::text as flushed,
                (select xmin::text from responses where id = $1) as xid`,
        [responseFor(n).id],
      );
      acknowledged.push({ xid: row?.xid ?? "", flushed: row?.flushed ?? "" });
    }
    await collector.close();
    collector = await openCollector(dataDir);
    try {
      const after = await walFsyncs(collector.db);
      expect(after - before).toBeGreaterThanOrEqual(50);
      await collector.db.query("create extension if not exists pg_walinspect");
      const commits = await collector.db.query<{ xid: string; end: string }>(
        `select xid::text as xid, end_lsn::text as end from pg_get_wal_records_info($1, pg_current_wal_flush_lsn())
          where resource_manager = 'Transaction' and record_type = 'COMMIT'`,
        [start?.at],
      );
      const commitEnd = new Map(commits.map((c) => [c.xid, c.end]));
      const late = acknowledged.filter(({ xid, flushed }) => {
        const end = commitEnd.get(xid);
        return end === undefined || lsn(flushed) < lsn(end);
      });
      expect(late, `of ${acknowledged.length} acknowledged`).toEqual([]);
    } finally {
      await collector.close();
    }
  }, 60_000);
});

describe("data directory rules", () => {
  it("initialises a missing directory (parents too) and an empty one", async () => {
    const empty = join(root.dir, "empty");
    mkdirSync(empty);
    for (const dataDir of [join(root.dir, "missing", "parent", "data"), empty]) {
      const db = await openDatabase({ dataDir });
      await db.close();
      expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(true);
      // Stopped cleanly: no lock file left behind.
      expect(existsSync(join(dataDir, "postmaster.pid"))).toBe(false);
    }
  }, 60_000);

  it("refuses a non-empty directory without PG_VERSION and leaves every file as it was", async () => {
    const dataDir = join(root.dir, "foreign");
    mkdirSync(join(dataDir, "notes"), { recursive: true });
    writeFileSync(join(dataDir, "notes", "referat.txt"), "Møde i klyngen\n");
    writeFileSync(join(dataDir, "base"), "not a directory");
    const before = snapshot(dataDir);
    const refused = await refusal(dataDir);
    expect(refused.problem).toEqual({ code: "not_a_data_directory" });
    expect(refused.message).toMatch(/no PG_VERSION.*new or empty directory/s);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it("refuses a data directory of another major version, untouched", async () => {
    const dataDir = join(root.dir, "pg15");
    mkdirSync(join(dataDir, "base", "1"), { recursive: true });
    writeFileSync(join(dataDir, "PG_VERSION"), "15\n");
    writeFileSync(join(dataDir, "base", "1", "1259"), Buffer.alloc(8192, 7));
    const before = snapshot(dataDir);
    const refused = await refusal(dataDir);
    expect(refused.problem).toEqual({ code: "other_major", found: "15", expected: 18 });
    expect(refused.message).toMatch(/PostgreSQL 15.*pg_upgrade/s);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it("refuses when the server fails to start, with the end of the server's log", async () => {
    const dataDir = join(root.dir, "bad-config");
    await (await openDatabase({ dataDir })).close();
    await appendFile(join(dataDir, "postgresql.conf"), "\nshared_buffers = 'plenty'\n");
    const before = snapshot(dataDir);
    const refused = await refusal(dataDir);
    expect(refused.problem.code).toBe("server_failed");
    expect(refused.message).toMatch(/invalid value for parameter "shared_buffers"/);
    expect(snapshot(dataDir)).toEqual(before);
  }, 60_000);

  it("refuses a truncated heap of responses (200 stored; a plain count(*) sees fewer), leaving its files as they were", async () => {
    const dataDir = join(root.dir, "truncated");
    const collector = await openCollector(dataDir);
    const replies = await Promise.all(Array.from({ length: 200 }, (_, i) => collector.put(i + 1)));
    expect(replies.every((r) => r.statusCode === 201)).toBe(true);
    const [counted] = await collector.db.query<{ n: string }>(
      "select count(*) as n from responses",
    );
    expect(Number(counted?.n)).toBe(200);
    // The table's files: heap first, then its indexes (with _fsm and _vm forks, where there are).
    const relations = await collector.db.query<{ path: string }>(
      `select pg_relation_filepath(oid) as path from pg_class
        where oid = 'responses'::regclass
           or oid in (select indexrelid from pg_index where indrelid = 'responses'::regclass)
        order by relkind <> 'r'`,
    );
    await collector.close();

    const heap = join(dataDir, relations[0]?.path ?? "");
    const blocks = statSync(heap).size / 8192;
    expect(blocks).toBeGreaterThanOrEqual(4);
    // Whole blocks lost at the end: PostgreSQL itself would serve the rest without a word.
    truncateSync(heap, Math.floor(blocks / 2) * 8192);
    const ofResponses = (path: string) =>
      path === "base" ||
      relations.some(
        (r) => path === r.path || path.startsWith(`${r.path}_`) || r.path.startsWith(`${path}/`),
      );
    const before = snapshot(dataDir, ofResponses);
    const filesBefore = Object.keys(snapshot(join(dataDir, "base")));
    const refused = await refusal(dataDir);
    expect(refused.problem.code).toBe("damaged");
    expect(refused.message).toMatch(/responses \(rows by primary key\): could not read block/);
    // PostgreSQL rewrites its own state when it starts and stops (control file, WAL, hint bits
    // in the catalogs); the damaged table is left as it was, and no file is gone.
    expect(snapshot(dataDir, ofResponses)).toEqual(before);
    expect(Object.keys(snapshot(join(dataDir, "base")))).toEqual(
      expect.arrayContaining(filesBefore),
    );
    expect(statSync(heap).size).toBe(Math.floor(blocks / 2) * 8192);
    expect(existsSync(join(dataDir, "postmaster.pid"))).toBe(false);
  }, 60_000);

  it("starts over a stale postmaster.pid that names a live process which is no PostgreSQL", async () => {
    const dataDir = join(root.dir, "stale-pid");
    await (await openDatabase({ dataDir })).close();
    // A process of the server's own user, so PostgreSQL's own check would take it for a server.
    const user = await serverUser();
    const sleeper = spawn("sleep", ["60"], {
      stdio: "ignore",
      ...(user === undefined ? {} : { uid: user.uid, gid: user.gid }),
    });
    try {
      await once(sleeper, "spawn");
      writeFileSync(
        join(dataDir, "postmaster.pid"),
        `${sleeper.pid}\n${dataDir}\n1796000000\n5432\n/tmp/klynge-pg-gone\n\n  5432001    0\nready   \n`,
      );
      const db = await openDatabase({ dataDir });
      expect((await db.query<{ one: number }>("select 1 as one"))[0]?.one).toBe(1);
      await db.close();
      expect(sleeper.exitCode).toBeNull();
    } finally {
      sleeper.kill("SIGKILL");
    }
  }, 60_000);

  it.runIf(process.getuid?.() === 0)(
    "as root, refuses a directory the server's user cannot reach, naming the blocking parent",
    async () => {
      const closed = join(root.dir, "closed");
      mkdirSync(closed, { mode: 0o700 });
      const dataDir = join(closed, "data");
      const refused = await refusal(dataDir);
      expect(refused.problem).toEqual({ code: "unreachable", blockedAt: closed, user: "postgres" });
      expect(existsSync(dataDir)).toBe(false);
    },
  );
});
