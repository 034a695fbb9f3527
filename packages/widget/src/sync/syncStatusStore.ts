import { initialSyncStatus, type SyncStatus } from "./syncStatus.js";

/** A change to some fields of the status; `undefined` clears an optional field. */
export type SyncStatusPatch = { readonly [K in keyof SyncStatus]?: SyncStatus[K] | undefined };

/** The read side, shaped for React's `useSyncExternalStore(subscribe, getSnapshot)`. */
export interface SyncStatusSource {
  readonly subscribe: (listener: () => void) => () => void;
  readonly getSnapshot: () => SyncStatus;
}

const keys = [
  "online",
  "uploading",
  "pending",
  "conflict",
  "failed",
  "lastError",
  "nextAttemptAt",
] as const satisfies readonly (keyof SyncStatus)[];

/** Holds the current status; the snapshot keeps its identity until a field really changes. */
export class SyncStatusStore implements SyncStatusSource {
  #snapshot: SyncStatus;
  readonly #listeners = new Set<() => void>();

  constructor(initial: SyncStatus = initialSyncStatus) {
    this.#snapshot = initial;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): SyncStatus => this.#snapshot;

  update(patch: SyncStatusPatch): void {
    const current = this.#snapshot;
    const lastError = "lastError" in patch ? patch.lastError : current.lastError;
    const nextAttemptAt = "nextAttemptAt" in patch ? patch.nextAttemptAt : current.nextAttemptAt;
    const next: SyncStatus = {
      online: patch.online ?? current.online,
      uploading: patch.uploading ?? current.uploading,
      pending: patch.pending ?? current.pending,
      conflict: patch.conflict ?? current.conflict,
      failed: patch.failed ?? current.failed,
      ...(lastError === undefined ? {} : { lastError }),
      ...(nextAttemptAt === undefined ? {} : { nextAttemptAt }),
    };
    if (keys.every((key) => next[key] === current[key])) return;
    this.#snapshot = next;
    for (const listener of [...this.#listeners]) {
      try {
        listener();
      } catch (error) {
        // A broken listener must not stop the uploader; the error still reaches the page.
        reportListenerError(error);
      }
    }
  }
}

function reportListenerError(error: unknown): void {
  if (typeof globalThis.reportError === "function") globalThis.reportError(error);
  else
    queueMicrotask(() => {
      throw error;
    });
}
