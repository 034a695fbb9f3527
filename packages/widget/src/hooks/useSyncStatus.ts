import { useSyncExternalStore } from "react";
import type { SyncStatus } from "../sync/syncStatus.js";
import type { Uploader } from "../sync/uploader.js";

const subscribeToNothing = () => () => {};
const noSnapshot = () => undefined;

/** The uploader's status, kept current; undefined while there is no uploader. */
export function useSyncStatus(
  uploader: Pick<Uploader, "status"> | undefined,
): SyncStatus | undefined {
  const source = uploader?.status;
  const getSnapshot = source?.getSnapshot ?? noSnapshot;
  return useSyncExternalStore<SyncStatus | undefined>(
    source?.subscribe ?? subscribeToNothing,
    getSnapshot,
    getSnapshot,
  );
}
