import { readdir, readFile, realpath, rm, rmdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import pg from "pg";
import { DataDirectoryError } from "./dataDirectoryError.js";

/** Prefix of the private socket directories the embedded servers get in the temp directory. */
export const socketDirPrefix = "klynge-pg-";

/** The custom setting that records which process started an embedded server. */
export const ownerSetting = "klynge.owner_pid";

interface LockFile {
  readonly pid: number;
  readonly socketDir: string | undefined;
  readonly port: number;
}

/** `postmaster.pid`: PID, data directory, start time, port, socket directory, … (one a line). */
async function readLockFile(dataDir: string): Promise<LockFile | undefined> {
  let text: string;
  try {
    text = await readFile(join(dataDir, "postmaster.pid"), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { pid, socketDir: lines[4]?.trim() || undefined, port: Number(lines[3]) || 5432 };
}

/**
 * What runs under `pid`: from /proc where there is one (Linux), where a zombie counts as gone;
 * elsewhere only whether something does.
 */
async function processState(pid: number): Promise<"gone" | "postgres" | "other" | "unknown"> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return "gone";
  }
  let stat: string;
  try {
    stat = await readFile(`/proc/${pid}/stat`, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" && (await readdir("/proc").catch(() => [])).length > 0
      ? "gone"
      : "unknown";
  }
  // "pid (comm) state …"; comm may itself contain parentheses.
  const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
  const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  if (state === "Z" || state === "X") return "gone";
  return comm === "postgres" ? "postgres" : "other";
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The data directory and owner a server reports over its socket, or undefined when it does not answer. */
async function askServer(
  lock: LockFile,
): Promise<{ dataDirectory: string; ownerPid: number | undefined } | undefined> {
  if (lock.socketDir === undefined) return undefined;
  const client = new pg.Client({
    host: lock.socketDir,
    port: lock.port,
    user: "postgres",
    database: "postgres",
    connectionTimeoutMillis: 2_000,
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ dir: string; owner: string | null }>(
      "select current_setting('data_directory') as dir, current_setting($1, true) as owner",
      [ownerSetting],
    );
    const owner = Number(rows[0]?.owner);
    return {
      dataDirectory: rows[0]?.dir ?? "",
      ownerPid: Number.isInteger(owner) && owner > 0 ? owner : undefined,
    };
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Removes a dead embedded server's private socket directory (only one of ours, only its socket files). */
async function removeSocketDir(socketDir: string | undefined): Promise<void> {
  if (socketDir === undefined || dirname(socketDir) !== tmpdir()) return;
  if (!basename(socketDir).startsWith(socketDirPrefix)) return;
  const entries = await readdir(socketDir).catch(() => undefined);
  if (entries === undefined || !entries.every((name) => name.startsWith(".s.PGSQL."))) return;
  for (const name of entries) await rm(join(socketDir, name), { force: true });
  await rmdir(socketDir).catch(() => undefined);
}

async function sameDirectory(a: string, b: string): Promise<boolean> {
  const [ra, rb] = await Promise.all([realpath(a).catch(() => a), realpath(b).catch(() => b)]);
  return ra === rb;
}

const poll = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Makes way for a new server on `dataDir` after an unclean end of the last one. A lock file
 * (`postmaster.pid`) of a dead server is PostgreSQL's to replace; one naming a live process
 * that is no PostgreSQL (its pid reused) is removed. A server left running by a collector that
 * was killed (SIGKILL leaves its child running) is stopped with a fast shutdown, which
 * checkpoints everything committed. A server whose collector still runs, or that cannot be
 * identified, is refused: two servers on one directory would destroy it.
 */
export async function stopOrphanedServer(dataDir: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lock = await readLockFile(dataDir);
    if (lock === undefined) return;
    const state = await processState(lock.pid);
    if (state === "gone" || state === "other") {
      // PostgreSQL would take a zombie or a reused pid for a live server and refuse to start.
      if (state === "other" || isAlive(lock.pid))
        await rm(join(dataDir, "postmaster.pid"), { force: true });
      await removeSocketDir(lock.socketDir);
      return;
    }
    const answer = await askServer(lock);
    if (answer !== undefined && (await sameDirectory(answer.dataDirectory, dataDir))) {
      const owner = answer.ownerPid;
      if (owner === undefined || owner === process.pid || isAlive(owner))
        throw new DataDirectoryError(dataDir, {
          code: "in_use",
          serverPid: lock.pid,
          ownerPid: owner,
        });
      process.kill(lock.pid, "SIGINT");
      while ((await readLockFile(dataDir))?.pid === lock.pid) {
        if ((await processState(lock.pid)) === "gone") break;
        if (Date.now() > deadline)
          throw new DataDirectoryError(dataDir, {
            code: "in_use",
            serverPid: lock.pid,
            ownerPid: undefined,
          });
        await poll(50);
      }
      await removeSocketDir(lock.socketDir);
      continue;
    }
    // Starting, recovering or stopping: wait for it to answer or to go.
    if (Date.now() > deadline)
      throw new DataDirectoryError(dataDir, {
        code: "in_use",
        serverPid: lock.pid,
        ownerPid: undefined,
      });
    await poll(100);
  }
}
