import {
  type ClusterPackage,
  canonicalJson,
  createVersion,
  type MeetingPlan,
  parseMeetingPlan,
  parsePackage,
  type QuestionnaireVersion,
} from "@klynge/engine";
import type { ClusterPackageEntry, RoundPlan } from "@klynge/engine/contract";
import { listPackages } from "@klynge/question-bank";
import type { Database } from "../database.js";
import { fitPlan } from "../fitPlan.js";

/** The version number of a bank package: built into this release, never stored. */
export const builtInVersion = 1;

interface StoredPackage {
  readonly version: number;
  readonly package: ClusterPackage;
  readonly uploadedOn: string | null;
}

/** What a new round records of its plan: where it came from and a copy fitted to its version. */
export interface PlanCopy {
  readonly packageId: string;
  readonly packageVersion: number;
  readonly plan: MeetingPlan;
}

/**
 * Read back from the database: a stored package must still be one the engine reads (a row
 * changed by hand, or by an engine that read more, is a programmer's problem, not a user's).
 */
function readStored(body: unknown, where: string): ClusterPackage {
  const parsed = parsePackage(body);
  if (!parsed.success) {
    throw new Error(
      `packageStore: ${where} no longer reads as a package (${parsed.issues[0]?.code}).`,
    );
  }
  return parsed.data;
}

/**
 * The package a version's questionnaire comes from: its template's, or (a version edited locally
 * names only its base) the questionnaire's id, which edits keep and which is its template's.
 */
function packageIdOf(version: QuestionnaireVersion): string {
  return version.lineage.template?.id ?? version.questionnaire.id;
}

/** The content hash of a package's template, as a version sealed from it has. */
function templateHash(pkg: ClusterPackage): string | undefined {
  const sealed = createVersion(pkg.template, { label: pkg.id });
  return sealed.success ? sealed.data.hash : undefined;
}

function toEntry(stored: StoredPackage): ClusterPackageEntry {
  const { package: pkg } = stored;
  return {
    id: pkg.id,
    version: stored.version,
    title: pkg.title,
    builtIn: stored.uploadedOn === null,
    uploadedOn: stored.uploadedOn,
    questions: pkg.template.questions.length,
    minutes: pkg.plan.minutes,
    package: pkg,
  };
}

/**
 * Cluster packages: the bank's (version 1, from the code) and those KiAP's admins upload (each a
 * new version of its id); and the meeting plan each round follows.
 */
