import type { Response } from "@klynge/engine";
import { respondentRoutes, routePath } from "@klynge/engine/contract";
import { passHeaders, type RespondentPass } from "../pass/respondentPass.js";
import { type Clock, systemClock } from "./clock.js";
import { describeError } from "./describeError.js";
import { loadReadRefusal } from "./loadReadRefusal.js";
import { parseRetryAfter } from "./parseRetryAfter.js";
import type { Transport, TransportResult } from "./transport.js";

export interface HttpTransportOptions {
  /** The collector's API root, e.g. `https://kiap.dk/api`; a trailing slash is ignored. */
  readonly baseUrl: string;
  /** Default: the global `fetch`, looked up on each request. */
  readonly fetch?: typeof fetch;
  /** A request still unanswered after this long is abandoned and retried later; default 15000. */
  readonly timeoutMs?: number;
  /** For the timeout and `Retry-After` dates; default: the system clock. */
  readonly clock?: Clock;
}

/**
 * Uploads with `PUT {baseUrl}/rounds/{roundId}/responses/{id}`: idempotent by the collector's
 * contract (the same body again is a success, another body under the same id is a 409). The
 * respondent's credential goes in its header; a refusal's contract code is read from its body.
 */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const { baseUrl, timeoutMs = 15_000, clock = systemClock } = options;
  if (typeof baseUrl !== "string" || baseUrl.trim() === "") {
    throw new TypeError(
      `createHttpTransport: pass baseUrl, the collector's API root (e.g. "https://kiap.dk/api"); received ${JSON.stringify(baseUrl)}`,
    );
  }
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new RangeError(
      `createHttpTransport: timeoutMs must be a positive number of milliseconds; received ${timeoutMs}`,
    );
  }
  const root = baseUrl.replace(/\/+$/, "");

  return {
    async put(
      response: Response,
      signal?: AbortSignal,
      pass?: RespondentPass,
    ): Promise<TransportResult> {
      if (signal?.aborted) return { kind: "retry", reason: "aborted" };
      const doFetch = options.fetch ?? globalThis.fetch;
      if (typeof doFetch !== "function") return { kind: "retry", reason: "fetch is not available" };
      let body: string;
      try {
        body = JSON.stringify(response);
      } catch (error) {
        // Kept in the outbox as failed, for the coordinator: retrying cannot help.
        return {
          kind: "rejected",
          status: 0,
          message: `not serializable: ${describeError(error)}`,
        };
      }
      // The contract's path, below the API root the caller gave.
      const path = routePath(respondentRoutes.putResponse.path, {
        round: response.roundId,
        response: response.id,
      });
      const url = `${root}/${path.slice("/api/".length)}`;

      const controller = new AbortController();
      let timedOut = false;
      const timer = clock.setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      const forwardAbort = () => controller.abort();
      signal?.addEventListener("abort", forwardAbort, { once: true });
      try {
        // Called unbound: `options.fetch(...)` would throw "Illegal invocation" in browsers.
        const reply = await doFetch(url, {
          method: "PUT",
          headers: { "content-type": "application/json", ...passHeaders(pass) },
          body,
          credentials: "omit",
          cache: "no-store",
          // A redirect is never an acknowledgement (a captive portal's 303 would turn the PUT into a GET that answers 200).
          redirect: "error",
          signal: controller.signal,
        });
        return await classify(reply, clock.now());
      } catch (error) {
        if (timedOut) return { kind: "retry", reason: `timed out after ${timeoutMs} ms` };
        if (signal?.aborted) return { kind: "retry", reason: "aborted" };
        return { kind: "retry", reason: `network error: ${describeError(error)}` };
      } finally {
        clock.clearTimeout(timer);
        signal?.removeEventListener("abort", forwardAbort);
      }
    },
  };
}

async function classify(reply: globalThis.Response, now: number): Promise<TransportResult> {
  const { status } = reply;
  if (status >= 400 && status < 500 && !isTransient(status) && status !== 409) {
    // In the frame, loaded only for a refusal (rare, and the server is there to serve it).
    const readRefusal = await loadReadRefusal();
    const refusal = await readRefusal(reply);
    return refusal.code === undefined
      ? { kind: "rejected", status, message: refusal.message }
      : { kind: "rejected", status, code: refusal.code, message: refusal.message };
  }
  // The body of any other answer is not needed; releasing it frees the connection.
  reply.body?.cancel().catch(() => undefined);
  if (status >= 200 && status < 300) return { kind: "stored" };
  if (status === 409) return { kind: "conflict" };
  const retryAfterMs = parseRetryAfter(reply.headers.get("retry-after"), now);
  const reason = isTransient(status) ? `HTTP ${status}` : `unexpected HTTP status ${status}`;
  return retryAfterMs === undefined
    ? { kind: "retry", reason }
    : { kind: "retry", reason, retryAfterMs };
}

function isTransient(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || (status >= 500 && status < 600);
}
