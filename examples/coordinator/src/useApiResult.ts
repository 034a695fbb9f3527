import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiResult } from "./api/apiResult.js";

/** Undefined while loading. */
export type Loadable<T> = ApiResult<T> | undefined;

/**
 * Loads with `load` whenever `key` changes (null: nothing to load). `reload()` loads again and
 * keeps showing the old result meanwhile, so the controls a person just used stay where they are.
 */
export function useApiResult<T>(
  key: string | null,
  load: () => Promise<ApiResult<T>>,
): readonly [Loadable<T>, () => Promise<void>] {
  const [result, setResult] = useState<Loadable<T>>(undefined);
  const loadRef = useRef(load);
  loadRef.current = load;
  const generation = useRef(0);

  const run = useCallback(async () => {
    const mine = ++generation.current;
    const loaded = await loadRef.current();
    if (mine === generation.current) setResult(loaded);
  }, []);

  useEffect(() => {
    if (key === null) return;
    setResult(undefined);
    void run();
    return () => {
      generation.current++;
    };
  }, [key, run]);

  return [result, run] as const;
}
