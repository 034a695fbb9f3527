import type { SessionInfo } from "@klynge/engine/contract";
import type { ApiError } from "../api/apiResult.js";
import type { SignInProblem } from "./signInProblem.js";

/** A signed-in session as `GET /api/session` gives it. */
export type SignedInSession = Extract<SessionInfo, { readonly csrfToken: string }>;

export type SessionState =
  | { readonly status: "loading" }
  | { readonly status: "signed-out"; readonly problem: SignInProblem | null }
  | { readonly status: "signed-in"; readonly session: SignedInSession }
  /** The session could not be read (server unreachable): neither page can be shown. */
  | { readonly status: "failed"; readonly error: ApiError };

export type SessionEvent =
  /** `problem`: from `?login=`, shown when the reply says nobody is signed in. */
  | { readonly type: "loaded"; readonly info: SessionInfo; readonly problem: SignInProblem | null }
  | { readonly type: "failed"; readonly error: ApiError }
  /** Any call was refused with `signed_out`. */
  | { readonly type: "expired" }
  | { readonly type: "retry" };

export const initialSessionState: SessionState = { status: "loading" };

/** The session's transitions; no I/O (the app reads the session and signs out). */
export function sessionReducer(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case "loaded":
      return event.info.user === null
        ? { status: "signed-out", problem: event.problem }
        : { status: "signed-in", session: event.info as SignedInSession };
    case "failed":
      return { status: "failed", error: event.error };
    case "expired":
      return state.status === "signed-in" ? { status: "signed-out", problem: "expired" } : state;
    case "retry":
      return { status: "loading" };
  }
}
