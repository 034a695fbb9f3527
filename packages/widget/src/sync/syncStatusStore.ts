import { Subscribable } from "../core/subscribable.js";
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
export class SyncStatusStore extends Subscribable implements SyncStatusSource {
  #snapshot: SyncStatus;

  constructor(initial: SyncStatus = initialSyncStatus) {
    super();
    this.#snapshot = initial;
  }

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
    // A broken listener must not stop the uploader (see Subscribable).
    this.notify();
  }
}
