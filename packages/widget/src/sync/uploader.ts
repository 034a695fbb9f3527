import type { Result } from "../result.js";
import { backoffCapMs, backoffDelay } from "./backoffDelay.js";
import { type Clock, systemClock } from "./clock.js";
import { type ConnectivityEvents, createBrowserConnectivity } from "./connectivityEvents.js";
import { describeError } from "./describeError.js";
import { browserLocks, type LockManagerLike } from "./lockManagerLike.js";
import type { OutboxEntry, OutboxPort } from "./outboxPort.js";
import { runWithLock } from "./runWithLock.js";
import type { SyncError, SyncErrorCode } from "./syncError.js";
import type { SyncStatus } from "./syncStatus.js";
import { type SyncStatusSource, SyncStatusStore } from "./syncStatusStore.js";
import type { Transport, TransportResult } from "./transport.js";

/** The Web Locks name shared by every tab of the origin. */
export const outboxLockName = "klynge-outbox";
/** How long a tab waits before looking again when another tab holds the lock. */
export const lockBusyRetryMs = 5_000;
/** A server's `Retry-After` is honoured up to this long (a misconfigured server can't park answers for days). */
export const retryAfterCapMs = 60 * 60_000;
// setTimeout fires at once beyond 2^31-1 ms.
const maxTimerDelayMs = 2 ** 31 - 1;

export interface UploaderOptions {
  readonly outbox: OutboxPort;
  readonly transport: Transport;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** Numbers in [0, 1) for the backoff jitter; default `Math.random`. */
  readonly random?: () => number;
  /**
   * Keeps to one uploader across tabs; default `navigator.locks` where it exists. Without it (or
   * with `null`) two tabs may PUT the same response at once, which the idempotent PUT makes harmless.
   */
  readonly locks?: LockManagerLike | null;
  /** Default: `online`/`offline` on window and `visibilitychange` on document, where they exist. */
  readonly events?: ConnectivityEvents;
  /** Called with every new status snapshot. */
  readonly onStatus?: (status: SyncStatus) => void;
}

type Hold = { readonly until: number; readonly fromServer: boolean };

/**
 * Uploads the outbox: one response at a time, oldest first, with exponential backoff; again at
 * once when the device comes online or the page becomes visible. A response leaves the outbox only
 * after the server acknowledged it. Never throws into timers: failures show in `status`.
 */
export class Uploader {
  readonly status: SyncStatusSource;
  readonly #store: SyncStatusStore;
  readonly #outbox: OutboxPort;
  readonly #transport: Transport;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #locks: LockManagerLike | undefined;
  readonly #events: ConnectivityEvents;

  #started = false;
  /** Bumped by stop(), so a pass that outlives it stops between responses. */
  #generation = 0;
  #timer: unknown;
  #unsubscribe: (() => void) | undefined;
  #running: Promise<void> | undefined;
  #rerun: { force: boolean } | undefined;
  #inFlight: AbortController | undefined;
  /** No timed pass before `until`: set after a retry or a storage failure. */
  #hold: Hold | undefined;
  #storageFailures = 0;
  #storageFailedThisPass = false;
  #markedConflict = 0;
  #markedFailed = 0;

