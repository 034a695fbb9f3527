import { useSyncExternalStore } from "react";

/** The two pages, addressed by the URL's hash so a link (or a reload) opens the same view. */
export type Route =
  | { readonly page: "new-round" }
  | { readonly page: "results"; readonly rounds: readonly string[] };

const resultsPath = "#/resultater";
const newRoundPath = "#/ny-runde";

export function parseRoute(hash: string): Route {
  const [path, query = ""] = hash.split("?", 2);
  if (path === resultsPath) {
    const rounds = (new URLSearchParams(query).get("rounds") ?? "")
      .split(",")
      .map((id) => id.trim())
      .filter((id) => id !== "");
    return { page: "results", rounds };
  }
  return { page: "new-round" };
}

export function routeHash(route: Route): string {
  if (route.page === "new-round") return newRoundPath;
  return route.rounds.length === 0
    ? resultsPath
    : `${resultsPath}?rounds=${route.rounds.map(encodeURIComponent).join(",")}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

const snapshot = () => window.location.hash;

/** The current route, following `hashchange` (back/forward buttons, links). */
export function useHashRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, snapshot, () => ""));
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}
