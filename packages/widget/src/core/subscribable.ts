/**
 * Subscribe/notify, as query-core's `Subscribable`: the one base of every store the widget's
 * React side reads with `useSyncExternalStore`. A listener that throws is the page's bug: every
 * other listener still runs, and the error goes to `reportError` (or, without it, is rethrown on
 * a microtask), so it reaches the page's error handling without undoing the change notified.
 */
export class Subscribable<TListener extends (...args: never[]) => void = () => void> {
  protected readonly listeners = new Set<TListener>();

  /** Bound, so it can be handed to `useSyncExternalStore` as it is; returns the unsubscribe. */
  readonly subscribe = (listener: TListener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  protected notify(...args: Parameters<TListener>): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(...args);
      } catch (error) {
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
