import { useEffect, useRef, useState } from "react";
import { openResponseStore } from "../storage/openResponseStore.js";
import { requestPersistence } from "../storage/requestPersistence.js";
import type { ResponseStore, ResponseStoreOptions } from "../storage/responseStore.js";
import { StorageError } from "../storage/storageError.js";
import { withMemoryFallback } from "../storage/withMemoryFallback.js";

export type ResponseStoreState =
  | { readonly state: "opening" }
  | { readonly state: "ready"; readonly store: ResponseStore }
  | { readonly state: "failed"; readonly error: StorageError };

export interface UseResponseStoreOptions extends ResponseStoreOptions {
  /** The host's own store: used as given and never closed here. Default: one opened here. */
  readonly store?: ResponseStore;
  /**
   * When IndexedDB is refused (private mode, blocked storage) or later fails (full, gone), keep
   * the answers in this page's memory and carry on, instead of failing: the store is then a
   * `FallbackResponseStore`, whose `kept()` says which, for the page to tell the respondent.
   * Default false. Not for a host's own `store`.
   */
  readonly memoryFallback?: boolean;
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
  const { store: injected, name, keepSent, memoryFallback = false } = options;
  const latest = useRef(options);
  latest.current = options;
  const [opened, setOpened] = useState<ResponseStoreState>({ state: "opening" });

  useEffect(() => {
    if (injected !== undefined) return;
    let active = true;
    let store: ResponseStore | undefined;
    setOpened({ state: "opening" });
    const { store: _host, memoryFallback: _fallback, ...others } = latest.current;
    const memoryOptions = {
      ...(others.now === undefined ? {} : { now: others.now }),
      ...(keepSent === undefined ? {} : { keepSent }),
    };
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
        store = memoryFallback ? withMemoryFallback(next, memoryOptions) : next;
        // Our own storage: ask the browser not to evict it (a host's store is the host's call).
        void requestPersistence();
        setOpened({ state: "ready", store });
      },
      (error: unknown) => {
        if (!active) return;
        const failure = asStorageError(error);
        // "outdated" is another tab's newer schema: a reload, not memory, is the answer to that.
        if (memoryFallback && failure.code === "unavailable") {
          store = withMemoryFallback(undefined, memoryOptions);
          setOpened({ state: "ready", store });
          return;
        }
        setOpened({ state: "failed", error: failure });
      },
    );
    return () => {
      active = false;
      void store?.close();
    };
  }, [injected, name, keepSent, memoryFallback]);

  return injected === undefined ? opened : { state: "ready", store: injected };
}
