import {
  canonicalJson,
  type QuestionnaireVersion,
  type ReferralRow,
  type Report,
  type Round,
} from "@klynge/engine";
import type { RoundEntry, VersionEntry } from "@klynge/engine/contract";
import type { Database } from "../database.js";
import { invitedSql } from "./invitationStore.js";
import type { PlanCopy } from "./packageStore.js";

export interface StoredRound {
  readonly round: Round;
  readonly version: QuestionnaireVersion;
  readonly clusterId: string;
  readonly shareAnswersWith: readonly string[];
  readonly closedOn: string | null;
  readonly rawDeletedOn: string | null;
  /** Anyone with the round's link may answer now (up to `invited`). */
  readonly openLink: boolean;
  /** The open link has been on at some time: the report marks the round. */
  readonly openLinkWasOn: boolean;
  /** Invitations made, or else the round's own number; null when neither. */
  readonly invited: number | null;
  readonly invitations: { readonly invited: number; readonly used: number };
}

export type RoundOutcome = "created" | "same" | "conflict";

interface RoundRow {
  round: Round;
  version: QuestionnaireVersion;
  cluster_id: string;
  share: string[];
  closed_on: string | null;
  raw_deleted_on: string | null;
  open_link: boolean;
  open_link_was_on: boolean;
  invited: number | null;
  invitations: number;
  used: number;
}

const roundColumns = `r.body as round, v.body as version, r.cluster_id, r.share_answers_with as share,
  to_char(r.closed_on, 'YYYY-MM-DD') as closed_on, to_char(r.raw_deleted_on, 'YYYY-MM-DD') as raw_deleted_on,
  r.open_link, r.open_link_was_on, ${invitedSql("r")} as invited,
  (select count(*)::int from invitations i where i.round_id = r.id) as invitations,
  (select count(*)::int from invitations i where i.round_id = r.id and i.used) as used`;

function fromRow(row: RoundRow): StoredRound {
  return {
    round: row.round,
    version: row.version,
    clusterId: row.cluster_id,
    shareAnswersWith: row.share,
    closedOn: row.closed_on,
    rawDeletedOn: row.raw_deleted_on,
    openLink: row.open_link,
    openLinkWasOn: row.open_link_was_on,
    invited: row.invited,
    invitations: { invited: row.invitations, used: row.used },
  };
}

