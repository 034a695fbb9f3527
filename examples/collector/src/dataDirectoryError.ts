/** Why the embedded PostgreSQL refused a data directory; the directory itself is left as it was. */
export type DataDirectoryProblem =
  | { readonly code: "not_a_data_directory" }
  | { readonly code: "other_major"; readonly found: string; readonly expected: number }
  | { readonly code: "unreachable"; readonly blockedAt: string; readonly user: string }
  | { readonly code: "in_use"; readonly serverPid: number; readonly ownerPid: number | undefined }
  | { readonly code: "server_failed"; readonly log: readonly string[] }
  | { readonly code: "no_checksums" }
  | { readonly code: "damaged"; readonly findings: readonly string[] };

const messages: {
  [Code in DataDirectoryProblem["code"]]: (
    dir: string,
    problem: Extract<DataDirectoryProblem, { code: Code }>,
  ) => string;
} = {
  not_a_data_directory: (dir) =>
    `${dir} is not empty and is not a PostgreSQL data directory (it has no PG_VERSION). The ` +
    "collector initialises only a missing or empty directory and never touches other files: set " +
    "DATA_DIR to a new or empty directory, or move these files away yourself.",
  other_major: (dir, p) =>
    `${dir} was made by PostgreSQL ${p.found}; the embedded server is PostgreSQL ${p.expected} and ` +
    `cannot open it. Upgrade it with pg_upgrade (${p.found} → ${p.expected}), or set DATABASE_URL to ` +
    `a PostgreSQL ${p.found} server that serves it, or set DATA_DIR to a new directory.`,
  unreachable: (dir, p) =>
    `${dir} cannot be reached by the OS user "${p.user}" that runs the embedded PostgreSQL (the ` +
    `collector runs as root, and PostgreSQL refuses to): ${p.blockedAt} is not searchable by it. ` +
    `Allow it (chmod o+x ${p.blockedAt}), set DATA_DIR elsewhere, or run the collector as another user.`,
  in_use: (dir, p) =>
    `${dir} is in use by a running PostgreSQL server (pid ${p.serverPid})` +
    (p.ownerPid === undefined
      ? " that this collector did not start, or that does not answer. "
      : ` of a running collector (pid ${p.ownerPid}). `) +
    `Stop it first (kill -INT ${p.ownerPid ?? p.serverPid}), or set DATA_DIR to another directory.`,
  server_failed: (dir, p) =>
    `The embedded PostgreSQL did not start on ${dir}; the collector changed nothing in it. The ` +
    `server's last log lines say what to fix:\n${p.log.map((line) => `  ${line}`).join("\n")}` +
    (p.log.some((line) => line.includes("database files are incompatible with server"))
      ? "\nA directory made by PGlite (the embedded database of earlier versions of this " +
        "collector: PostgreSQL in 32-bit WebAssembly) ends like this. Dump it with PGlite's " +
        "pgDump (@electric-sql/pglite-tools) and load the dump into a new DATA_DIR with psql, " +
        "or, if it holds nothing you need (the demo's data), delete it."
      : ""),
  no_checksums: (dir) =>
    `${dir} has no data checksums, which the collector requires to notice damaged pages. Enable ` +
    "them with PostgreSQL's pg_checksums --enable while no server runs on it, then start again.",
  damaged: (dir, p) =>
    `The collector's tables in ${dir} are damaged; it does not serve them, as some stored ` +
    `responses would silently be missing. Restore the directory from a backup (or ask a ` +
    `PostgreSQL expert to salvage it) before starting again:\n${p.findings.map((line) => `  ${line}`).join("\n")}`,
};

/** A data directory the embedded PostgreSQL will not serve: `directory` and `problem` say which and why. */
export class DataDirectoryError extends Error {
  override readonly name = "DataDirectoryError";

  constructor(
    readonly directory: string,
    readonly problem: DataDirectoryProblem,
  ) {
    super(
      (messages[problem.code] as (dir: string, problem: DataDirectoryProblem) => string)(
        directory,
        problem,
      ),
    );
  }
}
