import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createHttpTransport } from "../../sync/createHttpTransport.js";
import type { LockManagerLike } from "../../sync/lockManagerLike.js";
import type { OutboxPort } from "../../sync/outboxPort.js";
import { statusText } from "../../sync/statusText.js";
import type { SyncStatus } from "../../sync/syncStatus.js";
import type { TransportResult } from "../../sync/transport.js";
import { Uploader } from "../../sync/uploader.js";
import {
  FakeConnectivity,
  FakeLockManager,
  FakeTransport,
  MemoryOutbox,
  recordingClock,
  sampleResponse,
  seededRandom,
} from "./fakes.js";

const T0 = Date.UTC(2025, 2, 1, 9, 0, 0);
const r1 = sampleResponse(1);
const r2 = sampleResponse(2);
const r3 = sampleResponse(3);

const retry503: TransportResult = { kind: "retry", reason: "HTTP 503" };

interface Setup {
  readonly outbox?: MemoryOutbox;
  readonly transport?: FakeTransport;
  readonly random?: () => number;
  readonly locks?: LockManagerLike | null;
  readonly connectivity?: FakeConnectivity;
  readonly onStatus?: (status: SyncStatus) => void;
}

function setup(options: Setup = {}) {
  const outbox = options.outbox ?? new MemoryOutbox();
  const transport = options.transport ?? new FakeTransport();
  const connectivity = options.connectivity ?? new FakeConnectivity();
  const clock = recordingClock();
  const uploader = new Uploader({
    outbox,
    transport,
    clock,
    random: options.random ?? (() => 0.5),
    locks: options.locks ?? null,
    events: connectivity,
    ...(options.onStatus ? { onStatus: options.onStatus } : {}),
  });
  return { outbox, transport, connectivity, clock, uploader };
}

/** Lets the pending promise chains run without moving fake time. */
const settle = () => vi.advanceTimersByTimeAsync(0);

let uploaders: Uploader[] = [];
const started = (uploader: Uploader) => {
  uploaders.push(uploader);
  uploader.start();
  return uploader;
};

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  for (const uploader of uploaders) uploader.stop();
  uploaders = [];
  vi.useRealTimers();
});

