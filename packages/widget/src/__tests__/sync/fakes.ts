import type { Response } from "@klynge/engine";
import type { RespondentPass } from "../../pass/respondentPass.js";
import type { Clock } from "../../sync/clock.js";
import { systemClock } from "../../sync/clock.js";
import type { ConnectivityChange, ConnectivityEvents } from "../../sync/connectivityEvents.js";
import type { LockManagerLike } from "../../sync/lockManagerLike.js";
import type { OutboxEntry, OutboxError, OutboxPort } from "../../sync/outboxPort.js";
import type { Transport, TransportResult } from "../../sync/transport.js";

export { seededRandom } from "@klynge/test-support/random";

/** Test doubles for the uploader: an in-memory outbox, scripted transports, fake locks. */

export function sampleResponse(n: number, roundId = "r1"): Response {
  return {
    schemaVersion: 1,
    id: `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`,
    roundId,
    versionHash: "f".repeat(64),
    channel: "kiosk",
    startedAt: "2025-03-01T10:00:00.000+01:00",
    submittedAt: "2025-03-01T10:05:00.000+01:00",
    answers: { q1: { choice: "hoej" } },
  };
}

interface MemoryEntry {
  response: Response;
  state: OutboxEntry["state"];
  attempts: number;
  nextAttemptAt: number;
  lastError?: OutboxError;
  pass?: RespondentPass;
}

type PortMethod = "pending" | "markSent" | "markAttempt" | "markConflict" | "markFailed";

/** The OutboxPort contract over a Map (insertion order = queue order); logs every call. */
export class MemoryOutbox implements OutboxPort {
  readonly entries = new Map<string, MemoryEntry>();
  readonly log: string[] = [];
  readonly #failures: { method: PortMethod; error: unknown; sync: boolean }[] = [];

  add(response: Response, nextAttemptAt = 0, pass?: RespondentPass): void {
    this.entries.set(response.id, {
      response,
      state: "pending",
      attempts: 0,
      nextAttemptAt,
      ...(pass === undefined ? {} : { pass }),
    });
  }

  /** The next call of `method` fails: rejects, or throws synchronously when `sync`. */
  failNext(method: PortMethod, error: unknown, sync = false): void {
    this.#failures.push({ method, error, sync });
  }

  entry(id: string): MemoryEntry | undefined {
    return this.entries.get(id);
  }

  pending(): Promise<readonly OutboxEntry[]> {
    return this.#run("pending", () =>
      [...this.entries.values()]
        .filter((entry) => entry.state === "pending")
        .map((entry) => ({ ...entry })),
    );
  }

  markSent(responseId: string): Promise<void> {
    return this.#run("markSent", () => {
      this.log.push(`sent ${responseId}`);
      this.entries.delete(responseId);
    });
  }

  markAttempt(responseId: string, nextAttemptAt: number, error: OutboxError): Promise<void> {
    return this.#run("markAttempt", () => {
      this.log.push(`attempt ${responseId} ${nextAttemptAt}`);
      this.#update(responseId, (entry) => {
        entry.attempts += 1;
        entry.nextAttemptAt = nextAttemptAt;
        entry.lastError = error;
      });
    });
  }

  markConflict(responseId: string, error: OutboxError): Promise<void> {
    return this.#run("markConflict", () => {
      this.log.push(`conflict ${responseId}`);
      this.#update(responseId, (entry) => {
        entry.state = "conflict";
        entry.lastError = error;
      });
    });
  }

  markFailed(responseId: string, error: OutboxError): Promise<void> {
    return this.#run("markFailed", () => {
      this.log.push(`failed ${responseId}`);
      this.#update(responseId, (entry) => {
        entry.state = "failed";
        entry.lastError = error;
      });
    });
  }

  async counts() {
    const counts = { pending: 0, conflict: 0, failed: 0 };
    for (const entry of this.entries.values()) counts[entry.state] += 1;
    return counts;
  }

  #update(id: string, change: (entry: MemoryEntry) => void): void {
    const entry = this.entries.get(id);
    if (entry) change(entry);
  }

  #run<T>(method: PortMethod, operation: () => T): Promise<T> {
    const index = this.#failures.findIndex((failure) => failure.method === method);
    const failure = index === -1 ? undefined : this.#failures.splice(index, 1)[0];
    if (failure?.sync) throw failure.error;
    if (failure) return Promise.reject(failure.error);
    return Promise.resolve().then(operation);
  }
}

export interface PutCall {
  readonly id: string;
  readonly at: number;
  readonly signal: AbortSignal | undefined;
  readonly pass: RespondentPass | undefined;
}

type Script = (response: Response, call: number) => TransportResult | Promise<TransportResult>;

/** A transport answering from `script`, optionally after `latencyMs` of (fake) time. */
export class FakeTransport implements Transport {
  readonly calls: PutCall[] = [];
  active = 0;
  maxActive = 0;
  readonly #activeIds = new Set<string>();
  readonly concurrentSameId: string[] = [];

  constructor(
    readonly script: Script = () => ({ kind: "stored" }),
    readonly latencyMs = 0,
  ) {}

  async put(
    response: Response,
    signal?: AbortSignal,
    pass?: RespondentPass,
  ): Promise<TransportResult> {
    this.calls.push({ id: response.id, at: Date.now(), signal, pass });
    if (this.#activeIds.has(response.id)) this.concurrentSameId.push(response.id);
    this.#activeIds.add(response.id);
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      if (this.latencyMs > 0) await sleep(this.latencyMs, signal);
      if (signal?.aborted) return { kind: "retry", reason: "aborted" };
      return await this.script(response, this.calls.length);
    } finally {
      this.active -= 1;
      this.#activeIds.delete(response.id);
    }
  }

  idsPut(): string[] {
    return this.calls.map((call) => call.id);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Web Locks with `ifAvailable` semantics, shared by the "tabs" of a test. */
export class FakeLockManager implements LockManagerLike {
  readonly held = new Set<string>();
  grants = 0;
  misses = 0;

  async request(
    name: string,
    options: { ifAvailable: boolean },
    callback: (lock: object | null) => Promise<void>,
  ): Promise<void> {
    if (this.held.has(name)) {
      if (!options.ifAvailable) throw new Error("FakeLockManager supports only ifAvailable");
      this.misses += 1;
      return callback(null);
    }
    this.held.add(name);
    this.grants += 1;
    try {
      await callback({ name });
    } finally {
      this.held.delete(name);
    }
  }
}

export class FakeConnectivity implements ConnectivityEvents {
  online = true;
  readonly #listeners = new Set<(change: ConnectivityChange) => void>();

  isOnline(): boolean {
    return this.online;
  }

  subscribe(listener: (change: ConnectivityChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }

  emit(change: ConnectivityChange): void {
    if (change === "online") this.online = true;
    if (change === "offline") this.online = false;
    for (const listener of this.#listeners) listener(change);
  }
}

/** The system clock (faked by Vitest) that also records each timer delay it is asked for. */
export function recordingClock(): Clock & { readonly delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    now: systemClock.now,
    setTimeout: (callback, delayMs) => {
      delays.push(delayMs);
      return systemClock.setTimeout(callback, delayMs);
    },
    clearTimeout: systemClock.clearTimeout,
  };
}
