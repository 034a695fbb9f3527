import type { ClusterStore } from "./store/clusterStore.js";
import type { RoundStore } from "./store/roundStore.js";

/**
 * What a respondent's page needs of a round (the round, its version, who may be shared the
 * answers, the cluster's k), or undefined for a round the collector does not know. One function
 * for the API route and the frame page, so the page says nothing the route would not.
 */
export async function roundDocumentOf(
  stores: { readonly rounds: RoundStore; readonly clusters: ClusterStore },
  roundId: string,
) {
  const found = await stores.rounds.getRound(roundId);
  if (found === undefined) return undefined;
  // The cluster's k, so the respondent's intro can say the threshold before anyone answers.
  const cluster = await stores.clusters.getCluster(found.clusterId);
  return {
    round: found.round,
    version: found.version,
    embed: { shareAnswersWith: found.shareAnswersWith },
    ...(cluster === undefined ? {} : { k: cluster.k }),
  };
}
