import {
  type Issue,
  type LocalizedMessage,
  parseReport,
  parseRound,
  type QuestionnaireVersion,
  type ReferralRateReport,
  type Report,
  type Round,
} from "@klynge/engine";
import { loadRound } from "@klynge/widget";
import { readReferrals } from "./readReferrals.js";

/** A round as `GET /api/rounds` lists it. */
export interface RoundEntry {
  readonly round: Round;
  readonly versionLabel: string;
  readonly responses: number;
}

export interface ReportBundle {
  readonly report: Report;
  readonly referrals: ReferralRateReport | null;
  readonly generatedAt: string;
}

export interface NewRound {
  readonly round: Round;
  readonly version: QuestionnaireVersion;
  readonly embed: { readonly shareAnswersWith: readonly string[] };
}

export type ClientError =
  /** No answer, or not the answer the contract promises. */
  | { readonly code: "unreachable"; readonly status?: number }
  /** The server answered with the contract's error body. */
  | {
      readonly code: "refused";
      readonly status: number;
      readonly message?: LocalizedMessage;
      readonly issues: readonly Issue[];
    }
  /** The body did not have the contract's shape; `issues` when the engine said why. */
  | { readonly code: "invalid"; readonly issues: readonly Issue[] };

export type ClientResult<T> =
  | { readonly ok: true; readonly value: T; readonly status: number }
  | { readonly ok: false; readonly error: ClientError };

/**
 * The collector's HTTP API (examples/collector/API.md), relative to `api` (e.g. `…/api/`).
 * `fetchImpl` is read at each call, so tests can stub the global `fetch`.
 */
export interface CollectorClient {
  listRounds(): Promise<ClientResult<RoundEntry[]>>;
  createRound(body: NewRound): Promise<ClientResult<"created" | "same">>;
  report(roundIds: readonly string[]): Promise<ClientResult<ReportBundle>>;
  /** The round's questionnaire version, re-hashed by the engine. */
  roundVersion(roundId: string): Promise<ClientResult<QuestionnaireVersion>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isMessage(value: unknown): value is LocalizedMessage {
  return isRecord(value) && typeof value.da === "string" && typeof value.en === "string";
}

function isIssue(value: unknown): value is Issue {
  return (
    isRecord(value) &&
    typeof value.code === "string" &&
    Array.isArray(value.path) &&
    isMessage(value.message)
  );
}

async function call(
  url: URL,
  init: RequestInit,
  fetchImpl: typeof fetch | undefined,
): Promise<{ status: number; body: unknown } | { error: ClientError }> {
  let response: Response;
  try {
    response = await (fetchImpl ?? fetch)(url, {
      ...init,
      headers: { accept: "application/json", ...init.headers },
      credentials: "same-origin",
    });
  } catch {
    return { error: { code: "unreachable" } };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return { status: response.status, body };
  if (isRecord(body) && isRecord(body.error)) {
    const { message, issues } = body.error;
    return {
      error: {
        code: "refused",
        status: response.status,
        ...(isMessage(message) ? { message } : {}),
        issues: Array.isArray(issues) ? issues.filter(isIssue) : [],
      },
    };
  }
  return { error: { code: "unreachable", status: response.status } };
}

function readRoundEntries(body: unknown): RoundEntry[] | undefined {
  if (!isRecord(body) || !Array.isArray(body.rounds)) return undefined;
  const entries: RoundEntry[] = [];
  for (const item of body.rounds) {
    if (!isRecord(item) || typeof item.responses !== "number") return undefined;
    const round = parseRound(item.round);
    if (!round.success) return undefined;
    entries.push({
      round: round.data,
      versionLabel: typeof item.versionLabel === "string" ? item.versionLabel : "",
      responses: item.responses,
    });
  }
  return entries;
}

export function createCollectorClient(api: URL, fetchImpl?: typeof fetch): CollectorClient {
  return {
    async listRounds() {
      const result = await call(new URL("rounds", api), { method: "GET" }, fetchImpl);
      if ("error" in result) return { ok: false, error: result.error };
      const entries = readRoundEntries(result.body);
      return entries === undefined
        ? { ok: false, error: { code: "invalid", issues: [] } }
        : { ok: true, value: entries, status: result.status };
    },

    async createRound(body) {
      const result = await call(
        new URL("rounds", api),
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        },
        fetchImpl,
      );
      if ("error" in result) return { ok: false, error: result.error };
      return { ok: true, value: result.status === 201 ? "created" : "same", status: result.status };
    },

    async roundVersion(roundId) {
      // The widget's loader: fetched, re-hashed and checked to be this round's version.
      const loaded = await loadRound(api, roundId, fetchImpl ?? fetch);
      if (loaded.ok) return { ok: true, value: loaded.value.version, status: 200 };
      const error = loaded.error;
      if (error.code === "invalid")
        return { ok: false, error: { code: "invalid", issues: error.issues ?? [] } };
      return {
        ok: false,
        error: {
          code: "unreachable",
          status: error.code === "not_found" ? 404 : (error.status ?? 0),
        },
      };
    },

    async report(roundIds) {
      // Literal commas, as the contract writes them (round ids need no escaping, but get it).
      const url = new URL(`report?rounds=${roundIds.map(encodeURIComponent).join(",")}`, api);
      const result = await call(url, { method: "GET" }, fetchImpl);
      if ("error" in result) return { ok: false, error: result.error };
      const body = result.body;
      if (!isRecord(body)) return { ok: false, error: { code: "invalid", issues: [] } };
      const report = parseReport(body.report);
      if (!report.success) return { ok: false, error: { code: "invalid", issues: report.issues } };
      const referrals = body.referrals === null ? null : readReferrals(body.referrals);
      if (referrals === undefined || typeof body.generatedAt !== "string") {
        return { ok: false, error: { code: "invalid", issues: [] } };
      }
      return {
        ok: true,
        value: { report: report.data, referrals, generatedAt: body.generatedAt },
        status: result.status,
      };
    },
  };
}
