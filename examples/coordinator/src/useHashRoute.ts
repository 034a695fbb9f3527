import { useSyncExternalStore } from "react";

/** The two pages, addressed by the URL's hash so a link (or a reload) opens the same view. */
export type Route =
  /** `version`: the hash of a version published with the editor, to start the round on. */
  | { readonly page: "new-round"; readonly version?: string }
  | { readonly page: "edit" }
  | { readonly page: "results"; readonly rounds: readonly string[] };

const resultsPath = "#/resultater";
const newRoundPath = "#/ny-runde";
const editPath = "#/tilpas";

export function parseRoute(hash: string): Route {
  const [path, query = ""] = hash.split("?", 2);
  if (path === resultsPath) {
    const rounds = (new URLSearchParams(query).get("rounds") ?? "")
      .split(",")
      .map((id) => id.trim())
      .filter((id) => id !== "");
    return { page: "results", rounds };
  }
  if (path === editPath) return { page: "edit" };
  const version = new URLSearchParams(query).get("version");
  return path === newRoundPath && version !== null && version !== ""
    ? { page: "new-round", version }
    : { page: "new-round" };
}

export function routeHash(route: Route): string {
  if (route.page === "new-round") {
    return route.version === undefined ? newRoundPath : `${newRoundPath}?version=${route.version}`;
  }
  if (route.page === "edit") return editPath;
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
