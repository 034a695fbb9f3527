import { useEffect, useState } from "react";
import type { ResponseStore } from "../storage/responseStore.js";

/**
 * `read(store)`, read again after every committed change to the store (here or in another tab);
 * `initial` until the first read resolves, and while there is no store. A failed read keeps the
 * last value. Pass a stable `read` (module-level or `useCallback`): a new one reads again.
 */
export function useStoredValue<T>(
  store: ResponseStore | undefined,
  read: (store: ResponseStore) => Promise<T>,
  initial: T,
): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    if (store === undefined) return;
    let active = true;
    const refresh = () => {
      read(store).then(
        (next) => {
          if (active) setValue(() => next);
        },
        () => undefined,
      );
    };
    refresh();
    const unsubscribe = store.subscribe(refresh);
    return () => {
      active = false;
      unsubscribe();
    };
  }, [store, read]);
  return value;
}
