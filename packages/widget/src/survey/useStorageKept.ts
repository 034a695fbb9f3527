import { useSyncExternalStore } from "react";
import type { ResponseStore } from "../storage/responseStore.js";
import type { StorageKept } from "../storage/storageKept.js";
import type { FallbackResponseStore } from "../storage/withMemoryFallback.js";

const onDevice = (): StorageKept => "device";
const noChanges = () => () => {};

function fallbackOf(store: ResponseStore | undefined): FallbackResponseStore | undefined {
  return store !== undefined && "kept" in store ? (store as FallbackResponseStore) : undefined;
}

/** Where the store keeps answers now: "memory" once it fell back (`withMemoryFallback`). */
export function useStorageKept(store: ResponseStore | undefined): StorageKept {
  const fallback = fallbackOf(store);
  const kept = fallback?.kept ?? onDevice;
  return useSyncExternalStore(fallback?.subscribe ?? noChanges, kept, kept);
}
