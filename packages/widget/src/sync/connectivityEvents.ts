/** "visible": the page came back to the foreground (a tablet woke up, a tab was reopened). */
export type ConnectivityChange = "online" | "offline" | "visible";

/** Where the uploader hears about the network and the page's visibility; injectable for tests. */
export interface ConnectivityEvents {
  /** `false` is reliable, `true` only means "maybe" (bad Wi-Fi looks online). */
  isOnline(): boolean;
  /** Returns the function that unsubscribes. */
  subscribe(listener: (change: ConnectivityChange) => void): () => void;
}

/** `online`/`offline` on `window`, `visibilitychange` on `document`; inert where they don't exist. */
export function createBrowserConnectivity(): ConnectivityEvents {
  return {
    isOnline: () =>
      typeof navigator === "undefined" || typeof navigator.onLine !== "boolean"
        ? true
        : navigator.onLine,
    subscribe(listener) {
      const win = typeof window === "undefined" ? undefined : window;
      const doc = typeof document === "undefined" ? undefined : document;
      const onOnline = () => listener("online");
      const onOffline = () => listener("offline");
      const onVisibility = () => {
        if (doc?.visibilityState === "visible") listener("visible");
      };
      win?.addEventListener("online", onOnline);
      win?.addEventListener("offline", onOffline);
      doc?.addEventListener("visibilitychange", onVisibility);
      return () => {
        win?.removeEventListener("online", onOnline);
        win?.removeEventListener("offline", onOffline);
        doc?.removeEventListener("visibilitychange", onVisibility);
      };
    },
  };
}
