import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { rmSync } from "node:fs";
import { chown, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { DataDirectoryError } from "./dataDirectoryError.js";
import { inspectDataDirectory } from "./inspectDataDirectory.js";
import { findPostgresBinaries } from "./postgresBinaries.js";
import { assertReachable, type ServerUser, serverUser } from "./serverUser.js";
import { ownerSetting, socketDirPrefix, stopOrphanedServer } from "./stopOrphanedServer.js";

export interface EmbeddedPostgresOptions {
  /** The data directory (PGDATA); initialised when missing or empty, refused when foreign. */
  readonly dataDir: string;
  /** Receives each line the server logs; default: WARNING and worse go to stderr. */
  readonly onLog?: (line: string) => void;
}

/** A PostgreSQL server this process started, reachable only through a private Unix socket. */
export interface EmbeddedPostgres {
  readonly dataDir: string;
  /** The superuser `postgres` on database `postgres`, over the socket (trust: see README). */
  readonly url: string;
  /** The server (postmaster) process. */
  readonly pid: number;
  /** Shuts the server down (a checkpoint, then exit); resolves once it has exited. */
  stop(): Promise<void>;
}

/** Lines of the server's log kept for the error when it fails to start. */
const tailLines = 30;
/** Superuser and database of the embedded server. */
const superuser = "postgres";
const port = 5432;
/** How long a smart shutdown may wait for sessions before it turns fast. */
const smartShutdownMs = 5_000;

/**
 * Durability is not left to the config files: the command line outranks postgresql.conf and
 * ALTER SYSTEM. No TCP at all; the socket directory is private to the server's user.
 */
function serverSettings(socketDir: string): string[] {
  const settings = {
    listen_addresses: "",
    unix_socket_directories: socketDir,
    unix_socket_permissions: "0700",
    port: String(port),
    fsync: "on",
    synchronous_commit: "on",
    full_page_writes: "on",
    // A commit time per transaction id would date every row to the microsecond (its xmin).
    track_commit_timestamp: "off",
    logging_collector: "off",
    log_destination: "stderr",
    lc_messages: "C",
    [ownerSetting]: String(process.pid),
  };
  return Object.entries(settings).flatMap(([name, value]) => ["-c", `${name}=${value}`]);
}

function defaultLog(line: string): void {
  if (/\b(WARNING|ERROR|FATAL|PANIC):/.test(line)) process.stderr.write(`postgres: ${line}\n`);
}

interface Launched {
  readonly child: ChildProcess;
  readonly closed: Promise<unknown>;
}

/** Spawns `command`; resolves when a log line matches `ready` (or at a clean exit), else rejects with the log's tail. */
function launch(
  command: string,
  args: readonly string[],
  user: ServerUser | undefined,
  ready: RegExp | undefined,
  onLog: (line: string) => void,
): Promise<Launched> {
  const child = spawn(command, args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LC_ALL: "C" },
    ...(user === undefined ? {} : { uid: user.uid, gid: user.gid }),
  });
  const closed = once(child, "close").catch(() => undefined);
  const tail: string[] = [];
  return new Promise((resolvePromise, reject) => {
    let started = false;
    for (const stream of [child.stdout, child.stderr]) {
      if (stream === null) continue;
      createInterface({ input: stream }).on("line", (line) => {
        tail.push(line);
        if (tail.length > tailLines) tail.shift();
        onLog(line);
        if (!started && ready?.test(line)) {
          started = true;
          resolvePromise({ child, closed });
        }
      });
    }
    child.once("error", (error) => {
      tail.push(error.message);
      reject(new LaunchFailure(tail));
    });
    child.once("close", (code) => {
      if (started) return;
      if (ready === undefined && code === 0) resolvePromise({ child, closed });
      else reject(new LaunchFailure([...tail, `(exit ${code ?? child.signalCode})`]));
    });
  });
}

class LaunchFailure extends Error {
  constructor(readonly log: readonly string[]) {
    super(log.join("\n"));
  }
}

