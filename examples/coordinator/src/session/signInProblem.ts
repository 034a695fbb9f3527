/**
 * Why the sign-in page is shown: what the collector put in `?login=` after the identity provider
 * (`not-staff`, `domain`, `interrupted`, `provider`), after signing out (`signed-out`), or a
 * session that ended while the pages were open (`expired`).
 */
export type SignInProblem =
  | "not-staff"
  | "domain"
  | "interrupted"
  | "provider"
  | "signed-out"
  | "expired";

const fromCollector: readonly SignInProblem[] = [
  "not-staff",
  "domain",
  "interrupted",
  "provider",
  "signed-out",
];

/** The problem named by `?login=` in `search`; null when none or one this page does not know. */
export function readSignInProblem(search: string): SignInProblem | null {
  const value = new URLSearchParams(search).get("login");
  return fromCollector.find((problem) => problem === value) ?? null;
}

/**
 * Takes `?login=` out of the address (keeping path and hash), so a reload or a bookmark does not
 * show an old problem again. Idempotent: React may run it twice.
 */
export function forgetSignInProblem(
  location: Pick<Location, "search" | "pathname" | "hash"> | undefined = globalThis.location,
  history: Pick<History, "replaceState"> | undefined = globalThis.history,
): void {
  if (location === undefined || !new URLSearchParams(location.search).has("login")) return;
  history?.replaceState(null, "", `${location.pathname}${location.hash}`);
}

/**
 * Where the collector sends the browser back after signing in: this page's path and hash, so the
 * same view opens again. The contract allows 500 characters; past that, the page without its hash.
 */
export function signInNext(location: Pick<Location, "pathname" | "hash">): string {
  const next = `${location.pathname}${location.hash}`;
  return next.length <= 500 ? next : location.pathname.slice(0, 500);
}