/** Versions (content-addressed, shared), each cluster's published versions, rounds, referral files. */
export function createRoundStore(db: Database) {
  // A round's id, version and cluster never change, so a round found once is kept in memory: a PUT
  // of a response then costs one insert. Its dates, open link and invitations do change: the
  // insert itself checks those, and whatever shows them reads the round again (readRound).
  const rounds = new Map<string, StoredRound>();

  async function putVersion(
    query: Database["query"],
    version: QuestionnaireVersion,
  ): Promise<void> {
    await query(
      `insert into questionnaire_versions (hash, label, body) values ($1, $2, $3)
       on conflict (hash) do nothing`,
      [version.hash, version.label, JSON.stringify(version)],
    );
  }

  async function publishInto(
    query: Database["query"],
    clusterId: string,
    version: QuestionnaireVersion,
    publishedBy: string,
  ): Promise<boolean> {
    await putVersion(query, version);
    const inserted = await query(
      `insert into cluster_versions (cluster_id, version_hash, label, published_by)
       values ($1, $2, $3, $4) on conflict (cluster_id, version_hash) do nothing returning version_hash`,
      [clusterId, version.hash, version.label, publishedBy],
    );
    return inserted.length > 0;
  }

  return {
    /** Adds the version to the cluster's list; false when it was there already. */
    publishVersion(clusterId: string, version: QuestionnaireVersion, publishedBy: string) {
      return db.transaction((query) => publishInto(query, clusterId, version, publishedBy));
    },

    async listVersions(clusterId: string): Promise<VersionEntry[]> {
      const rows = await db.query<{
        version: QuestionnaireVersion;
        label: string;
        published_on: string;
        published_by: string;
      }>(
        `select v.body as version, c.label, to_char(c.published_on, 'YYYY-MM-DD') as published_on, c.published_by
         from cluster_versions c join questionnaire_versions v on v.hash = c.version_hash
         where c.cluster_id = $1 order by c.published_on desc, c.label, c.version_hash`,
        [clusterId],
      );
      return rows.map((row) => ({
        hash: row.version.hash,
        label: row.label,
        questions: row.version.questionnaire.questions.length,
        base: row.version.lineage.base,
        ...(row.version.lineage.template === undefined
          ? {}
          : { template: row.version.lineage.template }),
        publishedOn: row.published_on,
        publishedBy: row.published_by,
      }));
    },

    /** A version of the cluster's list (published, or the version of one of its rounds). */
    async clusterVersion(
      clusterId: string,
      hash: string,
    ): Promise<QuestionnaireVersion | undefined> {
      const [row] = await db.query<{ body: QuestionnaireVersion }>(
        `select v.body from questionnaire_versions v
         where v.hash = $2 and exists (
           select 1 from cluster_versions c where c.cluster_id = $1 and c.version_hash = v.hash)`,
        [clusterId, hash],
      );
      return row?.body;
    },

    async versionByHash(hash: string): Promise<QuestionnaireVersion | undefined> {
      const [row] = await db.query<{ body: QuestionnaireVersion }>(
        "select body from questionnaire_versions where hash = $1",
        [hash],
      );
      return row?.body;
    },

    /** Stores the round in its cluster, and its version in the cluster's list. */
    async putRound(entry: {
      round: Round;
      version: QuestionnaireVersion;
      clusterId: string;
      shareAnswersWith: readonly string[];
      createdBy: string;
      /** The meeting plan the round starts with, kept with it. */
      plan?: PlanCopy | undefined;
    }): Promise<RoundOutcome> {
      const canonical = canonicalJson({ round: entry.round, share: entry.shareAnswersWith });
      return db.transaction(async (query) => {
        await publishInto(query, entry.clusterId, entry.version, entry.createdBy);
        const inserted = await query(
          `insert into rounds (id, version_hash, body, canonical, share_answers_with, cluster_id)
           values ($1, $2, $3, $4, $5, $6) on conflict (id) do nothing returning id`,
          [
            entry.round.id,
            entry.round.versionHash,
            JSON.stringify(entry.round),
            canonical,
            JSON.stringify(entry.shareAnswersWith),
            entry.clusterId,
          ],
        );
        if (inserted.length > 0) {
          if (entry.plan !== undefined) {
            await query(
              `insert into round_plans (round_id, package_id, package_version, plan)
               values ($1, $2, $3, $4)`,
              [
                entry.round.id,
                entry.plan.packageId,
                entry.plan.packageVersion,
                JSON.stringify(entry.plan.plan),
              ],
            );
          }
          return "created";
        }
        const [existing] = await query<{ canonical: string; cluster_id: string }>(
          "select canonical, cluster_id from rounds where id = $1",
          [entry.round.id],
        );
        return existing?.canonical === canonical && existing.cluster_id === entry.clusterId
          ? "same"
          : "conflict";
      });
    },

    /** The round with what it needs to take a response: its version and whether it still may. */
    async getRound(id: string): Promise<StoredRound | undefined> {
      const cached = rounds.get(id);
      if (cached !== undefined) return cached;
      const found = await this.readRound(id);
      if (found !== undefined && found.rawDeletedOn === null) rounds.set(id, found);
      return found;
    },

    /** The round as stored now (not from memory): its dates may have changed. */
    async readRound(id: string): Promise<StoredRound | undefined> {
      const [row] = await db.query<RoundRow>(
        `select ${roundColumns} from rounds r join questionnaire_versions v on v.hash = r.version_hash
         where r.id = $1`,
        [id],
      );
      return row === undefined ? undefined : fromRow(row);
    },

    async clusterOfRound(id: string): Promise<string | undefined> {
      return (await this.getRound(id))?.clusterId;
    },

    async listRounds(clusterId: string): Promise<RoundEntry[]> {
      const rows = await db.query<RoundRow & { label: string; responses: string }>(
        `select ${roundColumns}, v.label,
           (select count(*) from responses s where s.round_id = r.id) as responses
         from rounds r join questionnaire_versions v on v.hash = r.version_hash
         where r.cluster_id = $1 order by r.created_at, r.id`,
        [clusterId],
      );
      return rows.map((row) => toEntry(fromRow(row), row.label, Number(row.responses)));
    },

    async roundEntry(id: string): Promise<RoundEntry | undefined> {
      const found = await this.readRound(id);
      if (found === undefined) return undefined;
      const [row] = await db.query<{ label: string; responses: string }>(
        `select c.label, (select count(*) from responses where round_id = $2) as responses
         from cluster_versions c where c.cluster_id = $1 and c.version_hash = $3`,
        [found.clusterId, id, found.round.versionHash],
      );
      return toEntry(found, row?.label ?? found.version.label, Number(row?.responses ?? 0));
    },

    /** Turns the open link on or off; once on, the round's reports mark it. */
    async setOpenLink(id: string, open: boolean): Promise<void> {
      await db.query(
        "update rounds set open_link = $2, open_link_was_on = open_link_was_on or $2 where id = $1",
        [id, open],
      );
    },

    /** Of these rounds, those whose open link has been on (their reports mark them). */
    async openLinkRounds(ids: readonly string[]): Promise<string[]> {
      const rows = await db.query<{ id: string }>(
        "select id from rounds where id = any($1) and open_link_was_on order by id",
        [ids],
      );
      return rows.map((row) => row.id);
    },

    async closeRound(id: string): Promise<void> {
      await db.query(
        "update rounds set closed_on = coalesce(closed_on, current_date) where id = $1",
        [id],
      );
    },

    /**
     * Deletes the round's raw answers and keeps `report` (made from them, suppressed) in their
     * place, in one transaction: after it, the round takes no more answers.
     */
    async archiveRound(
      id: string,
      report: (responses: unknown[]) => Promise<Report>,
    ): Promise<number> {
      rounds.delete(id);
      return db.transaction(async (query) => {
        // Locks the round: a concurrent insert waits, then finds it archived and skips.
        const [locked] = await query<{ raw_deleted_on: string | null }>(
          "select raw_deleted_on from rounds where id = $1 for update",
          [id],
        );
        if (locked === undefined || locked.raw_deleted_on !== null) return 0;
        const rows = await query<{ canonical: string }>(
          "select canonical from responses where round_id = $1 order by id",
          [id],
        );
        const kept = await report(rows.map((row) => JSON.parse(row.canonical) as unknown));
        await query(
          `insert into round_reports (round_id, report) values ($1, $2)
           on conflict (round_id) do update set report = excluded.report`,
          [id, JSON.stringify(kept)],
        );
        await query("delete from responses where round_id = $1", [id]);
        await query(
          "update rounds set raw_deleted_on = current_date, closed_on = coalesce(closed_on, current_date) where id = $1",
          [id],
        );
        return rows.length;
      });
    },

    async keptReport(id: string): Promise<unknown> {
      const [row] = await db.query<{ report: unknown }>(
        "select report from round_reports where round_id = $1",
        [id],
      );
      return row?.report;
    },

    /** Whether any round of the cluster has had its raw answers deleted (its report kept). */
    async hasArchived(clusterId: string): Promise<boolean> {
      const rows = await db.query(
        "select 1 from rounds where cluster_id = $1 and raw_deleted_on is not null limit 1",
        [clusterId],
      );
      return rows.length > 0;
    },

    /** Rounds whose raw answers are due for deletion: closed longer ago than their cluster keeps them. */
    async roundsDueForDeletion(): Promise<string[]> {
      const rows = await db.query<{ id: string }>(
        `select r.id from rounds r join clusters c on c.id = r.cluster_id
         where r.raw_deleted_on is null and r.closed_on is not null
           and r.closed_on + make_interval(months => c.retention_months) <= current_date
         order by r.id`,
      );
      return rows.map((row) => row.id);
    },

    async putReferrals(roundId: string, rows: readonly ReferralRow[]): Promise<void> {
      await db.query(
        `insert into referral_files (round_id, rows) values ($1, $2)
         on conflict (round_id) do update set rows = excluded.rows, uploaded_at = now()`,
        [roundId, JSON.stringify(rows)],
      );
    },

    async referralsOf(roundId: string): Promise<ReferralRow[] | undefined> {
      const [row] = await db.query<{ rows: ReferralRow[] }>(
        "select rows from referral_files where round_id = $1",
        [roundId],
      );
      return row?.rows;
    },
  };
}

function toEntry(found: StoredRound, versionLabel: string, responses: number): RoundEntry {
  return {
    round: found.round,
    versionLabel,
    responses,
    closedOn: found.closedOn,
    rawDeletedOn: found.rawDeletedOn,
    openLink: found.openLink,
    invitations: found.invitations,
  };
}

export type RoundStore = ReturnType<typeof createRoundStore>;
