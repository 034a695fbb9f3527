// The collector's tests run against a real PostgreSQL as well as PGlite. This makes sure one is
// reachable at KLYNGE_TEST_DATABASE_URL (default postgres://klynge:klynge@127.0.0.1:5432/postgres,
// a role that may create databases: each test suite makes its own and drops it). When nothing
// answers and we are root on Debian, it installs the `postgresql` package, starts its cluster
// and creates the role; otherwise it stops and says what to do.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

export const defaultTestDatabaseUrl = "postgres://klynge:klynge@127.0.0.1:5432/postgres";
const url = process.env.KLYNGE_TEST_DATABASE_URL ?? defaultTestDatabaseUrl;
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };

function reachable() {
  const result = spawnSync("psql", [url, "-qtAc", "select 1"], { encoding: "utf8", env });
  return result.status === 0 && result.stdout.trim() === "1";
}

function run(command, args) {
  execFileSync(command, args, { stdio: ["ignore", "inherit", "inherit"], env });
}

if (!existsSync("/usr/bin/psql") || !reachable()) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (
    process.env.KLYNGE_TEST_DATABASE_URL !== undefined ||
    !isRoot ||
    !existsSync("/usr/bin/apt-get")
  ) {
    console.error(
      `PostgreSQL is needed for the collector's tests and does not answer at ${url.replace(/:[^:@/]*@/, ":***@")}. ` +
        "Install it (Debian/Ubuntu: `sudo apt-get install -y postgresql`), create a role that may create " +
        "databases, and set KLYNGE_TEST_DATABASE_URL (or run `pnpm test` as root once to have this script do it).",
    );
    process.exit(1);
  }
  const installed = existsSync("/usr/lib/postgresql")
    ? readdirSync("/usr/lib/postgresql").filter((v) =>
        existsSync(`/usr/lib/postgresql/${v}/bin/postgres`),
      )
    : [];
  if (installed.length === 0) {
    console.error("PostgreSQL not found; installing Debian's postgresql package (once)…");
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "postgresql"]);
  }
  const clusters = execFileSync("pg_lsclusters", ["--no-header"], { encoding: "utf8" })
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split(/\s+/));
  if (clusters.length === 0) {
    const version = readdirSync("/usr/lib/postgresql").sort().at(-1);
    run("pg_createcluster", [String(version), "main"]);
    clusters.push([String(version), "main", "5432", "down"]);
  }
  const [version, name, , status] = clusters[0];
  if (status !== "online") run("pg_ctlcluster", [version, name, "start"]);
  const sql =
    "do $$ begin if not exists (select from pg_roles where rolname = 'klynge') then " +
    "create role klynge login createdb password 'klynge'; end if; end $$;";
  run("runuser", ["-u", "postgres", "--", "psql", "-qc", sql]);
  if (!reachable()) {
    console.error(`PostgreSQL was started but does not answer at ${url}; see /var/log/postgresql.`);
    process.exit(1);
  }
}
console.log("postgresql: reachable");
