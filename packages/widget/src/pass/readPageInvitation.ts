import { readFragmentToken } from "./takeFragmentToken.js";

/** Where the frame page keeps its link's invitation in `history.state`, for a reload. */
export const invitationStateKey = "klyngeInvitation";

/**
 * The page's own invitation, read only: its link's fragment (`#invitation=…`) until the app has
 * taken it from there, then what this history entry kept.
 */
export function readPageInvitation(win: Window = window): string | undefined {
  const fromLink = readFragmentToken("invitation", win);
  if (fromLink !== undefined) return fromLink;
  const state: unknown = win.history.state;
  const kept =
    typeof state === "object" && state !== null
      ? (state as Record<string, unknown>)[invitationStateKey]
      : undefined;
  return typeof kept === "string" ? kept : undefined;
}
