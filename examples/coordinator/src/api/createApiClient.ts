import type { Issue } from "@klynge/engine";
import {
  apiErrors,
  type BodyOf,
  type ContractSchema,
  errorBodySchema,
  type ParamsOf,
  parseWithSchema,
  type ReplyOf,
  type RouteDefinition,
  type RouteName,
  routePath,
  routes,
  toApiIssue,
} from "@klynge/engine/contract";
import { type ApiError, type ApiResult, type Result, refusalOf } from "./apiResult.js";
import { clientErrors } from "./clientErrors.js";

type RouteOf<N extends RouteName> = (typeof routes)[N];
type InputOf<S> = S extends { readonly _zod: { readonly input: infer I } } ? I : never;
type QueryOf<N extends RouteName> = RouteOf<N> extends { query: infer Q } ? InputOf<Q> : never;
/** `{}`: an object with no required key is what an omitted part stands for. */
type Nothing = Record<never, never>;

/** What a call of route `N` takes: its path parameters, query and body, each when it has one. */
export type ApiRequest<N extends RouteName> = (RouteOf<N> extends { params: ContractSchema }
  ? { readonly params: ParamsOf<N> }
  : { readonly params?: undefined }) &
  (RouteOf<N> extends { query: ContractSchema }
    ? Nothing extends QueryOf<N>
      ? { readonly query?: QueryOf<N> }
      : { readonly query: QueryOf<N> }
    : { readonly query?: undefined }) &
  (RouteOf<N> extends { body: unknown }
    ? { readonly body: BodyOf<N> }
    : { readonly body?: undefined });

/** The request may be left out when the route needs none of its parts. */
export type ApiArgs<N extends RouteName> =
  Nothing extends ApiRequest<N> ? [request?: ApiRequest<N>] : [request: ApiRequest<N>];

export interface ApiClientOptions {
  /** The collector's root; the contract's paths (`/api/…`, `/auth/…`) resolve against it. Default: this page's origin. */
  readonly base?: URL | string;
  /** Default: the global `fetch`, read at each call (tests stub it). */
  readonly fetch?: typeof fetch;
  /** The session's CSRF token, read at each POST, PUT, PATCH and DELETE. Default: none. */
  readonly csrfToken?: () => string | undefined;
  /** Called when a call is refused with `signed_out` (the session ended). Default: nothing. */
  readonly onSignedOut?: (error: ApiError) => void;
}

export interface ApiClient {
  /**
   * Calls route `name` of the contract: checks the request with the route's own schemas (what the
   * server would refuse is refused here, unsent), sends JSON or CSV, and checks the reply with the
   * route's `reply` schema (a CSV as text, a workbook as its bytes), or a refusal with
   * `errorBodySchema`. Never throws on what the server sends.
   */
  call<N extends RouteName>(name: N, ...request: ApiArgs<N>): Promise<ApiResult<ReplyOf<N>>>;
  /** The address of route `name`, for a link or a navigation (the sign-in flow). */
  url<N extends RouteName>(name: N, ...request: ApiArgs<N>): string;
}

const stateChanging = new Set(["POST", "PUT", "PATCH", "DELETE"]);

interface LooseRequest {
  readonly params?: Readonly<Record<string, string>> | undefined;
  readonly query?: Readonly<Record<string, string | undefined>> | undefined;
  readonly body?: unknown;
}

// The engine's issues found here get their words as the server's would: one shape for the pages.
function refusal(code: keyof typeof apiErrors, issues: readonly Issue[] = []): ApiError {
  const { status, da, en } = apiErrors[code];
  return { code, status, message: { da, en }, issues: issues.map(toApiIssue) };
}

function clientError(
  code: keyof typeof clientErrors,
  status: number,
  issues: readonly Issue[] = [],
): ApiError {
  return { code, status, message: clientErrors[code], issues: issues.map(toApiIssue) };
}

