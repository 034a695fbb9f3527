import type { Database } from "./database.js";

/**
 * The schema, one numbered step at a time; a step once released is never edited, only followed
 * by a new one. Uniqueness (a response id stored once) is the database's primary key, not an
 * application check.
 */
export const migrations: readonly {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}[] = [
  {
    version: 1,
    name: "versions, rounds, responses, referrals",
    sql: `
create table questionnaire_versions (
  hash text primary key check (hash ~ '^[0-9a-f]{64}$'),
  label text not null,
  body jsonb not null,
  created_at timestamptz not null default now()
);
create table rounds (
  id text primary key,
  version_hash text not null references questionnaire_versions (hash),
  body jsonb not null,
  canonical text not null,
  share_answers_with jsonb not null default '[]'::jsonb,
  created_at timestamptz not null default now()
);
create table responses (
  id uuid primary key,
  round_id text not null references rounds (id),
  version_hash text not null references questionnaire_versions (hash),
  -- The response as received, canonical JSON: compared byte for byte on a repeated PUT.
  canonical text not null,
  submitted_at timestamptz not null,
  received_at timestamptz not null default now()
);
create index responses_by_round on responses (round_id);
create table referral_files (
  round_id text primary key references rounds (id),
  rows jsonb not null,
  uploaded_at timestamptz not null default now()
);`,
  },
];

/** Brings the database up to the newest step; each step in its own transaction, once. */
export async function migrate(db: Database): Promise<number[]> {
  await db.query(`create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    applied_at timestamptz not null default now()
  )`);
  const applied: number[] = [];
  for (const step of migrations) {
    const ran = await db.transaction(async (query) => {
      // Two collectors starting at once on one PostgreSQL: the second waits, then skips.
      await query("select pg_advisory_xact_lock(4242)");
      const done = await query("select 1 from schema_migrations where version = $1", [
        step.version,
      ]);
      if (done.length > 0) return false;
      for (const statement of step.sql
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean)) {
        await query(statement);
      }
      await query("insert into schema_migrations (version, name) values ($1, $2)", [
        step.version,
        step.name,
      ]);
      return true;
    });
    if (ran) applied.push(step.version);
  }
  return applied;
}
