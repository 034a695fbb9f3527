import { canonicalJson, type Response, withDayPrecision } from "@klynge/engine";
import type { Database } from "./database.js";

type Query = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * The schema, one numbered step at a time; a step once released is never edited, only followed
 * by a new one. Uniqueness (a response id stored once) is the database's primary key, not an
 * application check.
 */
export const migrations: readonly {
  readonly version: number;
  readonly name: string;
  /** One string of statements separated by ";", or a list of statements (needed for functions). */
  readonly sql: string | readonly string[];
  /** Runs after `sql`, in the same transaction: for changes SQL alone cannot make. */
  readonly run?: (query: Query) => Promise<void>;
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
  {
    version: 2,
    name: "clusters, staff, sessions, audit; responses without times finer than the day",
    sql: [
      `create table clusters (
        id text primary key check (id ~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$'),
        name text not null,
        municipalities jsonb not null default '[]'::jsonb,
        k integer not null default 5 check (k >= 3),
        retention_months integer not null default 12 check (retention_months between 1 and 120)
      )`,
      `create table staff (
        id uuid primary key,
        email text not null unique check (email = lower(email)),
        name text not null,
        admin boolean not null default false,
        -- The identity provider's subject, bound at the first sign-in: a reassigned e-mail cannot take over.
        subject text unique
      )`,
      `create table cluster_members (
        cluster_id text not null references clusters (id),
        staff_id uuid not null references staff (id),
        role text not null check (role in ('coordinator', 'municipality')),
        primary key (cluster_id, staff_id)
      )`,
      `-- Only a hash of the cookie's token is kept: a copy of the database signs no one in.
      create table sessions (
        token_hash text primary key,
        staff_id uuid not null references staff (id) on delete cascade,
        expires_at timestamptz not null
      )`,
      `create index sessions_by_expiry on sessions (expires_at)`,
      `create table sign_in_attempts (
        id_hash text primary key,
        state text not null,
        nonce text not null,
        code_verifier text not null,
        next text not null,
        expires_at timestamptz not null
      )`,
      `create table cluster_versions (
        cluster_id text not null references clusters (id),
        version_hash text not null references questionnaire_versions (hash),
        label text not null,
        published_on date not null default current_date,
        published_by text not null,
        primary key (cluster_id, version_hash)
      )`,
      `create table allowed_origins (origin text primary key)`,
      `create table round_reports (
        round_id text primary key references rounds (id),
        report jsonb not null
      )`,
      `create table audit_log (
        id bigserial primary key,
        at timestamptz not null default now(),
        actor_id uuid,
        actor text not null,
        action text not null,
        cluster_id text,
        target text,
        outcome text not null check (outcome in ('ok', 'refused'))
      )`,
      `create function audit_log_is_append_only() returns trigger language plpgsql as $fn$
      begin
        raise exception 'audit_log is append-only';
      end
      $fn$`,
      `create trigger audit_log_append_only before update or delete or truncate on audit_log
        for each statement execute function audit_log_is_append_only()`,
      `alter table rounds add column cluster_id text references clusters (id)`,
      `create index rounds_by_cluster on rounds (cluster_id)`,
      `alter table rounds add column closed_on date`,
      `alter table rounds add column raw_deleted_on date`,
      `alter table responses drop column submitted_at`,
      `alter table responses drop column received_at`,
    ],
    async run(query) {
      // Rounds from before clusters: each goes to the cluster its id starts with.
      const rounds = await query<{ id: string; cluster: string }>(
        "select id, body->>'cluster' as cluster from rounds",
      );
      for (const round of rounds) {
        const id = clusterIdOf(round.id);
        await query("insert into clusters (id, name) values ($1, $2) on conflict (id) do nothing", [
          id,
          round.cluster,
        ]);
        await query("update rounds set cluster_id = $1 where id = $2", [id, round.id]);
      }
      await query("alter table rounds alter column cluster_id set not null");
      // Stored bodies lose their times of day (see withDayPrecision).
      const stored = await query<{ id: string; canonical: string }>(
        "select id::text as id, canonical from responses",
      );
      for (const row of stored) {
        const response = JSON.parse(row.canonical) as Response;
        await query("update responses set canonical = $1 where id = $2", [
          canonicalJson(withDayPrecision(response)),
          row.id,
        ]);
      }
    },
  },
  {
    version: 3,
    name: "invitations, meeting keys, open links, mail texts",
    sql: [
      // Anyone with the round's link may answer while this is on (up to the number invited);
      // open_link_was_on marks the round in its reports once it has been on.
      `alter table rounds add column open_link boolean not null default false`,
      `alter table rounds add column open_link_was_on boolean not null default false`,
      // Whom an invitation is for and whether it was used: not when, nor by which response.
      // The token is made from the id with the link secret; only its SHA-256 is kept.
      `create table invitations (
        id uuid primary key,
        round_id text not null references rounds (id),
        token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
        name text,
        email text,
        used boolean not null default false,
        mailed_on date
      )`,
      `create index invitations_by_round on invitations (round_id)`,
      `create table meeting_keys (
        id uuid primary key,
        round_id text not null references rounds (id),
        key_hash text not null unique check (key_hash ~ '^[0-9a-f]{64}$'),
        valid_from timestamptz not null,
        valid_until timestamptz not null,
        grace_until timestamptz not null,
        cap integer not null check (cap >= 0),
        used integer not null default 0 check (used >= 0),
        revoked boolean not null default false,
        check (valid_from <= valid_until and valid_until <= grace_until)
      )`,
      `create index meeting_keys_by_round on meeting_keys (round_id)`,
      // The texts a coordinator last sent for a round, offered again next time.
      `create table mail_texts (
        round_id text not null references rounds (id),
        kind text not null check (kind in ('invitation', 'reminder')),
        subject text not null,
        text text not null,
        primary key (round_id, kind)
      )`,
    ],
  },
  {
    version: 4,
    name: "cluster packages uploaded by KiAP, each round's meeting plan",
    sql: [
      // The bank's own package is version 1 and lives in the code; its uploads count on from 2, a
      // package new to the service starts at 1. Who uploaded is in the audit trail.
      `create table cluster_packages (
        id text not null,
        version integer not null check (version >= 1),
        body jsonb not null,
        uploaded_on date not null default current_date,
        primary key (id, version)
      )`,
      // The plan a round's meeting follows: a copy taken when the round was created (from the
      // newest version of its questionnaire's package), then as its coordinator edited it.
      // A round from before this step has no row and follows its bank package's plan.
      `create table round_plans (
        round_id text primary key references rounds (id),
        package_id text,
        package_version integer check (package_version >= 1),
        plan jsonb not null,
        edited boolean not null default false,
        check ((package_id is null) = (package_version is null))
      )`,
    ],
  },
];

/** The cluster a round from before clusters belongs to: the part of its id before the first dot. */
function clusterIdOf(roundId: string): string {
  const prefix =
    roundId
      .split(".")[0]
      ?.toLowerCase()
      .replace(/[^a-z0-9-]/g, "-") ?? "";
  return /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/.test(prefix) ? prefix : "uden-klynge";
}

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
      const statements =
        typeof step.sql === "string"
          ? step.sql
              .split(";")
              .map((s) => s.trim())
              .filter(Boolean)
          : step.sql;
      for (const statement of statements) await query(statement);
      await step.run?.(query);
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
