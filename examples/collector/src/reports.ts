import { randomUUID } from "node:crypto";
import {
  aggregate,
  type Issue,
  type QuestionnaireVersion,
  type Report,
  type Round,
  referralRates,
} from "@klynge/engine";
import type { ReportBundle } from "@klynge/engine/contract";
import type { ClusterStore } from "./store/clusterStore.js";
import type { InvitationStore } from "./store/invitationStore.js";
import type { PackageStore } from "./store/packageStore.js";
import type { ResponseStore } from "./store/responseStore.js";
import type { RoundStore, StoredRound } from "./store/roundStore.js";

export interface ReportMakerOptions {
  readonly rounds: RoundStore;
  readonly responses: ResponseStore;
  readonly clusters: ClusterStore;
  readonly invitations: InvitationStore;
  readonly packages: PackageStore;
  /** Seeds the pseudonyms of each referral report; default a fresh UUID per report. */
  readonly referralSeed?: () => string;
}

/**
 * Reports as the engine makes them, with the cluster's k: from the stored responses of live
 * rounds and the kept (suppressed) reports of rounds whose raw answers were deleted.
 */
export function createReportMaker(options: ReportMakerOptions) {
  const { rounds, responses, clusters, invitations, packages } = options;

  /**
   * The rounds as the engine counts them: a round with invitations has invited as many as it
   * made, so its response rate is counted against them.
   */
  async function invitedRounds(ordered: readonly Round[]): Promise<Round[]> {
    const counts = await invitations.counts(ordered.map((round) => round.id));
    return ordered.map((round) => {
      const invited = counts.get(round.id)?.invited;
      return invited === undefined ? round : { ...round, invited };
    });
  }

  async function kOf(clusterId: string): Promise<number> {
    const cluster = await clusters.getCluster(clusterId);
    if (cluster === undefined) throw new Error(`report: cluster ${clusterId} is gone.`);
    return cluster.k;
  }

  /** The rounds' versions and those the responses name (a response keeps its own version). */
  async function versionsOf(
    found: readonly StoredRound[],
    stored: readonly unknown[],
  ): Promise<QuestionnaireVersion[]> {
    const versions = new Map<string, QuestionnaireVersion>();
    for (const entry of found) versions.set(entry.version.hash, entry.version);
    for (const raw of stored) {
      const hash = (raw as { versionHash?: unknown }).versionHash;
      if (typeof hash === "string" && !versions.has(hash)) {
        const version = await rounds.versionByHash(hash);
        if (version !== undefined) versions.set(hash, version);
      }
    }
    return [...versions.values()];
  }

  return {
    versionsOf,

    /** Deletes the round's raw answers, keeping its suppressed report; the number deleted. */
    async archive(found: StoredRound): Promise<number> {
      const k = await kOf(found.clusterId);
      return rounds.archiveRound(found.round.id, async (stored) => {
        const report = aggregate({
          responses: stored,
          rounds: await invitedRounds([found.round]),
          versions: await versionsOf([found], stored),
          assumeUniqueIds: true,
          k,
        });
        if (!report.success) {
          throw new Error(`archive: the engine refused round ${found.round.id}'s report.`);
        }
        return report.data;
      });
    },

    /**
     * The report of `ordered` (oldest first, all of `clusterId`) with referral rates; the
     * engine's issues when it cannot be made (e.g. a kept report made with another k).
     */
    async bundle(
      ordered: readonly Round[],
      clusterId: string,
    ): Promise<{ bundle: ReportBundle } | { issues: readonly Issue[] }> {
      const k = await kOf(clusterId);
      const found = (await Promise.all(ordered.map((round) => rounds.readRound(round.id)))).filter(
        (entry): entry is StoredRound => entry !== undefined,
      );
      const live = found.filter((entry) => entry.rawDeletedOn === null).map((e) => e.round.id);
      // Passed as stored: the engine checks each kept report and says why it cannot use one.
      const kept: unknown[] = [];
      for (const entry of found.filter((e) => e.rawDeletedOn !== null)) {
        kept.push(await rounds.keptReport(entry.round.id));
      }
      const stored = await responses.responsesOf(live);
      const versions = await versionsOf(found, [
        ...stored,
        // A kept round's responses may have named other versions than the round's own.
        ...kept.flatMap((report) =>
          ((report as Report | undefined)?.rounds[0]?.versions ?? []).map((versionHash) => ({
            versionHash,
          })),
        ),
      ]);
      const report = aggregate({
        responses: stored,
        rounds: await invitedRounds(ordered),
        versions,
        // The primary key already guarantees one row per id.
        assumeUniqueIds: true,
        k,
        kept: kept as Report[],
      });
      if (!report.success) return { issues: report.issues };
      let referrals = null;
      for (const round of [...ordered].reverse()) {
        const rows = await rounds.referralsOf(round.id);
        if (rows !== undefined) {
          referrals = referralRates(rows, { seed: options.referralSeed?.() ?? randomUUID(), k });
          break;
        }
      }
      const last = found.at(-1);
      const plan =
        last === undefined ? null : await packages.planOfRound(last.round.id, last.version);
      return {
        bundle: {
          report: report.data,
          referrals,
          generatedAt: new Date().toISOString(),
          openLinkRounds: await rounds.openLinkRounds(ordered.map((round) => round.id)),
          plan: plan?.plan ?? null,
          ...(plan?.source == null ? {} : { packageTitle: plan.source.title }),
        },
      };
    },
  };
}

export type ReportMaker = ReturnType<typeof createReportMaker>;
