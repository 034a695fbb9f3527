import type { OutboxCounts, ResponseStore } from "../storage/responseStore.js";
import { useStoredValue } from "./useStoredValue.js";

const noCounts: OutboxCounts = { pending: 0, conflict: 0, failed: 0 };
const readCounts = (store: ResponseStore) => store.counts();

/** The outbox's counts by state, re-read after every change (here or in another tab); zeros until read. */
export function useOutboxCounts(store: ResponseStore | undefined): OutboxCounts {
  return useStoredValue(store, readCounts, noCounts);
}
