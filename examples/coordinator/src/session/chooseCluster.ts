/** A cluster as the header's picker lists it. */
export interface ClusterChoice {
  readonly id: string;
  readonly name: string;
}

/**
 * The cluster to show: the one whose id begins the rounds in the address (a results link), else
 * the one chosen last on this device, else the first. Null when there is none to choose.
 */
export function chooseCluster(
  clusters: readonly ClusterChoice[],
  hints: { readonly rounds?: readonly string[]; readonly remembered?: string | null },
): string | null {
  const byRound = clusters.find((c) =>
    (hints.rounds ?? []).some((round) => round.startsWith(`${c.id}.`)),
  );
  if (byRound !== undefined) return byRound.id;
  const remembered = clusters.find((c) => c.id === hints.remembered);
  return remembered?.id ?? clusters[0]?.id ?? null;
}

const key = "klynge.coordinator.cluster";

export function rememberCluster(
  id: string,
  storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(key, id);
  } catch {
    // Only a convenience: the first cluster is chosen next time.
  }
}

export function rememberedCluster(
  storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage,
): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}
