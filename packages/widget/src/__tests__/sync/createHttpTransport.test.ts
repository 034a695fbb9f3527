import { createIssue } from "@klynge/engine";
import { errorBody } from "@klynge/engine/contract";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createHttpTransport } from "../../sync/createHttpTransport.js";
import type { TransportResult } from "../../sync/transport.js";
import { sampleResponse } from "./fakes.js";

const T0 = Date.UTC(2025, 2, 1, 9, 0, 0);

type FetchCall = { url: string; init: RequestInit };

function fakeFetch(answer: (call: FetchCall) => Response | Promise<Response>) {
  const calls: FetchCall[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), init: init ?? {} };
    calls.push(call);
    return answer(call);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

/** A fetch that answers only when aborted, like a server that never replies. */
function hangingFetch() {
  return fakeFetch(
    ({ init }) =>
      new Promise<Response>((_, reject) => {
        init.signal?.addEventListener("abort", () =>
          reject(new DOMException("The operation was aborted.", "AbortError")),
        );
      }),
  );
}

async function putWith(status: number, init: ResponseInit & { body?: BodyInit | null } = {}) {
  const { fetch } = fakeFetch(() => new Response(init.body ?? null, { ...init, status }));
  return createHttpTransport({ baseUrl: "https://kiap.dk/api", fetch }).put(sampleResponse(1));
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe("createHttpTransport", () => {
  it("PUTs the JSON body to the encoded round and response path, anonymously and uncached", async () => {
    const { fetch, calls } = fakeFetch(() => new Response(null, { status: 201 }));
    const response = { ...sampleResponse(7), roundId: "r/1 ø?" };
    const transport = createHttpTransport({ baseUrl: "https://kiap.dk/api/", fetch });

    await expect(transport.put(response)).resolves.toEqual({ kind: "stored" });

    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe(
      "https://kiap.dk/api/rounds/r%2F1%20%C3%B8%3F/responses/00000000-0000-4000-8000-000000000007",
    );
    expect(call?.init).toMatchObject({
      method: "PUT",
      headers: { "content-type": "application/json" },
      credentials: "omit",
      cache: "no-store",
      redirect: "error",
    });
    expect(JSON.parse(String(call?.init.body))).toEqual(response);
    expect(call?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it("sends the respondent's credential in its header, never in the URL, and nothing without one", async () => {
    const { fetch, calls } = fakeFetch(() => new Response(null, { status: 201 }));
    const transport = createHttpTransport({ baseUrl: "https://kiap.dk/api", fetch });
    const token = "T0k3n_-".padEnd(22, "x");
    await transport.put(sampleResponse(1), undefined, { kind: "invitation", token });
    await transport.put(sampleResponse(2), undefined, { kind: "meeting-key", token });
    await transport.put(sampleResponse(3));
    expect(calls.map((call) => call.init.headers)).toEqual([
      { "content-type": "application/json", "x-klynge-invitation": token },
      { "content-type": "application/json", "x-klynge-meeting-key": token },
      { "content-type": "application/json" },
    ]);
    expect(calls.some((call) => call.url.includes(token))).toBe(false);
  });

  it.each([
    "invitation_spent",
    "pass_unknown",
    "pass_required",
    "meeting_key_revoked",
    "meeting_key_expired",
    "answers_full",
    "invalid_response",
  ] as const)("reads the contract's code %s from a refusal's body", async (code) => {
    const { status, body } = errorBody(code);
    expect(await putWith(status, { body: JSON.stringify(body) })).toEqual({
      kind: "rejected",
      status,
      code,
      message: body.error.message.en,
    });
  });

  it("gives no code for a body that is not the collector's, or a code it does not know", async () => {
    expect(await putWith(403, { body: JSON.stringify({ message: "forbidden" }) })).toEqual({
      kind: "rejected",
      status: 403,
      message: "forbidden",
    });
    const unknown = { error: { code: "made_up", message: { da: "x", en: "y" } } };
    const result = await putWith(403, { body: JSON.stringify(unknown) });
    expect(result.kind === "rejected" && "code" in result).toBe(false);
  });

  it("calls fetch unbound, as browsers require of window.fetch", async () => {
    let receiver: unknown = "not called";
    const fetch = function (this: unknown) {
      receiver = this;
      return Promise.resolve(new Response(null, { status: 200 }));
    } as unknown as typeof globalThis.fetch;
    await createHttpTransport({ baseUrl: "https://kiap.dk/api", fetch }).put(sampleResponse(1));
    expect(receiver).toBeUndefined();
  });

  it.each([200, 201, 204])(
    "maps %i to stored (a repeated identical PUT is a success)",
    async (s) => {
      expect(await putWith(s)).toEqual({ kind: "stored" });
    },
  );

  it("maps 409 to conflict", async () => {
    expect(await putWith(409, { body: "different content" })).toEqual({ kind: "conflict" });
  });

  it.each([408, 425, 429, 500, 502, 503, 504])("maps %i to retry", async (s) => {
    expect(await putWith(s)).toEqual({ kind: "retry", reason: `HTTP ${s}` });
  });

  it.each([400, 401, 403, 404, 413, 422])("maps %i to rejected", async (s) => {
    const result = await putWith(s, { body: "nope" });
    expect(result).toEqual({ kind: "rejected", status: s, message: "nope" });
  });

  it("retries on a status it does not expect instead of dropping the response", async () => {
    expect(await putWith(302)).toEqual({ kind: "retry", reason: "unexpected HTTP status 302" });
  });

  it("honours Retry-After in seconds and as an HTTP date", async () => {
    const retryAfter = async (value: string) =>
      putWith(503, { headers: { "retry-after": value } }) as Promise<
        Extract<TransportResult, { kind: "retry" }>
      >;
    expect((await retryAfter("120")).retryAfterMs).toBe(120_000);
    expect((await retryAfter(" 0 ")).retryAfterMs).toBe(0);
    expect((await retryAfter(new Date(T0 + 90_000).toUTCString())).retryAfterMs).toBe(90_000);
    expect((await retryAfter(new Date(T0 - 90_000).toUTCString())).retryAfterMs).toBe(0);
    expect(await retryAfter("soon")).toEqual({ kind: "retry", reason: "HTTP 503" });
    expect(await retryAfter("-5")).toEqual({ kind: "retry", reason: "HTTP 503" });
    expect(await putWith(429, { headers: { "retry-after": "7" } })).toEqual({
      kind: "retry",
      reason: "HTTP 429",
      retryAfterMs: 7_000,
    });
  });

  it("summarises the engine's issues from the collector's JSON body", async () => {
    const issue = (n: number) => ({
      code: "unknown_option",
      path: ["answers", `q${n}`],
      message: { da: `Ukendt svarmulighed ${n}`, en: `Unknown option ${n}` },
    });
    const body = JSON.stringify({ issues: [1, 2, 3, 4, 5].map(issue) });
    const result = await putWith(422, { body, headers: { "content-type": "application/json" } });
    expect(result).toEqual({
      kind: "rejected",
      status: 422,
      message:
        "answers.q1: Unknown option 1; answers.q2: Unknown option 2; answers.q3: Unknown option 3 (+2 more)",
    });
    expect(await putWith(400, { body: JSON.stringify({ message: "body too large" }) })).toEqual({
      kind: "rejected",
      status: 400,
      message: "body too large",
    });
    expect(await putWith(400, { body: "", statusText: "Bad Request" })).toEqual({
      kind: "rejected",
      status: 400,
      message: "Bad Request",
    });
  });

  it("reads the collector's documented error body: its issues, else its message", async () => {
    const { body: refused } = errorBody("invalid_response", [
      createIssue("unknown_option", ["answers", "rehab.kendskab"], { value: "maaske" }),
    ]);
    const withIssues = await putWith(400, { body: JSON.stringify(refused) });
    expect(withIssues.kind === "rejected" && withIssues.message).toMatch(
      /^answers\.rehab\.kendskab: /,
    );
    const { body: gone } = errorBody("responses_deleted");
    expect(await putWith(410, { body: JSON.stringify(gone) })).toEqual({
      kind: "rejected",
      status: 410,
      code: "responses_deleted",
      message: gone.error.message.en,
    });
  });

  it("reads at most a few KB of an error body and keeps the message short", async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode("<html>".padEnd(1_024, "x"));
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const result = await putWith(403, { body: endless });
    expect(result.kind).toBe("rejected");
    expect(result.kind === "rejected" && result.message.length).toBe(300);
    expect(pulled).toBeLessThanOrEqual(8 * 1_024);
  });

  it("turns a network error into a retry, never an exception", async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError("Failed to fetch")));
    const transport = createHttpTransport({ baseUrl: "https://kiap.dk/api", fetch });
    expect(await transport.put(sampleResponse(1))).toEqual({
      kind: "retry",
      reason: "network error: TypeError: Failed to fetch",
    });
  });

  it("gives up after the timeout (15 s by default) and asks for a retry", async () => {
    const { fetch, calls } = hangingFetch();
    const transport = createHttpTransport({ baseUrl: "https://kiap.dk/api", fetch });
    const result = transport.put(sampleResponse(1));
    await vi.advanceTimersByTimeAsync(14_999);
    expect(calls[0]?.init.signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual({ kind: "retry", reason: "timed out after 15000 ms" });
    expect(vi.getTimerCount()).toBe(0);

    const quick = createHttpTransport({ baseUrl: "https://kiap.dk/api", fetch, timeoutMs: 2_000 });
    const second = quick.put(sampleResponse(2));
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(second).resolves.toEqual({ kind: "retry", reason: "timed out after 2000 ms" });
  });

  it("stops when the caller aborts, and asks for a retry", async () => {
    const { fetch } = hangingFetch();
    const transport = createHttpTransport({ baseUrl: "https://kiap.dk/api", fetch });
    const controller = new AbortController();
    const result = transport.put(sampleResponse(1), controller.signal);
    controller.abort();
    await expect(result).resolves.toEqual({ kind: "retry", reason: "aborted" });
    expect(vi.getTimerCount()).toBe(0);
    await expect(transport.put(sampleResponse(1), controller.signal)).resolves.toEqual({
      kind: "retry",
      reason: "aborted",
    });
  });

  it("throws on options a programmer got wrong, saying how to fix them", () => {
    expect(() => createHttpTransport({ baseUrl: "" })).toThrow(/pass baseUrl/);
    expect(() => createHttpTransport({ baseUrl: "https://kiap.dk/api", timeoutMs: 0 })).toThrow(
      "timeoutMs must be a positive number of milliseconds; received 0",
    );
  });
});
