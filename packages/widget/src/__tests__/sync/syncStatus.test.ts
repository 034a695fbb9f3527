import { describe, expect, it, vi } from "vitest";
import { backoffBaseMs, backoffCapMs, backoffDelay } from "../../sync/backoffDelay.js";
import { statusText } from "../../sync/statusText.js";
import type { SyncError } from "../../sync/syncError.js";
import { initialSyncStatus, type SyncStatus } from "../../sync/syncStatus.js";
import { SyncStatusStore } from "../../sync/syncStatusStore.js";

const status = (patch: Partial<SyncStatus> = {}): SyncStatus => ({
  ...initialSyncStatus,
  ...patch,
});

describe("backoffDelay", () => {
  it("doubles from the 1 s base with equal jitter in [d/2, d)", () => {
    expect(backoffDelay(1, () => 0)).toBe(1_000);
    expect(backoffDelay(1, () => 0.5)).toBe(1_500);
    expect(backoffDelay(2, () => 0.5)).toBe(3_000);
    expect(backoffDelay(3, () => 0.999)).toBe(7_996);
    expect(backoffDelay(8, () => 0.25)).toBe(160_000);
  });

  it("is capped at 5 minutes", () => {
    expect(backoffCapMs).toBe(300_000);
    expect(backoffDelay(9, () => 0.999_999)).toBe(299_999);
    expect(backoffDelay(40, () => 0)).toBe(150_000);
    expect(backoffDelay(10_000, () => 1)).toBe(300_000);
    expect(backoffDelay(Number.POSITIVE_INFINITY, () => 1)).toBe(300_000);
  });

  it("never goes below the 1 s base, whatever the attempt or the random number", () => {
    for (const attempt of [-3, 0, 0.5, 1, 2, Number.NaN]) {
      for (const r of [0, 1e-9, 0.3, 0.999, -1, 2]) {
        const delay = backoffDelay(attempt, () => r);
        expect(delay, `attempt ${attempt}, random ${r}`).toBeGreaterThanOrEqual(backoffBaseMs);
        expect(delay, `attempt ${attempt}, random ${r}`).toBeLessThanOrEqual(backoffCapMs);
      }
    }
  });
});

describe("statusText", () => {
  it("counts waiting responses in Danish, where 'svar' is the same in singular and plural", () => {
    expect(statusText(status({ pending: 1 }), "da")).toBe("1 svar venter på at blive sendt");
    expect(statusText(status({ pending: 2 }), "da")).toBe("2 svar venter på at blive sendt");
    expect(statusText(status({ pending: 1234 }), "da")).toBe("1.234 svar venter på at blive sendt");
    expect(statusText(status({ pending: 1 }), "en")).toBe("1 response is waiting to be sent");
    expect(statusText(status({ pending: 2 }), "en")).toBe("2 responses are waiting to be sent");
  });

  it("says all is sent only when nothing is pending or kept", () => {
    expect(statusText(status(), "da")).toBe("Alle svar er sendt");
    expect(statusText(status(), "en")).toBe("All responses have been sent");
    expect(statusText(status({ failed: 1 }), "da")).toBe(
      "Et svar kunne ikke sendes – det er gemt på enheden",
    );
    expect(statusText(status({ failed: 1, conflict: 2 }), "da")).toBe(
      "3 svar kunne ikke sendes – de er gemt på enheden",
    );
    expect(statusText(status({ conflict: 1 }), "en")).toBe(
      "1 response could not be sent – it is kept on this device",
    );
  });

  it("puts being offline first, with the definite singular or plural", () => {
    const error: SyncError = { code: "unavailable", reason: "network error" };
    expect(statusText(status({ online: false, pending: 1, lastError: error }), "da")).toBe(
      "Du er offline – svaret er gemt på enheden og sendes, når der er forbindelse",
    );
    expect(statusText(status({ online: false, pending: 3 }), "da")).toBe(
      "Du er offline – svarene er gemt på enheden og sendes, når der er forbindelse",
    );
    expect(statusText(status({ online: false, pending: 3 }), "en")).toBe(
      "You are offline – the responses are saved on this device and will be sent when there is a connection",
    );
    expect(statusText(status({ online: false }), "da")).toBe("Alle svar er sendt");
  });

  it("shows the last error, with the server's detail for a refusal", () => {
    const refused: SyncError = {
      code: "rejected",
      status: 400,
      detail: "answers.q1: unknown option",
    };
    expect(statusText(status({ failed: 1, lastError: refused }), "da")).toBe(
      "Et svar kunne ikke sendes: serveren afviste det (HTTP 400: answers.q1: unknown option) – det er gemt på enheden",
    );
    expect(statusText(status({ failed: 1, lastError: refused }), "en")).toBe(
      "A response could not be sent: the server refused it (HTTP 400: answers.q1: unknown option) – it is kept on this device",
    );
    const unavailable: SyncError = { code: "unavailable", reason: "HTTP 503" };
    expect(statusText(status({ pending: 2, lastError: unavailable }), "da")).toBe(
      "Et svar kunne ikke sendes: serveren kunne ikke nås – der prøves igen automatisk",
    );
    expect(statusText(status({ conflict: 1, lastError: { code: "conflict" } }), "da")).toBe(
      "Et svar kunne ikke sendes: serveren har allerede et andet svar med samme id – det er gemt på enheden",
    );
  });
});

describe("SyncStatusStore", () => {
  it("keeps the snapshot's identity until a field changes, and notifies only on change", () => {
    const store = new SyncStatusStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    const first = store.getSnapshot();
    store.update({ pending: 0, online: true });
    expect(store.getSnapshot()).toBe(first);
    expect(listener).not.toHaveBeenCalled();

    store.update({ pending: 2, nextAttemptAt: 5_000 });
    const second = store.getSnapshot();
    expect(second).not.toBe(first);
    expect(second).toEqual({ ...initialSyncStatus, pending: 2, nextAttemptAt: 5_000 });
    expect(listener).toHaveBeenCalledTimes(1);

    store.update({ nextAttemptAt: undefined });
    expect("nextAttemptAt" in store.getSnapshot()).toBe(false);
    expect(listener).toHaveBeenCalledTimes(2);

    unsubscribe();
    store.update({ pending: 3 });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it("keeps notifying the others when a listener throws", () => {
    const store = new SyncStatusStore();
    const thrown: unknown[] = [];
    const queue = vi.spyOn(globalThis, "queueMicrotask").mockImplementation((task) => {
      try {
        task();
      } catch (error) {
        thrown.push(error);
      }
    });
    const after = vi.fn();
    store.subscribe(() => {
      throw new Error("listener bug");
    });
    store.subscribe(after);
    store.update({ pending: 1 });
    queue.mockRestore();
    expect(after).toHaveBeenCalledTimes(1);
    expect(thrown).toEqual([new Error("listener bug")]);
  });
});
