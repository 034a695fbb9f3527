import { IDBFactory } from "fake-indexeddb";
import { afterEach, beforeEach, vi } from "vitest";
import { openResponseStore } from "../../storage/openResponseStore.js";
import type { ResponseStore, ResponseStoreOptions } from "../../storage/responseStore.js";

/**
 * Registers a fresh fake IndexedDB per test and closes every store a test opened. The returned
 * `open` gives stores whose clock moves one second per reading, so "latest" is well defined.
 */
export function storeHarness(): (options?: ResponseStoreOptions) => Promise<ResponseStore> {
  let factory: IDBFactory;
  let time: number;
  const opened: ResponseStore[] = [];

  beforeEach(() => {
    factory = new IDBFactory();
    time = Date.parse("2025-03-04T09:00:00.000Z");
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  return async (options = {}) => {
    const store = await openResponseStore({
      indexedDB: factory,
      createChannel: null,
      now: () => {
        time += 1000;
        return new Date(time);
      },
      ...options,
    });
    opened.push(store);
    return store;
  };
}
