import {
  type ApiErrorCode,
  type PassStatus,
  respondentRoutes,
  routePath,
} from "@klynge/engine/contract";
import { loadReadRefusal } from "../sync/loadReadRefusal.js";
import { passHeaders, type RespondentPass } from "./respondentPass.js";

/** What `GET …/pass` said about a credential (or about none), before anyone answers. */
export type PassCheck =
  /** It lets the respondent answer now. */
  | { readonly state: "usable"; readonly status: PassStatus }
  /**
   * It does not: `code` is the contract's reason, from the refusal or worked out from a status
   * that says `usable: false` (then `status` is given too).
   */
  | { readonly state: "refused"; readonly code: ApiErrorCode; readonly status?: PassStatus }
  /** No answer that says either (offline, timeout, an older collector): the upload will tell. */
  | { readonly state: "unknown"; readonly reason: string };

export interface CheckPassOptions {
  /** Default: the global `fetch`. */
  readonly fetch?: typeof fetch;
  /** For telling an expired meeting key from a revoked one. Default `() => new Date()`. */
  readonly now?: () => Date;
  /** Default 10000. */
  readonly timeoutMs?: number;
}

/**
 * Asks the collector (`GET {api}rounds/{round}/pass`, the credential in its header) whether the
 * respondent may answer, so a spent link is said at once instead of after the answers.
 */
export async function checkPass(
  api: URL,
  roundId: string,
  pass: RespondentPass | undefined,
  options: CheckPassOptions = {},
): Promise<PassCheck> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const path = routePath(respondentRoutes.passStatus.path, { round: roundId }).slice(
    "/api/".length,
  );
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 10_000);
  try {
    const reply = await doFetch(new URL(path, api), {
      headers: { accept: "application/json", ...passHeaders(pass) },
      credentials: "omit",
      cache: "no-store",
      signal: controller.signal,
    });
    if (reply.status >= 400 && reply.status < 500) {
      // In the frame, loaded only for a refusal (rare, and the server is there to serve it).
      const readRefusal = await loadReadRefusal();
      const refusal = await readRefusal(reply);
      return refusal.code === undefined
        ? { state: "unknown", reason: `HTTP ${reply.status}: ${refusal.message}` }
        : { state: "refused", code: refusal.code };
    }
    if (!reply.ok) return { state: "unknown", reason: `HTTP ${reply.status}` };
    const parsed = respondentRoutes.passStatus.reply.safeParse(await reply.json());
    if (!parsed.success) return { state: "unknown", reason: "not a pass status" };
    const status = parsed.data;
    if (status.usable) return { state: "usable", status };
    return {
      state: "refused",
      code: unusableReason(status, options.now?.() ?? new Date()),
      status,
    };
  } catch (error) {
    return { state: "unknown", reason: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** The status says only `usable: false`; its other fields tell why. */
function unusableReason(status: PassStatus, now: Date): ApiErrorCode {
  switch (status.kind) {
    case "invitation":
      return "invitation_spent";
    case "open-link":
      return "answers_full";
    case "meeting-key":
      if (now.getTime() >= Date.parse(status.validUntil)) return "meeting_key_expired";
      return status.remaining === 0 ? "answers_full" : "meeting_key_revoked";
  }
}
