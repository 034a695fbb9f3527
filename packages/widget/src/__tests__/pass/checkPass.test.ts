import { errorBody } from "@klynge/engine/contract";
import { describe, expect, it, vi } from "vitest";
import { checkPass } from "../../pass/checkPass.js";
import type { RespondentPass } from "../../pass/respondentPass.js";

// GET …/pass before the first question: a spent link, a revoked or expired key is said at once.

const api = new URL("https://kiap.dk/api/");
const invitation: RespondentPass = { kind: "invitation", token: "i".repeat(22) };
const key: RespondentPass = { kind: "meeting-key", token: "k".repeat(43) };
const now = () => new Date("2027-03-04T12:00:00Z");

function answering(reply: () => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    return reply();
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const keyStatus = (patch: Record<string, unknown>) => ({
  kind: "meeting-key",
  usable: false,
  validUntil: "2027-03-04T14:00:00Z",
  graceUntil: "2027-03-04T18:00:00Z",
  remaining: 4,
  ...patch,
});

describe("checkPass", () => {
  it("asks with the credential in its header, anonymously and uncached", async () => {
    const { fetch, calls } = answering(() => json({ kind: "invitation", usable: true }));
    const check = await checkPass(api, "klynge-syd.2027-03", invitation, { fetch });
    expect(check).toEqual({ state: "usable", status: { kind: "invitation", usable: true } });
    expect(calls[0]?.url).toBe("https://kiap.dk/api/rounds/klynge-syd.2027-03/pass");
    expect(calls[0]?.init).toMatchObject({
      headers: { accept: "application/json", "x-klynge-invitation": invitation.token },
      credentials: "omit",
      cache: "no-store",
    });
  });

  it("gives the contract's code of a refusal", async () => {
    for (const code of ["pass_required", "pass_unknown", "meeting_key_revoked"] as const) {
      const { status, body } = errorBody(code);
      const { fetch } = answering(() => json(body, status));
      expect(await checkPass(api, "r", undefined, { fetch })).toEqual({ state: "refused", code });
    }
  });

  it("works out why from a status that says it cannot be used", async () => {
    const ask = async (pass: RespondentPass, status: unknown) =>
      checkPass(api, "r", pass, { fetch: answering(() => json(status)).fetch, now });
    expect(await ask(invitation, { kind: "invitation", usable: false })).toMatchObject({
      state: "refused",
      code: "invitation_spent",
    });
    expect(await ask(key, keyStatus({}))).toMatchObject({ code: "meeting_key_revoked" });
    expect(await ask(key, keyStatus({ remaining: 0 }))).toMatchObject({ code: "answers_full" });
    expect(await ask(key, keyStatus({ validUntil: "2027-03-04T11:00:00Z" }))).toMatchObject({
      code: "meeting_key_expired",
    });
    expect(await ask(key, keyStatus({ usable: true }))).toMatchObject({ state: "usable" });
  });

  it("says unknown, never refused, when the collector gives no answer that says either", async () => {
    const cases: (() => Response)[] = [
      () => new Response("not found", { status: 404 }),
      () => new Response(null, { status: 503 }),
      () => json({ kind: "something-else" }),
      () => {
        throw new TypeError("Failed to fetch");
      },
    ];
    for (const reply of cases) {
      const { fetch } = answering(reply);
      expect((await checkPass(api, "r", invitation, { fetch })).state).toBe("unknown");
    }
  });
});
