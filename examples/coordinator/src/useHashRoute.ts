import { useSyncExternalStore } from "react";

/** The pages, each addressed by the URL's hash so a link (or a reload, or signing in) opens the same view. */
export type PageName =
  | "edit"
  | "versions"
  | "new-round"
  | "rounds"
  | "invitations"
  | "results"
  | "clusters"
  | "staff"
  | "origins"
  | "packages"
  | "audit";

export type Route =
  /** `version`: the hash of one of the cluster's versions to start from. */
  | { readonly page: "edit"; readonly version?: string }
  /** `version`: the hash of one of the cluster's versions to start the round on. */
  | { readonly page: "new-round"; readonly version?: string }
  | { readonly page: "results"; readonly rounds: readonly string[] }
  /** `round`: the round whose invitations are shown; else the newest open one. */
  | { readonly page: "invitations"; readonly round?: string }
  | {
      readonly page:
        | "versions"
        | "rounds"
        | "clusters"
        | "staff"
        | "origins"
        | "packages"
        | "audit";
    }
  /** No page named: the role's first page. */
  | { readonly page: "home" };

const paths: Record<PageName, string> = {
  edit: "#/tilpas",
  versions: "#/versioner",
  "new-round": "#/ny-runde",
  rounds: "#/runder",
  invitations: "#/invitationer",
  results: "#/resultater",
  clusters: "#/klynger",
  staff: "#/personale",
  origins: "#/godkendte-sider",
  packages: "#/klyngepakker",
  audit: "#/revisionslog",
};

export function parseRoute(hash: string): Route {
  const [path, query = ""] = hash.split("?", 2);
  const page = (Object.keys(paths) as PageName[]).find((name) => paths[name] === path);
  const params = new URLSearchParams(query);
  switch (page) {
    case undefined:
      return { page: "home" };
    case "results": {
      const rounds = (params.get("rounds") ?? "")
        .split(",")
        .map((id) => id.trim())
        .filter((id) => id !== "");
      return { page, rounds };
    }
    case "invitations": {
      const round = params.get("round");
      return round === null || round === "" ? { page } : { page, round };
    }
    case "edit":
    case "new-round": {
      const version = params.get("version");
      return version === null || version === "" ? { page } : { page, version };
    }
    default:
      return { page };
  }
}

export function routeHash(route: Route): string {
  if (route.page === "home") return "#/";
  const path = paths[route.page];
  if (route.page === "results") {
    return route.rounds.length === 0
      ? path
      : `${path}?rounds=${route.rounds.map(encodeURIComponent).join(",")}`;
  }
  if (route.page === "invitations" && route.round !== undefined) {
    return `${path}?round=${encodeURIComponent(route.round)}`;
  }
  if ((route.page === "edit" || route.page === "new-round") && route.version !== undefined) {
    return `${path}?version=${encodeURIComponent(route.version)}`;
  }
  return path;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

const snapshot = () => window.location.hash;

/** The current hash, following `hashchange` (back/forward buttons, links). */
export function useHash(): string {
  return useSyncExternalStore(subscribe, snapshot, () => "");
}

/** The current route. */
export function useHashRoute(): Route {
  return parseRoute(useHash());
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}
