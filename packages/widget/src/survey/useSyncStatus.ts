import { useSyncExternalStore } from "react";
import type { SyncStatus } from "../sync/syncStatus.js";
import type { SyncStatusSource } from "../sync/syncStatusStore.js";

const subscribeToNothing = () => () => {};
const noSnapshot = () => undefined;

/** The uploader's status snapshot; undefined when there is no uploader. */
export function useSyncStatus(source: SyncStatusSource | undefined): SyncStatus | undefined {
  const getSnapshot = source?.getSnapshot ?? noSnapshot;
  return useSyncExternalStore<SyncStatus | undefined>(
    source?.subscribe ?? subscribeToNothing,
    getSnapshot,
    getSnapshot,
  );
}