  constructor(options: UploaderOptions) {
    this.#outbox = options.outbox;
    this.#transport = options.transport;
    this.#clock = options.clock ?? systemClock;
    this.#random = options.random ?? Math.random;
    this.#locks = options.locks === undefined ? browserLocks() : (options.locks ?? undefined);
    this.#events = options.events ?? createBrowserConnectivity();
    this.#store = new SyncStatusStore();
    this.#store.update({ online: this.#events.isOnline() });
    this.status = { subscribe: this.#store.subscribe, getSnapshot: this.#store.getSnapshot };
    const { onStatus } = options;
    if (onStatus) this.#store.subscribe(() => onStatus(this.#store.getSnapshot()));
  }

  /** Listens for connectivity and uploads what is due; entries still backing off keep waiting. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#unsubscribe = this.#events.subscribe((change) => {
      if (change === "offline") {
        this.#store.update({ online: false });
        return;
      }
      if (change === "online") this.#store.update({ online: true });
      void this.#requestPass(true);
    });
    this.#store.update({ online: this.#events.isOnline() });
    void this.#requestPass(false);
  }

  /** Cancels the timer and listeners and aborts the request in flight (it is PUT again later). */
  stop(): void {
    if (!this.#started) return;
    this.#started = false;
    this.#generation += 1;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#schedule(undefined);
    this.#inFlight?.abort();
  }

  /**
   * Tries every pending response now, backoff or not (call it after queuing a response); resolves
   * when done, never rejects. A server's `Retry-After` is still respected.
   */
  flush(): Promise<void> {
    return this.#requestPass(true);
  }

  #requestPass(force: boolean): Promise<void> {
    if (this.#running) {
      // Never two passes at once in one tab: run once more after the current one.
      this.#rerun = { force: force || (this.#rerun?.force ?? false) };
      return this.#running;
    }
    const run = async (): Promise<void> => {
      let next: boolean | undefined = force;
      try {
        while (next !== undefined) {
          await this.#pass(next);
          next = this.#takeRerun();
        }
      } finally {
        this.#running = undefined;
      }
    };
    this.#running = run();
    return this.#running;
  }

  #takeRerun(): boolean | undefined {
    const rerun = this.#rerun;
    this.#rerun = undefined;
    return rerun?.force;
  }

  async #pass(force: boolean): Promise<void> {
    this.#storageFailedThisPass = false;
    const ran = await runWithLock(this.#locks, outboxLockName, () => this.#upload(force));
    await this.#refresh(ran ? undefined : this.#clock.now() + lockBusyRetryMs);
    if (!this.#storageFailedThisPass) {
      this.#storageFailures = 0;
      this.#clearError("storage");
    }
  }

  async #upload(force: boolean): Promise<void> {
    const now = this.#clock.now();
    const hold = this.#hold;
    if (hold && now < hold.until && (!force || hold.fromServer)) return;
    this.#hold = undefined;

    const read = await this.#port(() => this.#outbox.pending());
    if (!read.success) return;
    // Counted before uploading, so "1 svar venter" shows while the first attempt is under way.
    this.#store.update({ pending: read.data.filter((entry) => entry.state === "pending").length });
    // By due time, so a response that keeps failing does not block those queued after it; the
    // sort is stable, so equal times keep the outbox's oldest-first order.
    const due = read.data
      .filter((entry) => entry.state === "pending" && (force || dueAt(entry, now) <= now))
      .sort((a, b) => dueAt(a, now) - dueAt(b, now));
    if (due.length === 0) return;

