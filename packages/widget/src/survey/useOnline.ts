import { useSyncExternalStore } from "react";

function subscribe(listener: () => void): () => void {
  if (typeof window === "undefined") return () => {};
  window.addEventListener("online", listener);
  window.addEventListener("offline", listener);
  return () => {
    window.removeEventListener("online", listener);
    window.removeEventListener("offline", listener);
  };
}

// `false` is reliable, `true` only means "maybe"; without a navigator we assume online.
const getSnapshot = () => (typeof navigator === "undefined" ? true : navigator.onLine !== false);
const getServerSnapshot = () => true;

/** The browser's `navigator.onLine`, kept current through the `online`/`offline` events. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}