describe("Uploader", () => {
  it("counts what waits before the first upload attempt ends, so the status never says all is sent too early", async () => {
    const outbox = new MemoryOutbox();
    outbox.add(r1);
    outbox.add(r2);
    const { uploader } = setup({ outbox, transport: new FakeTransport(undefined, 1000) });
    started(uploader);
    await settle();
    expect(uploader.status.getSnapshot()).toMatchObject({ uploading: true, pending: 2 });
    expect(statusText(uploader.status.getSnapshot(), "da")).toContain("2 svar venter");
    await vi.advanceTimersByTimeAsync(2000);
    expect(uploader.status.getSnapshot()).toMatchObject({ uploading: false, pending: 0 });
  });

  it("uploads a queued response once and removes it only after the server stored it", async () => {
    const outbox = new MemoryOutbox();
    outbox.add(r1);
    const { transport, uploader } = setup({ outbox });
    started(uploader);
    await settle();

    expect(transport.idsPut()).toEqual([r1.id]);
    expect(outbox.log).toEqual([`sent ${r1.id}`]);
    expect(outbox.entries.size).toBe(0);
    expect(uploader.status.getSnapshot()).toEqual({
      online: true,
      uploading: false,
      pending: 0,
      conflict: 0,
      failed: 0,
    });
    expect(statusText(uploader.status.getSnapshot(), "da")).toBe("Alle svar er sendt");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("retries 5xx with exponential backoff and jitter, then marks it sent exactly once", async () => {
    // mulberry32, seed 20250301: the jitter is random, the test is not.
    const transport = new FakeTransport((_, call) => (call <= 3 ? retry503 : { kind: "stored" }));
    const outbox = new MemoryOutbox();
    outbox.add(r1);
    const { clock, uploader } = setup({ outbox, transport, random: seededRandom(20250301) });
    started(uploader);
    await settle();

    const delays = [1_485, 2_015, 5_079];
    let at = T0;
    for (const [i, delay] of delays.entries()) {
      expect(outbox.entry(r1.id)).toMatchObject({ attempts: i + 1, nextAttemptAt: at + delay });
      expect(uploader.status.getSnapshot().nextAttemptAt).toBe(at + delay);
      expect(clock.delays.at(-1)).toBe(delay);
      await vi.advanceTimersByTimeAsync(delay - 1);
      expect(transport.calls).toHaveLength(i + 1);
      await vi.advanceTimersByTimeAsync(1);
      at += delay;
      expect(transport.calls).toHaveLength(i + 2);
    }

    expect(transport.calls.map((call) => call.at - T0)).toEqual([0, 1_485, 3_500, 8_579]);
    // Each delay within [d/2, d) for d = 2 s, 4 s, 8 s.
    expect(delays.map((d, i) => d >= 2 ** i * 1_000 && d < 2 ** (i + 1) * 1_000)).toEqual([
      true,
      true,
      true,
    ]);
    expect(outbox.log.filter((line) => line.startsWith("sent"))).toEqual([`sent ${r1.id}`]);
    expect(outbox.entries.size).toBe(0);
    expect(uploader.status.getSnapshot().lastError).toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("caps the wait between attempts at 5 minutes", async () => {
    const outbox = new MemoryOutbox();
    outbox.add(r1);
    (outbox.entry(r1.id) as { attempts: number }).attempts = 30;
    const transport = new FakeTransport(() => retry503);
    const { clock, uploader } = setup({ outbox, transport, random: () => 0.999_999 });
    started(uploader);
    await settle();
    expect(outbox.entry(r1.id)?.nextAttemptAt).toBe(T0 + 299_999);
    await vi.advanceTimersByTimeAsync(299_999);
    expect(transport.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(299_999);
    expect(transport.calls).toHaveLength(3);
    expect(clock.delays).toEqual([299_999, 299_999, 299_999]);
  });

  it("honours the server's Retry-After, also against flush() and the online event", async () => {
    const transport = new FakeTransport((_, call) =>
      call === 1
        ? { kind: "retry", reason: "HTTP 429", retryAfterMs: 120_000 }
        : { kind: "stored" },
    );
    const outbox = new MemoryOutbox();
    outbox.add(r1);
    const { connectivity, uploader } = setup({ outbox, transport });
    started(uploader);
    await settle();
    expect(outbox.entry(r1.id)?.nextAttemptAt).toBe(T0 + 120_000);

    await uploader.flush();
    connectivity.emit("online");
    await vi.advanceTimersByTimeAsync(119_999);
    expect(transport.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(transport.calls.map((call) => call.at - T0)).toEqual([0, 120_000]);
    expect(outbox.entries.size).toBe(0);
  });

  it("keeps a 409 conflict for the coordinator and does not retry it", async () => {
    const outbox = new MemoryOutbox();
    outbox.add(r1);
    const transport = new FakeTransport(() => ({ kind: "conflict" }));
    const { uploader } = setup({ outbox, transport });
    started(uploader);
    await settle();

    expect(outbox.entry(r1.id)).toMatchObject({
      state: "conflict",
      lastError: { code: "conflict", message: expect.stringContaining("409") },
    });
    const status = uploader.status.getSnapshot();
    expect(status).toMatchObject({ pending: 0, conflict: 1, failed: 0 });
    expect(status.lastError?.code).toBe("conflict");

    await vi.advanceTimersByTimeAsync(60 * 60_000);
    await uploader.flush();
    expect(transport.calls).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("sends each response with its own credential and keeps the contract's refusal code", async () => {
    const outbox = new MemoryOutbox();
    const invitation = { kind: "invitation", token: "a".repeat(22) } as const;
    const key = { kind: "meeting-key", token: "k".repeat(43) } as const;
    outbox.add(r1, 0, invitation);
    outbox.add(r2, 0, key);
    outbox.add(r3);
    const transport = new FakeTransport((response) =>
      response.id === r1.id
        ? {
            kind: "rejected",
            status: 403,
            code: "invitation_spent",
            message: "This link has already been used.",
          }
        : { kind: "stored" },
    );
    const { uploader } = setup({ outbox, transport });
    started(uploader);
    await settle();

    expect(transport.calls.map((call) => [call.id, call.pass])).toEqual([
      [r1.id, invitation],
      [r2.id, key],
      [r3.id, undefined],
    ]);
    expect(outbox.entry(r1.id)).toMatchObject({
      state: "failed",
      lastError: {
        code: "invitation_spent",
        message: "HTTP 403: This link has already been used.",
      },
    });
    expect(uploader.status.getSnapshot()).toMatchObject({ pending: 0, failed: 1 });
  });

  it("says a refusal with a contract code in the contract's words, never as waiting", async () => {
    const outbox = new MemoryOutbox();
    outbox.add(r1, 0, { kind: "meeting-key", token: "k".repeat(43) });
    const transport = new FakeTransport(() => ({
      kind: "rejected",
      status: 403,
      code: "meeting_key_revoked",
      message: "revoked",
    }));
    const { uploader } = setup({ outbox, transport });
    started(uploader);
    await settle();

    const status = uploader.status.getSnapshot();
    expect(status).toMatchObject({ pending: 0, failed: 1 });
    expect(status.lastError).toMatchObject({ code: "rejected", refusal: "meeting_key_revoked" });
    expect(statusText(status, "da")).toBe(
      "Svaret blev ikke modtaget: Mødenøglen er trukket tilbage. Svaret er ikke sendt; det ligger stadig på denne enhed og kan eksporteres.",
    );
    expect(statusText(status, "da", "browser")).not.toMatch(/venter|sendes, når/);
  });

  it("keeps a 400 refusal with its message, goes on with the next response, never retries it", async () => {
    const outbox = new MemoryOutbox();
    outbox.add(r1);
    outbox.add(r2);
    const transport = new FakeTransport((response) =>
      response.id === r1.id
        ? { kind: "rejected", status: 400, message: "answers.q1: unknown option" }
        : { kind: "stored" },
    );
    const { uploader } = setup({ outbox, transport });
    started(uploader);
    await settle();

    expect(outbox.entry(r1.id)).toMatchObject({
      state: "failed",
      lastError: { code: "rejected", message: "HTTP 400: answers.q1: unknown option" },
    });
    expect(outbox.entry(r2.id)).toBeUndefined();
    expect(uploader.status.getSnapshot()).toMatchObject({ pending: 0, failed: 1 });
    expect(statusText(uploader.status.getSnapshot(), "da")).toBe(
      "Et svar kunne ikke sendes – det er gemt på enheden",
    );

    await vi.advanceTimersByTimeAsync(60 * 60_000);
    await uploader.flush();
    expect(transport.idsPut()).toEqual([r1.id, r2.id]);
  });

  it("shows the refusal's reason until a later upload succeeds", async () => {
    const outbox = new MemoryOutbox();
    outbox.add(r1);
    const transport = new FakeTransport(() => ({
      kind: "rejected",
      status: 400,
      message: "answers.q1: unknown option",
    }));
    const { uploader } = setup({ outbox, transport });
    started(uploader);
    await settle();
    expect(statusText(uploader.status.getSnapshot(), "da")).toBe(
      "Et svar kunne ikke sendes: serveren afviste det (HTTP 400: answers.q1: unknown option) – det er gemt på enheden",
    );
  });

  it("retries after a network error, through the HTTP transport", async () => {
    let down = true;
    const fetch = vi.fn(async () => {
      if (down) throw new TypeError("Failed to fetch");
      return new Response(null, { status: 204 });
    }) as unknown as typeof globalThis.fetch;
    const outbox = new MemoryOutbox();
    outbox.add(r1);
    outbox.add(r2);
    const clock = recordingClock();
    const uploader = started(
      new Uploader({
        outbox,
        transport: createHttpTransport({ baseUrl: "https://kiap.dk/api", fetch, clock }),
        clock,
        random: () => 0.5,
        locks: null,
        events: new FakeConnectivity(),
      }),
    );
    await settle();

    // One failure stops the pass: while the network is down, one request per pass, not one per response.
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(outbox.entry(r1.id)).toMatchObject({
      attempts: 1,
      nextAttemptAt: T0 + 1_500,
      lastError: { code: "retry", message: "network error: TypeError: Failed to fetch" },
    });
    expect(outbox.entry(r2.id)).toMatchObject({ attempts: 0 });
    expect(uploader.status.getSnapshot()).toMatchObject({
      pending: 2,
      nextAttemptAt: T0 + 1_500,
      lastError: { code: "unavailable" },
    });
    expect(statusText(uploader.status.getSnapshot(), "en")).toBe(
      "A response could not be sent: the server could not be reached – retrying automatically",
    );

    down = false;
    await vi.advanceTimersByTimeAsync(1_500);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(outbox.entries.size).toBe(0);
    expect(uploader.status.getSnapshot().lastError).toBeUndefined();
  });

  it("does not let a response that keeps failing hold back those queued after it", async () => {
    const outbox = new MemoryOutbox();
    outbox.add(r1);
    outbox.add(r2);
    const transport = new FakeTransport((response) =>
      response.id === r1.id ? retry503 : { kind: "stored" },
    );
    const { uploader } = setup({ outbox, transport });
    started(uploader);
    await settle();
    expect(transport.idsPut()).toEqual([r1.id]);
    await vi.advanceTimersByTimeAsync(1_500);
    // r2 has waited longer than r1's new due time, so it goes first.
    expect(transport.idsPut()).toEqual([r1.id, r2.id, r1.id]);
    expect([...outbox.entries.keys()]).toEqual([r1.id]);
  });

  it("tries at once, backoff or not, when the device comes online", async () => {
    const outbox = new MemoryOutbox();
    outbox.add(r1);
    (outbox.entry(r1.id) as { attempts: number }).attempts = 7;
    let reachable = false;
    const transport = new FakeTransport(() =>
      reachable ? { kind: "stored" } : { kind: "retry", reason: "network error" },
    );
    const { connectivity, uploader } = setup({ outbox, transport });
    started(uploader);
    await settle();
    expect(outbox.entry(r1.id)?.nextAttemptAt).toBe(T0 + 192_000);

    connectivity.emit("offline");
    expect(uploader.status.getSnapshot().online).toBe(false);
    expect(statusText(uploader.status.getSnapshot(), "da")).toBe(
      "Du er offline – svaret er gemt på enheden og sendes, når der er forbindelse",
    );
    await vi.advanceTimersByTimeAsync(10_000);
    reachable = true;
    connectivity.emit("online");
    await settle();

    expect(transport.calls.map((call) => call.at - T0)).toEqual([0, 10_000]);
    expect(outbox.entries.size).toBe(0);
    expect(uploader.status.getSnapshot()).toMatchObject({ online: true, pending: 0 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("tries at once when the page becomes visible again", async () => {
    const outbox = new MemoryOutbox();
    outbox.add(r1, T0 + 200_000);
    const { connectivity, transport, uploader } = setup({ outbox });
    started(uploader);
    await settle();
    expect(transport.calls).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(5_000);
    connectivity.emit("visible");
    await settle();
    expect(transport.calls.map((call) => call.at - T0)).toEqual([5_000]);
    expect(outbox.entries.size).toBe(0);
  });

  it("listens to window and document by default", async () => {
    const outbox = new MemoryOutbox();
    outbox.add(r1, T0 + 200_000);
    outbox.add(r2, T0 + 200_000);
    let reachable = true;
    const transport = new FakeTransport(() => (reachable ? { kind: "stored" } : retry503));
    const uploader = started(new Uploader({ outbox, transport, random: () => 0.5 }));
    await settle();
    expect(transport.calls).toHaveLength(0);

    window.dispatchEvent(new Event("offline"));
    expect(uploader.status.getSnapshot().online).toBe(false);
    window.dispatchEvent(new Event("online"));
    await settle();
    expect(transport.idsPut()).toEqual([r1.id, r2.id]);

    outbox.add(r3, T0 + 200_000);
    reachable = false;
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
    await settle();
    expect(transport.calls).toHaveLength(2);
    Reflect.deleteProperty(document, "visibilityState");
    document.dispatchEvent(new Event("visibilitychange"));
    await settle();
    expect(transport.calls).toHaveLength(3);

    uploader.stop();
    window.dispatchEvent(new Event("online"));
    await settle();
    expect(transport.calls).toHaveLength(3);
  });

  it("runs one pass at a time in a tab, however often it is asked", async () => {
    const outbox = new MemoryOutbox();
    for (const response of [r1, r2, r3]) outbox.add(response);
    const transport = new FakeTransport(() => ({ kind: "stored" }), 100);
    const { connectivity, uploader } = setup({ outbox, transport });
    started(uploader);
    const flushes = [uploader.flush(), uploader.flush()];
    connectivity.emit("online");
    connectivity.emit("visible");
    await vi.advanceTimersByTimeAsync(50);
    expect(uploader.status.getSnapshot().uploading).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all(flushes);

    expect(transport.maxActive).toBe(1);
    expect(transport.idsPut()).toEqual([r1.id, r2.id, r3.id]);
    expect(outbox.entries.size).toBe(0);
    expect(uploader.status.getSnapshot().uploading).toBe(false);
  });

  it("keeps to one uploader across tabs with Web Locks: each response PUT once", async () => {
    const outbox = new MemoryOutbox();
    const responses = [1, 2, 3, 4, 5].map((n) => sampleResponse(n));
    for (const response of responses) outbox.add(response);
    const transport = new FakeTransport(() => ({ kind: "stored" }), 100);
    const locks = new FakeLockManager();
    const tabA = setup({ outbox, transport, locks });
    const tabB = setup({ outbox, transport, locks });
    started(tabA.uploader);
    started(tabB.uploader);
    await vi.advanceTimersByTimeAsync(150);
    tabA.connectivity.emit("online");
    tabB.connectivity.emit("online");
    void tabB.uploader.flush();
    await vi.advanceTimersByTimeAsync(10_000);

    expect(locks.misses).toBeGreaterThan(0);
    expect(transport.maxActive).toBe(1);
    expect(transport.concurrentSameId).toEqual([]);
    expect(transport.idsPut().sort()).toEqual(responses.map((response) => response.id));
    expect(outbox.log.filter((line) => line.startsWith("sent"))).toHaveLength(5);
    expect(outbox.entries.size).toBe(0);
    expect(tabB.uploader.status.getSnapshot().pending).toBe(0);
  });

  it("comes back for the queue after a lock miss, in case the other tab went away", async () => {
    const outbox = new MemoryOutbox();
    outbox.add(r1);
    const locks = new FakeLockManager();
    locks.held.add("klynge-outbox");
    const { transport, uploader } = setup({ outbox, locks });
    started(uploader);
    await settle();
    expect(transport.calls).toHaveLength(0);
    expect(uploader.status.getSnapshot()).toMatchObject({ pending: 1, nextAttemptAt: T0 + 5_000 });

    locks.held.clear();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(transport.calls).toHaveLength(1);
    expect(outbox.entries.size).toBe(0);
  });

  it("without Web Locks, two tabs may PUT the same response, which the idempotent PUT makes harmless", async () => {
    const outbox = new MemoryOutbox();
    outbox.add(r1);
    const transport = new FakeTransport(() => ({ kind: "stored" }), 100);
    const tabA = setup({ outbox, transport });
    const tabB = setup({ outbox, transport });
    started(tabA.uploader);
    started(tabB.uploader);
    await vi.advanceTimersByTimeAsync(200);
    expect(transport.idsPut()).toEqual([r1.id, r1.id]);
    expect(outbox.entries.size).toBe(0);
    expect(tabA.uploader.status.getSnapshot().lastError).toBeUndefined();
    expect(tabB.uploader.status.getSnapshot().lastError).toBeUndefined();
  });

  it("stop() cancels the timer, the listeners and the request in flight", async () => {
    const outbox = new MemoryOutbox();
    outbox.add(r1);
    const transport = new FakeTransport(() => retry503);
    const { connectivity, uploader } = setup({ outbox, transport });
    started(uploader);
    await settle();
    expect(vi.getTimerCount()).toBe(1);

    uploader.stop();
    expect(vi.getTimerCount()).toBe(0);
    expect(connectivity.listenerCount).toBe(0);
    expect(uploader.status.getSnapshot().nextAttemptAt).toBeUndefined();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(transport.calls).toHaveLength(1);
  });

  it("does not count an upload aborted by stop() as a failed attempt", async () => {
    const outbox = new MemoryOutbox();
    outbox.add(r1);
    const transport = new FakeTransport(() => ({ kind: "stored" }), 1_000);
    const { uploader } = setup({ outbox, transport });
    started(uploader);
    await vi.advanceTimersByTimeAsync(10);
    uploader.stop();
    await settle();
    expect(transport.calls[0]?.signal?.aborted).toBe(true);
    expect(outbox.log).toEqual([]);
    expect(outbox.entry(r1.id)).toMatchObject({ state: "pending", attempts: 0 });
    expect(uploader.status.getSnapshot().uploading).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("reports an outbox that throws in status, and keeps its timers going", async () => {
    const outbox = new MemoryOutbox();
    outbox.add(r1);
    outbox.failNext(
      "pending",
      new DOMException("The database connection is closing.", "InvalidStateError"),
      true,
    );
    const { transport, uploader } = setup({ outbox });
    started(uploader);
    await settle();

    const status = uploader.status.getSnapshot();
    expect(status.lastError).toMatchObject({
      code: "storage",
      detail: "InvalidStateError: The database connection is closing.",
    });
    expect(statusText(status, "da")).toBe(
      "Lageret på enheden kunne ikke bruges lige nu – der prøves igen automatisk",
    );
    expect(transport.calls).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(1);

    await vi.advanceTimersByTimeAsync(1_500);
    expect(transport.calls).toHaveLength(1);
    expect(outbox.entries.size).toBe(0);
    expect(uploader.status.getSnapshot().lastError).toBeUndefined();
  });

  it("clears a storage error once the outbox reads again, even with nothing to send", async () => {
    const outbox = new MemoryOutbox();
    outbox.failNext("pending", new Error("closed"));
    const { uploader } = setup({ outbox });
    started(uploader);
    await settle();
    expect(uploader.status.getSnapshot().lastError?.code).toBe("storage");
    await uploader.flush();
    expect(uploader.status.getSnapshot().lastError).toBeUndefined();
    expect(statusText(uploader.status.getSnapshot(), "da")).toBe("Alle svar er sendt");
  });

  it("clears 'could not be reached' when another tab delivered the response", async () => {
    const outbox = new MemoryOutbox();
    outbox.add(r1);
    const transport = new FakeTransport(() => retry503);
    const { uploader } = setup({ outbox, transport });
    started(uploader);
    await settle();
    expect(uploader.status.getSnapshot().lastError?.code).toBe("unavailable");
    outbox.entries.delete(r1.id);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(transport.calls).toHaveLength(1);
    expect(uploader.status.getSnapshot().lastError).toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("PUTs again when markSent failed: the response stays until the outbox records the acknowledgement", async () => {
    const outbox = new MemoryOutbox();
    outbox.add(r1);
    outbox.failNext("markSent", new Error("write failed"));
    const { transport, uploader } = setup({ outbox });
    started(uploader);
    await settle();
    expect(outbox.entry(r1.id)).toMatchObject({ state: "pending" });
    expect(uploader.status.getSnapshot()).toMatchObject({
      pending: 1,
      lastError: { code: "storage", detail: "Error: write failed" },
    });

    await vi.advanceTimersByTimeAsync(1_500);
    expect(transport.idsPut()).toEqual([r1.id, r1.id]);
    expect(outbox.entries.size).toBe(0);
  });

  it("backs off while the outbox keeps failing instead of spinning", async () => {
    const outbox = new MemoryOutbox();
    outbox.add(r1);
    for (let i = 0; i < 3; i++) outbox.failNext("markSent", new Error("write failed"));
    const { clock, transport, uploader } = setup({ outbox });
    started(uploader);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(transport.calls.map((call) => call.at - T0)).toEqual([0, 1_500, 4_500, 10_500]);
    expect(clock.delays).toEqual([1_500, 3_000, 6_000]);
    expect(outbox.entries.size).toBe(0);
  });

  it("treats a transport that throws as a failed attempt", async () => {
    const outbox = new MemoryOutbox();
    outbox.add(r1);
    const transport = new FakeTransport(() => {
      throw new Error("host transport bug");
    });
    const { uploader } = setup({ outbox, transport });
    started(uploader);
    await settle();
    expect(outbox.entry(r1.id)).toMatchObject({
      attempts: 1,
      lastError: { code: "retry", message: "transport threw: Error: host transport bug" },
    });
    expect(vi.getTimerCount()).toBe(1);
  });

  it("counts conflicts and refusals itself when the outbox has no counts()", async () => {
    const memory = new MemoryOutbox();
    memory.add(r1);
    memory.add(r2);
    const outbox: OutboxPort = {
      pending: () => memory.pending(),
      markSent: (id) => memory.markSent(id),
      markAttempt: (id, at, error) => memory.markAttempt(id, at, error),
      markConflict: (id, error) => memory.markConflict(id, error),
      markFailed: (id, error) => memory.markFailed(id, error),
    };
    const transport = new FakeTransport((response) =>
      response.id === r1.id ? { kind: "conflict" } : { kind: "rejected", status: 413, message: "" },
    );
    const uploader = started(
      new Uploader({ outbox, transport, locks: null, events: new FakeConnectivity() }),
    );
    await settle();
    expect(uploader.status.getSnapshot()).toMatchObject({ pending: 0, conflict: 1, failed: 1 });
  });

  it("publishes stable snapshots to onStatus and useSyncExternalStore subscribers", async () => {
    const outbox = new MemoryOutbox();
    outbox.add(r1);
    const seen: SyncStatus[] = [];
    const transport = new FakeTransport(() => ({ kind: "stored" }), 100);
    const { uploader } = setup({ outbox, transport, onStatus: (status) => seen.push(status) });
    const listener = vi.fn();
    uploader.status.subscribe(listener);
    const before = uploader.status.getSnapshot();
    expect(uploader.status.getSnapshot()).toBe(before);

    started(uploader);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(seen.some((status) => status.uploading)).toBe(true);
    expect(seen.at(-1)).toBe(uploader.status.getSnapshot());
    expect(listener).toHaveBeenCalledTimes(seen.length);
    expect(new Set(seen).size).toBe(seen.length);
    const after = uploader.status.getSnapshot();
    await uploader.flush();
    expect(uploader.status.getSnapshot()).toBe(after);
  });

  it("does not strand a response whose due time lies far ahead after the clock was set back", async () => {
    const outbox = new MemoryOutbox();
    outbox.add(r1, T0 + 365 * 24 * 60 * 60_000);
    const { transport, uploader } = setup({ outbox });
    started(uploader);
    await settle();
    expect(transport.calls).toHaveLength(1);
    expect(outbox.entries.size).toBe(0);
  });
});