    const generation = this.#generation;
    this.#store.update({ uploading: true });
    try {
      for (const entry of due) {
        const result = await this.#put(entry);
        const cancelled = generation !== this.#generation;
        const goOn = await this.#record(entry, result, cancelled);
        // After a retry the network or server is the problem, not the response: one timeout per
        // pass, not one per queued response.
        if (!goOn || cancelled) break;
      }
    } finally {
      this.#store.update({ uploading: false });
    }
  }

  async #put(entry: OutboxEntry): Promise<TransportResult> {
    const controller = new AbortController();
    this.#inFlight = controller;
    try {
      return await this.#transport.put(entry.response, controller.signal, entry.pass);
    } catch (error) {
      // A host's own transport may throw; that is a failed attempt like any other.
      return { kind: "retry", reason: `transport threw: ${describeError(error)}` };
    } finally {
      this.#inFlight = undefined;
    }
  }

  /** Writes the outcome to the outbox; false when the pass should stop. */
  async #record(entry: OutboxEntry, result: TransportResult, cancelled: boolean): Promise<boolean> {
    const id = entry.response.id;
    switch (result.kind) {
      case "stored": {
        const written = await this.#port(() => this.#outbox.markSent(id));
        if (written.success) this.#store.update({ lastError: undefined });
        return written.success;
      }
      case "conflict": {
        const message = "HTTP 409: the server holds other content under this id";
        const written = await this.#port(() =>
          this.#outbox.markConflict(id, { code: "conflict", message }),
        );
        if (!written.success) return false;
        this.#markedConflict += 1;
        this.#fail({ code: "conflict" });
        return true;
      }
      case "rejected": {
        const message = `HTTP ${result.status}: ${result.message}`;
        // The contract's code (a spent link, a revoked key …) is what the status list shows.
        const written = await this.#port(() =>
          this.#outbox.markFailed(id, { code: result.code ?? "rejected", message }),
        );
        if (!written.success) return false;
        this.#markedFailed += 1;
        this.#fail({
          code: "rejected",
          status: result.status,
          detail: result.message,
          ...(result.code === undefined ? {} : { refusal: result.code }),
        });
        return true;
      }
      case "retry": {
        // Aborted by stop(): not an attempt the response should be penalised for.
        if (cancelled) return false;
        const delay = Math.max(
          backoffDelay(entry.attempts + 1, this.#random),
          Math.min(result.retryAfterMs ?? 0, retryAfterCapMs),
        );
        const nextAttemptAt = this.#clock.now() + delay;
        this.#hold = { until: nextAttemptAt, fromServer: result.retryAfterMs !== undefined };
        const written = await this.#port(() =>
          this.#outbox.markAttempt(id, nextAttemptAt, { code: "retry", message: result.reason }),
        );
        if (written.success) this.#fail({ code: "unavailable", reason: result.reason });
        return false;
      }
      default: {
        const unexpected: never = result;
        return this.#record(
          entry,
          { kind: "retry", reason: `unexpected transport result ${JSON.stringify(unexpected)}` },
          cancelled,
        );
      }
    }
  }

  /** Reads the outbox for the status and sets the timer for the earliest due entry. */
  async #refresh(notBefore: number | undefined): Promise<void> {
    const read = await this.#port(() => this.#outbox.pending());
    const counts =
      typeof this.#outbox.counts === "function"
        ? await this.#port(async () => this.#outbox.counts?.())
        : undefined;
    if (counts?.success && counts.data) {
      this.#store.update({ conflict: counts.data.conflict, failed: counts.data.failed });
    } else if (counts === undefined) {
      this.#store.update({ conflict: this.#markedConflict, failed: this.#markedFailed });
    }
    if (!read.success) {
      this.#schedule(this.#hold?.until);
      return;
    }
    const now = this.#clock.now();
    const pending = read.data.filter((entry) => entry.state === "pending");
    this.#store.update({ pending: pending.length });
    if (pending.length === 0) {
      // Another tab may have delivered what this one could not.
      this.#clearError("unavailable");
      this.#schedule(undefined);
      return;
    }
    const earliest = pending.reduce((at, entry) => Math.min(at, dueAt(entry, now)), Infinity);
    this.#schedule(Math.max(earliest, this.#hold?.until ?? earliest, notBefore ?? earliest));
  }

  #schedule(at: number | undefined): void {
    if (this.#timer !== undefined) {
      this.#clock.clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    if (at === undefined || !this.#started) {
      this.#store.update({ nextAttemptAt: undefined });
      return;
    }
    this.#store.update({ nextAttemptAt: at });
    const delay = Math.min(Math.max(0, at - this.#clock.now()), maxTimerDelayMs);
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      void this.#requestPass(false);
    }, delay);
  }

  /** Runs an outbox operation; a failure becomes status and a backoff, never an exception. */
  async #port<T>(operation: () => Promise<T>): Promise<Result<T, SyncError>> {
    try {
      return { success: true, data: await operation() };
    } catch (error) {
      this.#storageFailedThisPass = true;
      this.#storageFailures += 1;
      const until = this.#clock.now() + backoffDelay(this.#storageFailures, this.#random);
      if (!this.#hold || this.#hold.until < until) this.#hold = { until, fromServer: false };
      const failure: SyncError = { code: "storage", detail: describeError(error) };
      this.#fail(failure);
      return { success: false, issues: [failure] };
    }
  }

  #fail(error: SyncError): void {
    this.#store.update({ lastError: error });
  }

  #clearError(code: SyncErrorCode): void {
    if (this.#store.getSnapshot().lastError?.code === code)
      this.#store.update({ lastError: undefined });
  }
}

/**
 * When an entry is due. One due further ahead than any wait the uploader sets was written before
 * the device clock was set back: due now, rather than stranded for days.
 */
function dueAt(entry: OutboxEntry, now: number): number {
  return entry.nextAttemptAt - now > Math.max(retryAfterCapMs, backoffCapMs)
    ? now
    : entry.nextAttemptAt;
}