/** The route's own schemas over the request, with the codes the server gives the same faults. */
function checkRequest(route: RouteDefinition, request: LooseRequest): ApiError | undefined {
  if (route.params !== undefined) {
    const params = parseWithSchema(route.params, request.params ?? {}, ["params"]);
    if (!params.success) return refusal("invalid_id", params.issues);
  }
  if (route.query !== undefined) {
    const query = parseWithSchema(route.query, request.query ?? {}, ["query"]);
    if (!query.success) return refusal("bad_request", query.issues);
  }
  if (route.body === "csv") {
    if (typeof request.body !== "string") return refusal("unsupported_media_type");
  } else if (route.body !== undefined) {
    const body = parseWithSchema(route.body, request.body);
    if (!body.success) return refusal("bad_request", body.issues);
  }
  return undefined;
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function acceptOf(reply: RouteDefinition["reply"]): string {
  if (reply === "csv") return "text/csv";
  return reply === "xlsx" ? xlsxType : "application/json";
}

function buildUrl(route: RouteDefinition, request: LooseRequest, base: URL | string): URL {
  const url = new URL(routePath(route.path, request.params), base);
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  return url;
}

async function readJson(response: Response): Promise<Result<unknown, ApiError>> {
  try {
    return { success: true, data: await response.json() };
  } catch {
    return { success: false, issues: [clientError("invalid_reply", response.status)] };
  }
}

function defaultBase(): string {
  const location = (globalThis as { location?: Location }).location;
  if (location === undefined) {
    throw new TypeError(
      'createApiClient: no `base` was given and there is no `location` to take it from; pass `base`, e.g. new URL("https://klynge.example/").',
    );
  }
  return location.origin;
}

/** A typed client of the collector's contract (`@klynge/engine/contract`). */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const base = () => options.base ?? defaultBase();

  function fail<T>(error: ApiError): ApiResult<T> {
    if (error.code === "signed_out") options.onSignedOut?.(error);
    return { success: false, issues: [error] };
  }

  async function send(route: RouteDefinition, request: LooseRequest): Promise<ApiResult<unknown>> {
    const invalid = checkRequest(route, request);
    if (invalid !== undefined) return { success: false, issues: [invalid] };
    const headers: Record<string, string> = { accept: acceptOf(route.reply) };
    let body: string | undefined;
    if (route.body === "csv") {
      headers["content-type"] = "text/csv; charset=utf-8";
      body = request.body as string;
    } else if (route.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(request.body);
    }
    if (stateChanging.has(route.method)) {
      const token = options.csrfToken?.();
      if (token !== undefined && token !== "") headers["x-csrf-token"] = token;
    }

    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(buildUrl(route, request, base()), {
        method: route.method,
        headers,
        credentials: "same-origin",
        ...(body === undefined ? {} : { body }),
      });
    } catch {
      return fail(clientError("unreachable", 0));
    }

    if (!response.ok) {
      const read = await readJson(response);
      const parsed = read.success ? parseWithSchema(errorBodySchema, read.data) : undefined;
      if (parsed?.success !== true) return fail(clientError("invalid_reply", response.status));
      const { code, message, issues = [] } = parsed.data.error;
      return fail({ code, status: response.status, message, issues });
    }
    if (route.reply === "xlsx") {
      return { success: true, data: await response.arrayBuffer(), status: response.status };
    }
    if (route.reply === "csv") {
      // Kept with its byte-order mark, which tells Excel the file is UTF-8 (`text()` drops it).
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(
        await response.arrayBuffer(),
      );
      return { success: true, data: text, status: response.status };
    }
    const read = await readJson(response);
    if (!read.success) return fail(refusalOf(read));
    const reply = parseWithSchema(route.reply as ContractSchema, read.data);
    return reply.success
      ? { success: true, data: reply.data, status: response.status }
      : fail(clientError("invalid_reply", response.status, reply.issues));
  }

  return {
    call<N extends RouteName>(name: N, ...args: ApiArgs<N>) {
      const route: RouteDefinition = routes[name];
      if (route.reply === "redirect") {
        throw new TypeError(
          `call("${name}"): the route answers with a redirect for the browser to follow; navigate to client.url("${name}", …) instead.`,
        );
      }
      return send(route, (args[0] ?? {}) as LooseRequest) as Promise<ApiResult<ReplyOf<N>>>;
    },
    url<N extends RouteName>(name: N, ...args: ApiArgs<N>) {
      return buildUrl(routes[name], (args[0] ?? {}) as LooseRequest, base()).href;
    },
  };
}
