import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/**
 * The one thing the collector needs from a database: parameterised SQL. The same SQL runs on
 * PGlite (Postgres compiled to WASM, in a data directory: the embedded default) and on a real
 * PostgreSQL (`DATABASE_URL`).
 */
export interface Database {
  readonly kind: "pglite" | "postgres";
  query<Row extends object>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs `body` in one transaction on one connection: all or nothing. */
  transaction<T>(body: (query: Database["query"]) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PGlite in `dataDir` (created when missing), or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir?: string): Promise<Database> {
  // PGlite creates the directory itself, but not its parents.
  if (dataDir !== undefined) await mkdir(dirname(dataDir), { recursive: true });
  const db = dataDir === undefined ? await PGlite.create() : await PGlite.create(dataDir);
  return {
    kind: "pglite",
    async query(sql, params = []) {
      return (await db.query(sql, [...params])).rows as never[];
    },
    transaction(body) {
      return db.transaction((tx) =>
        body(async (sql, params = []) => (await tx.query(sql, [...params])).rows as never[]),
      );
    },
    close: () => db.close(),
  };
}

/** A pool on a real PostgreSQL server. */
export async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // Fail at start, not at the first request, when the server cannot be reached.
  await pool.query("select 1");
  return {
    kind: "postgres",
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
    close: () => pool.end(),
  };
}

/** `DATABASE_URL` set: PostgreSQL; otherwise PGlite in `dataDir`. */
export function openDatabase(options: {
  readonly databaseUrl?: string | undefined;
  readonly dataDir?: string | undefined;
}): Promise<Database> {
  return options.databaseUrl !== undefined && options.databaseUrl !== ""
    ? openPostgres(options.databaseUrl)
    : openPglite(options.dataDir);
}
