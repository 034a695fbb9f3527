import "fake-indexeddb/auto";
import type { Response } from "@klynge/engine";
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import { IDBFactory } from "fake-indexeddb";
import { afterEach, describe, expect, it } from "vitest";
import { useOutboxCounts } from "../../hooks/useOutboxCounts.js";
import { useResponseStore } from "../../hooks/useResponseStore.js";
import { useSyncStatus } from "../../hooks/useSyncStatus.js";
import { useUploader } from "../../hooks/useUploader.js";
import type { ResponseStore } from "../../storage/responseStore.js";
import type { Transport } from "../../sync/transport.js";

// The React adapter: each hook ends in one call into the core, and follows its changes.

const id = "6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f";
const response: Response = {
  schemaVersion: 1,
  id,
  roundId: "2025-baseline",
  versionHash: "a".repeat(64),
  channel: "kiosk",
  startedAt: "2025-03-04T08:59:00.000Z",
  submittedAt: "2025-03-04T09:05:00.000Z",
  answers: {},
};

afterEach(() => cleanup());

async function openedStore(): Promise<{ store: ResponseStore; unmount: () => void }> {
  const { result, unmount } = renderHook(() =>
    useResponseStore({ indexedDB: new IDBFactory(), createChannel: null, keepSent: true }),
  );
  expect(result.current.state).toBe("opening");
  await waitFor(() => expect(result.current.state).toBe("ready"));
  if (result.current.state !== "ready") throw new Error(`store ${result.current.state}`);
  return { store: result.current.store, unmount };
}

describe("useResponseStore", () => {
  it("opens the store on mount and closes it on unmount", async () => {
    const { store, unmount } = await openedStore();
    expect(await store.counts()).toEqual({ pending: 0, conflict: 0, failed: 0 });
    unmount();
    await waitFor(() => expect(store.counts()).rejects.toMatchObject({ code: "unavailable" }));
  });

  it("hands a host's store back as it is, ready at once, and never closes it", async () => {
    const { store, unmount: closeOwn } = await openedStore();
    const { result, unmount } = renderHook(() => useResponseStore({ store }));
    expect(result.current).toEqual({ state: "ready", store });
    unmount();
    expect(await store.counts()).toEqual({ pending: 0, conflict: 0, failed: 0 });
    closeOwn();
  });
});

describe("useOutboxCounts, useUploader and useSyncStatus", () => {
  it("follow the outbox and the upload: pending, then sent", async () => {
    const { store, unmount: closeStore } = await openedStore();
    let answer: (() => void) | undefined;
    const transport: Transport = {
      put: () =>
        new Promise((resolve) => {
          answer = () => resolve({ kind: "stored" });
        }),
    };
    const { result, unmount } = renderHook(() => {
      const uploader = useUploader(store, transport);
      return { counts: useOutboxCounts(store), status: useSyncStatus(uploader), uploader };
    });
    await waitFor(() => expect(result.current.uploader).toBeDefined());
    expect(result.current.counts).toEqual({ pending: 0, conflict: 0, failed: 0 });

    await act(() => store.importResponses([response]));
    await waitFor(() => expect(result.current.counts.pending).toBe(1));
    void result.current.uploader?.flush();
    await waitFor(() => expect(answer).toBeDefined());
    await waitFor(() => expect(result.current.status?.uploading).toBe(true));
    act(() => answer?.());
    await waitFor(() => expect(result.current.counts.pending).toBe(0));
    await waitFor(() =>
      expect(result.current.status).toMatchObject({ uploading: false, pending: 0 }),
    );
    expect((await store.sent()).map((record) => record.response.id)).toEqual([id]);
    unmount();
    closeStore();
  });

  it("have no status without an uploader", () => {
    const { result } = renderHook(() => useSyncStatus(useUploader(undefined, undefined)));
    expect(result.current).toBeUndefined();
  });
});