export function createPackageStore(db: Database) {
  const builtIns = new Map<string, StoredPackage>(
    listPackages().map((pkg) => [
      pkg.id,
      { version: builtInVersion, package: pkg, uploadedOn: null },
    ]),
  );

  async function stored(id: string, version?: number): Promise<StoredPackage | undefined> {
    if (version === builtInVersion && builtIns.has(id)) return builtIns.get(id);
    const [row] = await db.query<{ version: number; body: unknown; uploaded_on: string }>(
      `select version, body, to_char(uploaded_on, 'YYYY-MM-DD') as uploaded_on from cluster_packages
       where id = $1 and ($2::int is null or version = $2) order by version desc limit 1`,
      [id, version ?? null],
    );
    if (row === undefined) return version === undefined ? builtIns.get(id) : undefined;
    return {
      version: row.version,
      package: readStored(row.body, `${id} version ${row.version}`),
      uploadedOn: row.uploaded_on,
    };
  }

  // Stored versions never change, so the hash of each one's template is worked out once.
  const hashes = new Map<string, string | undefined>();
  const hashOf = (found: StoredPackage) => {
    const key = `${found.package.id}@${found.version}`;
    if (!hashes.has(key)) hashes.set(key, templateHash(found.package));
    return hashes.get(key);
  };

  /** Every version of every package, the bank's included, in no particular order. */
  async function everyVersion(): Promise<StoredPackage[]> {
    const rows = await db.query<{
      id: string;
      version: number;
      body: unknown;
      uploaded_on: string;
    }>(
      `select id, version, body, to_char(uploaded_on, 'YYYY-MM-DD') as uploaded_on
       from cluster_packages`,
    );
    return [
      ...rows.map((row) => ({
        version: row.version,
        package: readStored(row.body, `${row.id} version ${row.version}`),
        uploadedOn: row.uploaded_on,
      })),
      ...builtIns.values(),
    ];
  }

  return {
    /** Every version of every package, by id, newest version first. */
    async list(): Promise<ClusterPackageEntry[]> {
      const all = await everyVersion();
      return all
        .sort((a, b) =>
          a.package.id === b.package.id
            ? b.version - a.version
            : a.package.id < b.package.id
              ? -1
              : 1,
        )
        .map(toEntry);
    },

    /**
     * Stores `pkg` as the next version of its id; when it is the same as the newest version, stores
     * nothing and gives that one (`added: false`).
     */
    async add(pkg: ClusterPackage): Promise<{ entry: ClusterPackageEntry; added: boolean }> {
      return db.transaction(async (query) => {
        // Two uploads of one id at once: the second waits, then numbers after the first.
        await query("select pg_advisory_xact_lock(hashtext('cluster_packages:' || $1))", [pkg.id]);
        const newest = await stored(pkg.id);
        if (newest !== undefined && canonicalJson(newest.package) === canonicalJson(pkg)) {
          return { entry: toEntry(newest), added: false };
        }
        // A bank package's first upload is its version 2 (the bank's is 1); a new id starts at 1.
        const after = builtIns.has(pkg.id) ? builtInVersion : 0;
        const [row] = await query<{ version: number; uploaded_on: string }>(
          `insert into cluster_packages (id, version, body)
           select $1::text, greatest(coalesce(max(version), 0), $3::int) + 1, $2::jsonb from cluster_packages where id = $1
           returning version, to_char(uploaded_on, 'YYYY-MM-DD') as uploaded_on`,
          [pkg.id, JSON.stringify(pkg), after],
        );
        if (row === undefined) throw new Error("packageStore.add: the insert returned no row.");
        return {
          entry: toEntry({ version: row.version, package: pkg, uploadedOn: row.uploaded_on }),
          added: true,
        };
      });
    },

    /**
     * The package version a version was made from: the newest whose template is the version's
     * questionnaire, or the questionnaire it (or a version before it) was edited from; a plan
     * update that left the questionnaire alone is followed, a new questionnaire is not. Failing
     * that, the newest version of the package its template or questionnaire id names. `lookup`
     * finds an earlier version by hash (the cluster's).
     */
    async packageOfVersion(
      version: QuestionnaireVersion,
      lookup: (hash: string) => Promise<QuestionnaireVersion | undefined>,
    ): Promise<StoredPackage | undefined> {
      const all = await everyVersion();
      const named = packageIdOf(version);
      // Two packages with one questionnaire: the one the version names, then the newest.
      const newestWith = (hash: string) =>
        all
          .filter((found) => hashOf(found) === hash)
          .sort(
            (a, b) =>
              Number(b.package.id === named) - Number(a.package.id === named) ||
              b.version - a.version,
          )[0];
      let current: QuestionnaireVersion | undefined = version;
      // An edit chain is short; the bound only stops a cycle of hand-made lineages.
      for (let step = 0; current !== undefined && step < 50; step += 1) {
        const own = newestWith(current.hash);
        if (own !== undefined) return own;
        const { base } = current.lineage;
        if (base === null) break;
        const from = newestWith(base);
        if (from !== undefined) return from;
        current = await lookup(base);
      }
      return stored(packageIdOf(version));
    },

    /**
     * The plan a new round on `version` records: that of the package version it was made from
     * (see `packageOfVersion`), fitted to the questions the version has; undefined when none is
     * known here.
     */
    async planForNewRound(
      version: QuestionnaireVersion,
      lookup: (hash: string) => Promise<QuestionnaireVersion | undefined>,
    ): Promise<PlanCopy | undefined> {
      const found = await this.packageOfVersion(version, lookup);
      if (found === undefined) return undefined;
      return {
        packageId: found.package.id,
        packageVersion: found.version,
        plan: fitPlan(found.package.plan, version.questionnaire),
      };
    },

    /**
     * The plan the round's meeting follows: its own copy (as its coordinator left it), or, for a
     * round from before plans were kept, its bank package's plan fitted to its version.
     */
    async planOfRound(roundId: string, version: QuestionnaireVersion): Promise<RoundPlan> {
      const [row] = await db.query<{
        package_id: string | null;
        package_version: number | null;
        plan: unknown;
        edited: boolean;
      }>("select package_id, package_version, plan, edited from round_plans where round_id = $1", [
        roundId,
      ]);
      if (row === undefined) {
        const builtIn = builtIns.get(packageIdOf(version));
        if (builtIn === undefined) return { plan: null, source: null, edited: false };
        return {
          plan: fitPlan(builtIn.package.plan, version.questionnaire),
          source: { id: builtIn.package.id, version: builtInVersion, title: builtIn.package.title },
          edited: false,
        };
      }
      const plan = parseMeetingPlan(row.plan, version.questionnaire);
      if (!plan.success) {
        throw new Error(`packageStore: the plan of round ${roundId} no longer reads as a plan.`);
      }
      const source =
        row.package_id === null || row.package_version === null
          ? undefined
          : await stored(row.package_id, row.package_version);
      return {
        plan: plan.data,
        source:
          source === undefined
            ? null
            : { id: source.package.id, version: source.version, title: source.package.title },
        edited: row.edited,
      };
    },

    /** Keeps `plan` as the round's, from where its plan came (`source`, when it came from a package). */
    async putRoundPlan(
      roundId: string,
      plan: MeetingPlan,
      source: { readonly id: string; readonly version: number } | null,
    ): Promise<void> {
      await db.query(
        `insert into round_plans (round_id, package_id, package_version, plan, edited)
         values ($1, $2, $3, $4, true)
         on conflict (round_id) do update set plan = excluded.plan, edited = true`,
        [roundId, source?.id ?? null, source?.version ?? null, JSON.stringify(plan)],
      );
    },
  };
}

export type PackageStore = ReturnType<typeof createPackageStore>;
