import type { Issue } from "@klynge/engine";
import {
  parseRoundDocument,
  type RoundDocument,
  respondentRoutes,
  routePath,
} from "@klynge/engine/contract";
import type { Result } from "../result.js";

/** What the embed page needs from the collector: `GET {api}rounds/{round}` (the contract's `roundDocument`). */
export type EmbedRound = RoundDocument;

export type LoadRoundError =
  | { readonly code: "not_found" }
  | { readonly code: "unreachable"; readonly status?: number }
  /** For the log: what was wrong; `issues` when the engine refused the round or the version. */
  | { readonly code: "invalid"; readonly detail: string; readonly issues?: readonly Issue[] };

export type LoadRoundResult = Result<EmbedRound, LoadRoundError>;

/** Largest round document accepted, in characters (a version is a few thousand; 1 M is far beyond). */
export const maxRoundChars = 1_000_000;

function failed(issue: LoadRoundError): LoadRoundResult {
  return { success: false, issues: [issue] };
}

function invalid(detail: string, issues?: readonly Issue[]): LoadRoundResult {
  return failed(
    issues === undefined ? { code: "invalid", detail } : { code: "invalid", detail, issues },
  );
}

/**
 * Fetches the round and its version, and checks both with the engine (the version is re-hashed,
 * so a tampered document is refused), before anyone answers it.
 */
export async function loadRound(
  api: URL,
  roundId: string,
  fetchImpl: typeof fetch = fetch,
): Promise<LoadRoundResult> {
  let response: Response;
  try {
    // The contract's paths start at the site's root; `api` is where its "/api/" is.
    const path = routePath(respondentRoutes.roundDocument.path, { round: roundId }).slice(
      "/api/".length,
    );
    response = await fetchImpl(new URL(path, api), {
      headers: { accept: "application/json" },
      credentials: "omit",
    });
  } catch {
    return failed({ code: "unreachable" });
  }
  if (response.status === 404) return failed({ code: "not_found" });
  if (!response.ok) return failed({ code: "unreachable", status: response.status });
  const text = await response.text().catch(() => undefined);
  if (text === undefined) return failed({ code: "unreachable" });
  if (text.length > maxRoundChars)
    return invalid(`Round document over ${maxRoundChars} characters.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return invalid("Round document is not JSON.");
  }
  return readRoundDocument(body, roundId);
}

/**
 * Checks a round document (`{ round, version, embed? }`, as the collector serves it or a device
 * kept it) with the engine: the version is re-hashed, the round must be `roundId` and on that
 * version; so a copy changed anywhere is refused, not answered.
 */
export function readRoundDocument(body: unknown, roundId: string): LoadRoundResult {
  const parsed = parseRoundDocument(body, roundId);
  return parsed.success
    ? { success: true, data: parsed.data }
    : invalid("The round document was refused.", parsed.issues);
}
