import { useEffect, useRef, useState } from "react";
import { openResponseStore } from "../storage/openResponseStore.js";
import { requestPersistence } from "../storage/requestPersistence.js";
import type { ResponseStore, ResponseStoreOptions } from "../storage/responseStore.js";
import { StorageError } from "../storage/storageError.js";

export type ResponseStoreState =
  | { readonly state: "opening" }
  | { readonly state: "ready"; readonly store: ResponseStore }
  | { readonly state: "failed"; readonly error: StorageError };

export interface UseResponseStoreOptions extends ResponseStoreOptions {
  /** The host's own store: used as given and never closed here. Default: one opened here. */
  readonly store?: ResponseStore;
}

function asStorageError(error: unknown): StorageError {
  return error instanceof StorageError ? error : new StorageError("unavailable", { cause: error });
}

/**
 * The device's response store for the component's lifetime: opened on mount (and the browser
 * asked to keep it under pressure), closed on unmount. Opened again when `name` or `keepSent`
 * changes; the other options are read when it opens.
 */
export function useResponseStore(options: UseResponseStoreOptions = {}): ResponseStoreState {
  const { store: injected, name, keepSent } = options;
  const latest = useRef(options);
  latest.current = options;
  const [opened, setOpened] = useState<ResponseStoreState>({ state: "opening" });

  useEffect(() => {
    if (injected !== undefined) return;
    let active = true;
    let store: ResponseStore | undefined;
    setOpened({ state: "opening" });
    const { store: _host, ...others } = latest.current;
    const keyed = {
      ...(name === undefined ? {} : { name }),
      ...(keepSent === undefined ? {} : { keepSent }),
    };
    openResponseStore({ ...others, ...keyed }).then(
      (next) => {
        if (!active) {
          void next.close();
          return;
        }
        store = next;
        // Our own storage: ask the browser not to evict it (a host's store is the host's call).
        void requestPersistence();
        setOpened({ state: "ready", store: next });
      },
      (error: unknown) => {
        if (active) setOpened({ state: "failed", error: asStorageError(error) });
      },
    );
    return () => {
      active = false;
      void store?.close();
    };
  }, [injected, name, keepSent]);

  return injected === undefined ? opened : { state: "ready", store: injected };
}
