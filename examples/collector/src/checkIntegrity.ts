import type { Database } from "./database.js";

/**
 * Looks for damage in every table of the public schema, reading it all: amcheck's verify_heapam
 * (tuples, pages, checksums) and bt_index_check with heapallindexed (every row in every B-tree
 * index, no duplicate keys); then the rows reached through the primary key must be the rows a
 * sequential scan finds. That last check catches a truncated heap file, which the others miss
 * and a plain `count(*)` silently counts short: the index still points into the lost blocks.
 * Returns what it found, one line each; empty when sound.
 */
export async function checkIntegrity(db: Database): Promise<string[]> {
  await db.query("create schema if not exists amcheck");
  await db.query("create extension if not exists amcheck with schema amcheck");
  const tables = await db.query<{ name: string; key: string | null }>(
    `select c.oid::regclass::text as name,
            (select string_agg(quote_ident(a.attname), ', ' order by k.n)
               from pg_index i
               cross join unnest(i.indkey) with ordinality as k(attnum, n)
               join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
              where i.indrelid = c.oid and i.indisprimary) as key
       from pg_class c join pg_namespace s on s.oid = c.relnamespace
      where s.nspname = 'public' and c.relkind = 'r'
      order by 1`,
  );
  const findings: string[] = [];
  const attempt = async (what: string, check: () => Promise<string[]>) => {
    try {
      findings.push(...(await check()).map((line) => `${what}: ${line}`));
    } catch (error) {
      findings.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  for (const table of tables) {
    await attempt(table.name, async () => {
      const rows = await db.query<{ blkno: string; offnum: number | null; msg: string }>(
        "select blkno, offnum, msg from amcheck.verify_heapam($1::regclass, check_toast => true) limit 10",
        [table.name],
      );
      return rows.map((row) => `block ${row.blkno}, item ${row.offnum ?? "–"}: ${row.msg}`);
    });
    const indexes = await db.query<{ name: string }>(
      `select i.indexrelid::regclass::text as name
         from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam
        where i.indrelid = $1::regclass and am.amname = 'btree' order by 1`,
      [table.name],
    );
    for (const index of indexes)
      await attempt(`${table.name} (index ${index.name})`, async () => {
        await db.query(
          "select amcheck.bt_index_check($1::regclass, heapallindexed => true, checkunique => true)",
          [index.name],
        );
        return [];
      });
    const { key } = table;
    if (key !== null)
      await attempt(`${table.name} (rows by primary key)`, async () => {
        const scanned = await count(db, ["indexscan", "indexonlyscan", "bitmapscan"], table.name);
        // Ordered by the key with a plain index scan: each index entry fetches its heap row.
        const byKey = await count(
          db,
          ["seqscan", "indexonlyscan", "bitmapscan"],
          `(select 1 from ${table.name} order by ${key} offset 0) as rows`,
        );
        return scanned === byKey
          ? []
          : [`${byKey} rows through the primary key, ${scanned} in a sequential scan`];
      });
  }
  return findings;
}

async function count(db: Database, disabled: readonly string[], from: string): Promise<number> {
  return db.transaction(async (query) => {
    for (const plan of disabled) await query(`set local enable_${plan} = off`);
    const [row] = await query<{ n: string }>(`select count(*) as n from ${from}`);
    return Number(row?.n);
  });
}
