import pg from "pg";
import { checkIntegrity } from "./checkIntegrity.js";
import { DataDirectoryError } from "./dataDirectoryError.js";
import { startEmbeddedPostgres } from "./startEmbeddedPostgres.js";

/**
 * The one thing the collector needs from a database: parameterised SQL, on a PostgreSQL server
 * the collector starts itself in a data directory ("embedded", the default) or on one of your
 * own (`DATABASE_URL`).
 */
export interface Database {
  readonly kind: "embedded" | "postgres";
  query<Row extends object>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs `body` in one transaction on one connection: all or nothing. */
  transaction<T>(body: (query: Database["query"]) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function poolDatabase(pool: pg.Pool, kind: Database["kind"], close: () => Promise<void>): Database {
  // An idle connection the server drops (a restart, a shutdown) is replaced, not fatal.
  pool.on("error", (error) => console.error(`database connection lost: ${error.message}`));
  return {
    kind,
    async query(sql, params = []) {
      return (await pool.query(sql, [...params])).rows;
    },
    async transaction(body) {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const result = await body(
          async (sql, params = []) => (await client.query(sql, [...params])).rows,
        );
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close,
  };
}

/** A pool on a PostgreSQL server of your own. */
export async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // Fail at start, not at the first request, when the server cannot be reached.
  await pool.query("select 1");
  return poolDatabase(pool, "postgres", () => pool.end());
}

/**
 * The embedded PostgreSQL server in `dataDir`, started by this process and stopped by `close()`;
 * its tables are checked for damage before anything is served (see `checkIntegrity`).
 */
export async function openEmbedded(dataDir: string): Promise<Database> {
  const server = await startEmbeddedPostgres({ dataDir });
  const pool = new pg.Pool({ connectionString: server.url, max: 10 });
  const db = poolDatabase(pool, "embedded", async () => {
    await pool.end();
    await server.stop();
  });
  try {
    const findings = await checkIntegrity(db);
    if (findings.length > 0)
      throw new DataDirectoryError(server.dataDir, { code: "damaged", findings });
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** `DATABASE_URL` set: a PostgreSQL of your own; otherwise the embedded server in `dataDir`. */
export async function openDatabase(options: {
  readonly databaseUrl?: string | undefined;
  readonly dataDir?: string | undefined;
}): Promise<Database> {
  if (options.databaseUrl !== undefined && options.databaseUrl !== "")
    return openPostgres(options.databaseUrl);
  if (options.dataDir === undefined || options.dataDir === "")
    throw new Error("openDatabase needs a dataDir (the embedded server's) or a databaseUrl");
  return openEmbedded(options.dataDir);
}