/** Old backends of a killed server still hold its shared memory for a moment. */
const sharedMemoryBusy = /pre-existing shared memory block .* is still in use/;

/**
 * Starts PostgreSQL on `dataDir` as a child process: initdb first when the directory is missing
 * or empty (data checksums on, C locale, UTF-8, trust only on the socket); a foreign directory,
 * another major version, a server that fails to start or one without data checksums is refused
 * with a `DataDirectoryError`. fsync, synchronous_commit and full_page_writes are forced on.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const onLog = options.onLog ?? defaultLog;
  const binaries = await findPostgresBinaries();
  const user = await serverUser();
  const state = await inspectDataDirectory(dataDir, binaries.major);
  if (state === "new") await mkdir(dirname(dataDir), { recursive: true });
  if (user !== undefined) await assertReachable(dataDir, user);
  if (state === "new") {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    if (user !== undefined) await chown(dataDir, user.uid, user.gid);
    const initdb = [
      `--pgdata=${dataDir}`,
      `--username=${superuser}`,
      "--auth-local=trust",
      "--auth-host=reject",
      "--encoding=UTF8",
      "--no-locale",
      "--data-checksums",
      "--no-instructions",
    ];
    try {
      await launch(binaries.initdb, initdb, user, undefined, () => undefined);
    } catch (error) {
      if (!(error instanceof LaunchFailure)) throw error;
      throw new DataDirectoryError(dataDir, { code: "server_failed", log: error.log });
    }
  } else {
    await stopOrphanedServer(dataDir);
  }

  const socketDir = await mkdtemp(join(tmpdir(), socketDirPrefix));
  if (user !== undefined) await chown(socketDir, user.uid, user.gid);
  const args = ["-D", dataDir, ...serverSettings(socketDir)];
  let launched: Launched | undefined;
  for (let attempt = 0; launched === undefined; attempt += 1) {
    try {
      launched = await launch(binaries.postgres, args, user, /ready to accept connections/, onLog);
    } catch (error) {
      if (error instanceof LaunchFailure && error.log.some((l) => sharedMemoryBusy.test(l)))
        if (attempt < 100) {
          await new Promise((r) => setTimeout(r, 100));
          continue;
        }
      await rm(socketDir, { recursive: true, force: true });
      if (!(error instanceof LaunchFailure)) throw error;
      throw new DataDirectoryError(dataDir, { code: "server_failed", log: error.log });
    }
  }
  const { child, closed } = launched;
  // A normal exit of this process (also an uncaught exception) takes the server down with it.
  const onExit = () => {
    child.kill("SIGINT");
    rmSync(socketDir, { recursive: true, force: true });
  };
  process.on("exit", onExit);
  let stopping: Promise<void> | undefined;
  const server: EmbeddedPostgres = {
    dataDir,
    url: `postgresql://${superuser}@localhost:${port}/postgres?host=${encodeURIComponent(socketDir)}`,
    pid: child.pid ?? 0,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          // Smart shutdown lets closing sessions end on their own; fast if one lingers.
          child.kill("SIGTERM");
          const fast = setTimeout(() => child.kill("SIGINT"), smartShutdownMs);
          await closed;
          clearTimeout(fast);
        }
        await closed;
        process.off("exit", onExit);
        await rm(socketDir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
  try {
    await requireChecksums(server);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function requireChecksums(server: EmbeddedPostgres): Promise<void> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, string>>(
      `select current_setting('data_checksums') as data_checksums,
              current_setting('fsync') as fsync,
              current_setting('synchronous_commit') as synchronous_commit,
              current_setting('full_page_writes') as full_page_writes`,
    );
    const settings = rows[0] ?? {};
    if (settings.data_checksums !== "on")
      throw new DataDirectoryError(server.dataDir, { code: "no_checksums" });
    for (const name of ["fsync", "synchronous_commit", "full_page_writes"])
      if (settings[name] !== "on")
        throw new Error(`The embedded PostgreSQL runs with ${name} = ${settings[name]}, not on`);
  } finally {
    await client.end();
  }
}
