import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import { dirname } from "node:path";
import { promisify } from "node:util";
import { DataDirectoryError } from "./dataDirectoryError.js";

const run = promisify(execFile);

/** The OS user the embedded PostgreSQL runs as when the collector runs as root. */
export interface ServerUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

const name = "postgres";

async function lookUp(): Promise<ServerUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([run("id", ["-u", name]), run("id", ["-g", name])]);
    return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/**
 * PostgreSQL refuses to run as root. As root (a container, typically), the server runs as the
 * OS user `postgres`, created (a system user without a home) when missing; otherwise as the
 * collector's own user (undefined).
 */
export async function serverUser(): Promise<ServerUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const existing = await lookUp();
  if (existing !== undefined) return existing;
  const group = await run("getent", ["group", name]).then(
    () => ["-g", name],
    () => ["--user-group"],
  );
  await run("useradd", ["--system", ...group, "--no-create-home", "--shell", "/bin/false", name]);
  const created = await lookUp();
  if (created === undefined) throw new Error(`useradd did not create the OS user "${name}"`);
  return created;
}

/**
 * Every directory above `dir` must be searchable by the server's user, or PostgreSQL fails with a
 * bare "permission denied". Node starts it without supplementary groups, so owner, group and
 * other bits decide.
 */
export async function assertReachable(dir: string, user: ServerUser): Promise<void> {
  for (let parent = dirname(dir); ; parent = dirname(parent)) {
    const info = await stat(parent);
    const searchable =
      info.uid === user.uid
        ? (info.mode & 0o100) !== 0
        : info.gid === user.gid
          ? (info.mode & 0o010) !== 0
          : (info.mode & 0o001) !== 0;
    if (!searchable)
      throw new DataDirectoryError(dir, {
        code: "unreachable",
        blockedAt: parent,
        user: user.name,
      });
    if (dirname(parent) === parent) return;
  }
}
