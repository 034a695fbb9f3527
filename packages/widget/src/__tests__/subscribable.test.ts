import { afterEach, describe, expect, it, vi } from "vitest";
import { Subscribable } from "../core/subscribable.js";
import { ChangeNotifier } from "../storage/changeNotifier.js";
import { SaveStateStore } from "../survey/saveState.js";
import { SyncStatusStore } from "../sync/syncStatusStore.js";

class Counter extends Subscribable {
  bump(): void {
    this.notify();
  }
}

// One behaviour for a listener that throws, in every store: the others still run, and the error
// reaches the page (reportError, else a rethrow on a microtask), never the code that notified.
describe("Subscribable", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("runs every listener when one throws, and hands the error to reportError", () => {
    const reported: unknown[] = [];
    vi.stubGlobal("reportError", (error: unknown) => reported.push(error));
    const counter = new Counter();
    const before = vi.fn();
    const after = vi.fn();
    counter.subscribe(before);
    counter.subscribe(() => {
      throw new Error("listener bug");
    });
    counter.subscribe(after);
    expect(() => counter.bump()).not.toThrow();
    expect(before).toHaveBeenCalledTimes(1);
    expect(after).toHaveBeenCalledTimes(1);
    expect(reported).toEqual([new Error("listener bug")]);
  });

  it("rethrows on a microtask where there is no reportError", () => {
    vi.stubGlobal("reportError", undefined);
    const thrown: unknown[] = [];
    vi.spyOn(globalThis, "queueMicrotask").mockImplementation((task) => {
      try {
        task();
      } catch (error) {
        thrown.push(error);
      }
    });
    const counter = new Counter();
    counter.subscribe(() => {
      throw new Error("listener bug");
    });
    expect(() => counter.bump()).not.toThrow();
    expect(thrown).toEqual([new Error("listener bug")]);
  });

  it("stops calling a listener once unsubscribed", () => {
    const counter = new Counter();
    const listener = vi.fn();
    const unsubscribe = counter.subscribe(listener);
    counter.bump();
    unsubscribe();
    counter.bump();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(counter.hasListeners()).toBe(false);
  });

  it("is the base of every subscribe/notify store", () => {
    for (const store of [
      new ChangeNotifier(undefined),
      new SaveStateStore(),
      new SyncStatusStore(),
    ])
      expect(store).toBeInstanceOf(Subscribable);
  });

  it("keeps the others notified in the save indicator's store too", () => {
    vi.stubGlobal("reportError", () => undefined);
    const store = new SaveStateStore();
    const after = vi.fn();
    store.subscribe(() => {
      throw new Error("listener bug");
    });
    store.subscribe(after);
    store.set({ kind: "saving" });
    expect(after).toHaveBeenCalledTimes(1);
  });
});
