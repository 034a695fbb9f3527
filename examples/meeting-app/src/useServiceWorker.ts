import { registerSW } from "virtual:pwa-register";
import { useEffect, useState } from "react";

export interface ServiceWorkerState {
  /** The app shell is cached: the app opens on this device with no network. */
  readonly offlineReady: boolean;
  /** A new version is installed and waits; `update` activates it and reloads. */
  readonly needRefresh: boolean;
  readonly update: () => void;
}

/**
 * Registers the Workbox service worker (vite-plugin-pwa). A new version never takes over on its
 * own: the coordinator taps "Opdatér" between respondents.
 */
export function useServiceWorker(): ServiceWorkerState {
  const [state, setState] = useState({ offlineReady: false, needRefresh: false });
  const [update, setUpdate] = useState<() => void>(() => () => undefined);
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const updateSW = registerSW({
      immediate: true,
      onOfflineReady: () => setState((s) => ({ ...s, offlineReady: true })),
      onNeedRefresh: () => setState((s) => ({ ...s, needRefresh: true })),
    });
    setUpdate(() => () => void updateSW(true));
  }, []);
  return { ...state, update };
}
