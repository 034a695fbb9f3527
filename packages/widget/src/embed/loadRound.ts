import {
  type Issue,
  parseQuestionnaireVersion,
  parseRound,
  type QuestionnaireVersion,
  type Round,
} from "@klynge/engine";

/** What the embed page needs from the collector: `GET {api}rounds/{round}`. */
export interface EmbedRound {
  readonly round: Round;
  readonly version: QuestionnaireVersion;
  /** Host origins that may receive the answers in `complete` when they ask (`shareAnswers`). */
  readonly shareAnswersWith: readonly string[];
}

export type LoadRoundError =
  | { readonly code: "not_found" }
  | { readonly code: "unreachable"; readonly status?: number }
  /** For the log: what was wrong; `issues` when the engine refused the round or the version. */
  | { readonly code: "invalid"; readonly detail: string; readonly issues?: readonly Issue[] };

export type LoadRoundResult =
  | { readonly ok: true; readonly value: EmbedRound }
  | { readonly ok: false; readonly error: LoadRoundError };

/** Largest round document accepted, in characters (a version is a few thousand; 1 M is far beyond). */
export const maxRoundChars = 1_000_000;

function isOriginList(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item) => typeof item === "string" && URL.canParse(item) && new URL(item).origin === item,
    )
  );
}

function invalid(detail: string, issues?: readonly Issue[]): LoadRoundResult {
  return {
    ok: false,
    error: issues === undefined ? { code: "invalid", detail } : { code: "invalid", detail, issues },
  };
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
    response = await fetchImpl(new URL(`rounds/${encodeURIComponent(roundId)}`, api), {
      headers: { accept: "application/json" },
      credentials: "omit",
    });
  } catch {
    return { ok: false, error: { code: "unreachable" } };
  }
  if (response.status === 404) return { ok: false, error: { code: "not_found" } };
  if (!response.ok) return { ok: false, error: { code: "unreachable", status: response.status } };
  const text = await response.text().catch(() => undefined);
  if (text === undefined) return { ok: false, error: { code: "unreachable" } };
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
  if (typeof body !== "object" || body === null) return invalid("Round document is not an object.");
  const { round, version, embed } = body as Record<string, unknown>;
  const parsedVersion = parseQuestionnaireVersion(version);
  if (!parsedVersion.success) return invalid("The version was refused.", parsedVersion.issues);
  const parsedRound = parseRound(round);
  if (!parsedRound.success) return invalid("The round was refused.", parsedRound.issues);
  if (parsedRound.data.versionHash !== parsedVersion.data.hash || parsedRound.data.id !== roundId) {
    return invalid("The round is not on the version sent with it, or is another round.");
  }
  const share = (embed as { shareAnswersWith?: unknown } | undefined)?.shareAnswersWith;
  return {
    ok: true,
    value: {
      round: parsedRound.data,
      version: parsedVersion.data,
      shareAnswersWith: isOriginList(share) ? share : [],
    },
  };
}
