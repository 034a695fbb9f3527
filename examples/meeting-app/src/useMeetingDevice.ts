import {
  createHttpTransport,
  initialSyncStatus,
  type OutboxCounts,
  openResponseStore,
  type ResponseStore,
  requestPersistence,
  type StorageError,
  type SyncStatus,
  Uploader,
} from "@klynge/widget";
import { useEffect, useState, useSyncExternalStore } from "react";
import { useStoreValue } from "./useStoreValue.js";

export type MeetingDevice =
  | { readonly state: "opening" }
  | { readonly state: "failed"; readonly error: StorageError }
  | {
      readonly state: "ready";
      readonly store: ResponseStore;
      readonly uploader: Uploader;
    };

/**
 * The tablet's storage and its one uploader, for the app's lifetime: drafts and outbox in
 * IndexedDB, acknowledged responses kept (`keepSent`) for the results on this device, and the
 * browser asked to keep the storage under pressure.
 */
export function useMeetingDevice(api: URL): MeetingDevice {
  const [device, setDevice] = useState<MeetingDevice>({ state: "opening" });
  useEffect(() => {
    let active = true;
    let opened: { store: ResponseStore; uploader: Uploader } | undefined;
    openResponseStore({ keepSent: true }).then(
      (store) => {
        if (!active) {
          void store.close();
          return;
        }
        void requestPersistence();
        const uploader = new Uploader({
          outbox: store,
          transport: createHttpTransport({ baseUrl: api.href }),
        });
        uploader.start();
        opened = { store, uploader };
        setDevice({ state: "ready", store, uploader });
      },
      (error: StorageError) => {
        if (active) setDevice({ state: "failed", error });
      },
    );
    return () => {
      active = false;
      opened?.uploader.stop();
      void opened?.store.close();
    };
  }, [api]);
  return device;
}

const noCounts: OutboxCounts = { pending: 0, conflict: 0, failed: 0 };
const readCounts = (store: ResponseStore) => store.counts();

/** The outbox's counts, re-read after every change (here or in another tab). */
export function useOutboxCounts(store: ResponseStore | undefined): OutboxCounts {
  return useStoreValue(store, readCounts, noCounts);
}

const idle = { subscribe: () => () => undefined, getSnapshot: () => initialSyncStatus };

export function useUploadStatus(uploader: Uploader | undefined): SyncStatus {
  const source = uploader?.status ?? idle;
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}
