import { apiErrors, errorBody } from "@klynge/engine/contract";
import { describe, expect, it, vi } from "vitest";
import { clientErrors } from "../api/clientErrors.js";
import { createApiClient } from "../api/createApiClient.js";
import { collectorStub, ok, refuse } from "./fixtures/fetchStub.js";
import { baseline } from "./fixtures/report.js";
import { coordinatorSession, klyngeSyd } from "./fixtures/sessions.js";

const base = new URL("https://klynge.example/");
const entry = {
  round: baseline,
  versionLabel: "KiAP skabelon",
  responses: 12,
  closedOn: null,
  rawDeletedOn: null,
  openLink: false,
  invitations: { invited: 0, used: 0 },
};

function clientWith(handlers: Parameters<typeof collectorStub>[0], token = "csrf-1") {
  const stub = collectorStub(handlers);
  const onSignedOut = vi.fn();
  const client = createApiClient({
    base,
    fetch: stub.fetch,
    csrfToken: () => token,
    onSignedOut,
  });
  return { stub, client, onSignedOut };
}

describe("createApiClient", () => {
  it("fills the path's parameters, percent-encoded, and parses the reply with the route's schema", async () => {
    const { stub, client } = clientWith({
      "GET /api/clusters/klynge-syd/rounds": () => ok({ rounds: [entry] }),
    });
    const result = await client.call("listRounds", { params: { cluster: "klynge-syd" } });
    expect(result).toEqual({ success: true, data: { rounds: [entry] }, status: 200 });
    expect(stub.calls[0]?.url).toBe("https://klynge.example/api/clusters/klynge-syd/rounds");
    expect(stub.calls[0]?.headers["x-csrf-token"]).toBeUndefined();
  });

  it("puts the query in the address", async () => {
    const { stub, client } = clientWith({});
    await client.call("report", { query: { rounds: "klynge-syd.2027-03,klynge-syd.2027-10" } });
    const url = new URL(stub.calls[0]?.url ?? "");
    expect(url.pathname).toBe("/api/report");
    expect(url.searchParams.get("rounds")).toBe("klynge-syd.2027-03,klynge-syd.2027-10");
  });

  it("sends JSON with the CSRF token on a state-changing call, and keeps the status of the success", async () => {
    const { stub, client } = clientWith({
      "POST /api/clusters": (_url, body) =>
        ok({ cluster: { ...klyngeSyd, ...(body as object) } }, 201),
    });
    const result = await client.call("createCluster", {
      body: { id: "klynge-syd", name: "Klynge Syd", k: 5 },
    });
    expect(result.success && result.status).toBe(201);
    const [call] = stub.calls;
    expect(call?.method).toBe("POST");
    expect(call?.headers["x-csrf-token"]).toBe("csrf-1");
    expect(call?.headers["content-type"]).toBe("application/json");
    expect(call?.body).toEqual({ id: "klynge-syd", name: "Klynge Syd", k: 5 });
  });

  it("sends the referral file as CSV text, and a DELETE with the token", async () => {
    const csv = "ydernummer;tilbud;henvisninger;tilknyttede\n012345;Diabetes;12;1500\n";
    const { stub, client } = clientWith({
      "PUT /api/rounds/klynge-syd.2027-03/referrals": () => ok({ rows: 1 }),
      "DELETE /api/rounds/klynge-syd.2027-03/responses": () =>
        ok({ round: { ...entry, rawDeletedOn: "2027-05-01" }, deleted: 12 }),
    });
    const put = await client.call("putReferrals", {
      params: { round: "klynge-syd.2027-03" },
      body: csv,
    });
    expect(put).toEqual({ success: true, data: { rows: 1 }, status: 200 });
    expect(stub.calls[0]?.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(stub.calls[0]?.headers["x-csrf-token"]).toBe("csrf-1");
    expect(stub.calls[0]?.body).toBe(csv);

    const deleted = await client.call("deleteResponses", {
      params: { round: "klynge-syd.2027-03" },
    });
    expect(deleted.success && deleted.data.deleted).toBe(12);
    expect(stub.calls[1]?.method).toBe("DELETE");
    expect(stub.calls[1]?.headers["x-csrf-token"]).toBe("csrf-1");
    expect(stub.calls[1]?.body).toBeUndefined();
  });

  it("gives a CSV reply as its text, byte-order mark kept (Excel reads it as UTF-8)", async () => {
    const { client } = clientWith({
      "GET /api/rounds/klynge-syd.2027-03/responses.csv": () => ({
        status: 200,
        text: "\ufeffid;q1\r\na;1\r\n",
        contentType: "text/csv; charset=utf-8",
      }),
    });
    const result = await client.call("exportResponses", {
      params: { round: "klynge-syd.2027-03" },
    });
    expect(result).toEqual({ success: true, data: "\ufeffid;q1\r\na;1\r\n", status: 200 });
  });

  it("gives a refusal's code, status, message and issues", async () => {
    const issue = {
      code: "csv_missing_column",
      path: ["header"],
      message: { da: "header: mangler kolonnen tilknyttede", en: "header: lacks the column" },
      expected: "tilknyttede",
    };
    const { client } = clientWith({
      "PUT /api/rounds/klynge-syd.2027-03/referrals": () => ({
        status: 400,
        body: { error: { ...errorBody("invalid_referrals").body.error, issues: [issue] } },
      }),
    });
    const result = await client.call("putReferrals", {
      params: { round: "klynge-syd.2027-03" },
      body: "x",
    });
    expect(result).toEqual({
      success: false,
      issues: [
        {
          code: "invalid_referrals",
          status: 400,
          message: { da: apiErrors.invalid_referrals.da, en: apiErrors.invalid_referrals.en },
          issues: [issue],
        },
      ],
    });
  });

  it("tells the app when the session has ended (401 signed_out), and only then", async () => {
    const { client, onSignedOut } = clientWith({
      "GET /api/staff": () => refuse("forbidden"),
      "GET /api/audit": () => refuse("signed_out"),
    });
    const forbidden = await client.call("listStaff");
    expect(!forbidden.success && forbidden.issues[0]?.code).toBe("forbidden");
    expect(onSignedOut).not.toHaveBeenCalled();
    const result = await client.call("listAudit");
    expect(!result.success && result.issues[0]?.status).toBe(401);
    expect(onSignedOut).toHaveBeenCalledTimes(1);
    expect(onSignedOut.mock.calls[0]?.[0]).toMatchObject({ code: "signed_out", status: 401 });
  });

  it("refuses a reply that does not have the route's shape, with the engine's issues", async () => {
    const { client } = clientWith({
      "GET /api/session": () => ok({ ...coordinatorSession, csrfToken: 42 }),
    });
    const result = await client.call("session");
    if (result.success) throw new Error("a csrfToken of 42 should be refused");
    expect(result.issues[0]?.code).toBe("invalid_reply");
    expect(result.issues[0]?.status).toBe(200);
    expect(result.issues[0]?.message).toEqual(clientErrors.invalid_reply);
    expect(result.issues[0]?.issues.length).toBeGreaterThan(0);
  });

  it("calls a refusal that is not the contract's (a proxy's page) an invalid reply, with its status", async () => {
    const client = createApiClient({
      base,
      fetch: async () => new Response("<html>Bad gateway</html>", { status: 502 }),
    });
    const result = await client.call("listClusters");
    expect(result).toMatchObject({
      success: false,
      issues: [{ code: "invalid_reply", status: 502 }],
    });
  });

  it("says 'unreachable' with status 0 when fetch itself fails", async () => {
    const client = createApiClient({
      base,
      fetch: async () => {
        throw new TypeError("Failed to fetch");
      },
    });
    const result = await client.call("session");
    expect(result).toEqual({
      success: false,
      issues: [{ code: "unreachable", status: 0, message: clientErrors.unreachable, issues: [] }],
    });
  });

  it("refuses, unsent, what the server would refuse by the same schema (k below 3, a bad id)", async () => {
    const { stub, client } = clientWith({});
    const low = await client.call("createCluster", {
      body: { id: "klynge-syd", name: "Klynge Syd", k: 2 },
    });
    if (low.success) throw new Error("k = 2 should be refused");
    expect(low.issues[0]?.code).toBe("bad_request");
    expect(low.issues[0]?.issues).toMatchObject([{ code: "too_small", path: ["k"], limit: 3 }]);

    const badId = await client.call("listRounds", { params: { cluster: "Klynge Syd" } });
    expect(!badId.success && badId.issues[0]?.code).toBe("invalid_id");
    expect(stub.calls).toHaveLength(0);
  });

  it("builds the sign-in address, and will not fetch a route that redirects", () => {
    const { client } = clientWith({});
    expect(client.url("signIn", { query: { next: "/coordinator/#/runder" } })).toBe(
      "https://klynge.example/auth/login?next=%2Fcoordinator%2F%23%2Frunder",
    );
    expect(() => client.call("signIn")).toThrow(/navigate to client.url\("signIn"/);
  });

  it("types each call by its route: its parameters, query, body and reply", () => {
    const client = createApiClient({ base, fetch: async () => new Response() });
    // Never run: these lines only have to compile, or fail to where marked.
    void (async () => {
      // @ts-expect-error listRounds needs the cluster's id
      await client.call("listRounds");
      // @ts-expect-error the report needs its rounds
      await client.call("report", {});
      // @ts-expect-error a cluster has no "kay"
      await client.call("createCluster", { body: { id: "a", name: "A", kay: 5 } });
      const session = await client.call("session");
      if (session.success && session.data.user !== null) {
        const token: string = session.data.csrfToken;
        void token;
      }
    });
    expect(typeof client.call).toBe("function");
  });

  it("sends no token header when there is no session", async () => {
    const stub = collectorStub({ "POST /auth/logout": () => ok({ redirectTo: "/coordinator/" }) });
    const client = createApiClient({ base, fetch: stub.fetch });
    const result = await client.call("signOut");
    expect(result.success && result.data.redirectTo).toBe("/coordinator/");
    expect(stub.calls[0]?.headers["x-csrf-token"]).toBeUndefined();
  });
});
