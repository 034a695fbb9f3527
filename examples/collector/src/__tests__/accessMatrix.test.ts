import { errorBodySchema, type RouteName, routePath, routes } from "@klynge/engine/contract";
import { getPackage } from "@klynge/question-bank";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccessRule, accessTable, type Role } from "../access.js";
import { baseline, referralCsv, rehab, responseFor, uuidOf } from "./fixtures/rounds.js";
import { type Caller, startService, type TestService, testConfig } from "./fixtures/service.js";
import { startSmtpServer, type TestSmtpServer } from "./fixtures/smtpServer.js";

// The route × role matrix, generated from the authorization table: every route of the contract,
// every kind of caller, the status the table implies; and for each allowed call, a reply that
// the contract's own schema accepts (the control: the allowed role really succeeds).

type CallerName = "anonymous" | "admin" | "coordinator" | "municipality" | "otherCoordinator";

/** The roles each caller has towards Klynge Syd (the cluster every sample request is about). */
const rolesTowardsSyd: Record<CallerName, readonly Role[]> = {
  anonymous: ["anonymous"],
  admin: ["staff", "admin"],
  coordinator: ["staff", "coordinator"],
  municipality: ["staff", "municipality"],
  otherCoordinator: ["staff"],
};

/** What the table says a caller gets: "ok", or the refusal's status. */
function expected(rule: AccessRule, caller: CallerName): "ok" | 401 | 403 | 404 {
  const roles = rolesTowardsSyd[caller];
  if (rule.scope === "public") return "ok";
  if (caller === "anonymous") return 401;
  if (rule.scope === "global") {
    return (rule.allow as readonly Role[]).some(
      (r) => roles.includes(r) && r !== "coordinator" && r !== "municipality",
    )
      ? "ok"
      : 403;
  }
  const scoped: readonly Role[] = roles.filter((r) => r !== "staff");
  if (scoped.length === 0) return 404;
  return (rule.allow as readonly Role[]).some((r) => scoped.includes(r)) ? "ok" : 403;
}

let service: TestService;
let smtp: TestSmtpServer;
let dummyStaff: string;
let meetingKey: string;
let counter = 0;

/** The round the invitation and meeting-key routes are tried on (the baseline's stays as it is). */
const invitationRound = "klynge-syd.matrix-invitationer";

/** A request for route `name` that succeeds when allowed, and changes nothing other calls need. */
function sample(name: RouteName): InjectOptions {
  counter += 1;
  const n = counter;
  const definition = routes[name];
  const ownRound: Partial<Record<RouteName, string>> = {
    deleteResponses: "klynge-syd.matrix",
    closeRound: "klynge-syd.matrix",
    setOpenLink: invitationRound,
    createInvitations: invitationRound,
    listInvitations: invitationRound,
    mailTemplate: invitationRound,
    sendInvitations: invitationRound,
    createMeetingKey: invitationRound,
    listMeetingKeys: invitationRound,
    revokeMeetingKey: invitationRound,
  };
  const params: Record<string, string> = {
    cluster: "klynge-syd",
    round: ownRound[name] ?? baseline.id,
    staff: dummyStaff,
    hash: rehab.hash,
    response: uuidOf(5000 + n),
    key: meetingKey,
  };
  const url = routePath(definition.path, params);
  const bodies: Partial<Record<RouteName, unknown>> = {
    createCluster: { id: `matrix-${n}`, name: `Matrixklynge ${n}` },
    updateCluster: { name: "Klynge Syd" },
    setMember: { role: "municipality" },
    saveStaff: { email: "dummy@kiap.example", name: "Dummy" },
    setAllowedOrigins: { origins: ["https://kiap.example"] },
    publishVersion: { version: rehab },
    createRound: {
      round: { ...baseline, id: `klynge-syd.matrix-${n}` },
      version: rehab,
    },
    putResponse: { ...responseFor(5000 + n) },
    setOpenLink: { open: true },
    createInvitations: { members: [{ name: `Læge ${n}`, email: `laege${n}@praksis.example` }] },
    sendInvitations: { kind: "reminder", subject: "Påmindelse", text: "Dit link: {link}" },
    createMeetingKey: { hours: 2 },
    // The bank's own package: the same as version 1, so nothing is stored.
    uploadPackage: getPackage("rehab"),
    putRoundPlan: { plan: getPackage("rehab")?.plan },
  };
  const query: Partial<Record<RouteName, string>> = {
    report: `?rounds=${baseline.id}`,
    mailTemplate: "?kind=invitation",
  };
  const options: InjectOptions = {
    method: definition.method,
    url: `${url}${query[name] ?? ""}`,
  };
  if (name === "putReferrals") {
    return { ...options, headers: { "content-type": "text/csv" }, payload: referralCsv };
  }
  const body = bodies[name];
  return body === undefined ? options : { ...options, payload: body as object };
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  service = await startService({
    config: { ...testConfig, mail: { smtpUrl: smtp.url, from: "KiAP <klynge@kiap.example>" } },
  });
  const saved = await service.admin.request({
    method: "POST",
    url: "/api/staff",
    payload: { email: "dummy@kiap.example", name: "Dummy" },
  });
  dummyStaff = saved.json().staff.id;
  const round = await service.coordinator.request({
    method: "POST",
    url: "/api/clusters/klynge-syd/rounds",
    payload: { round: { ...baseline, id: "klynge-syd.matrix" }, version: rehab },
  });
  expect(round.statusCode).toBe(201);
  const invitations = await service.coordinator.request({
    method: "POST",
    url: "/api/clusters/klynge-syd/rounds",
    payload: { round: { ...baseline, id: invitationRound }, version: rehab },
  });
  expect(invitations.statusCode).toBe(201);
  const key = await service.coordinator.request({
    method: "POST",
    url: `/api/rounds/${invitationRound}/meeting-keys`,
    payload: { hours: 1 },
  });
  meetingKey = key.json().key.id;
}, 60_000);
afterAll(async () => {
  await service?.close();
  await smtp?.close();
});

describe("every route of the contract has a row in the authorization table, and no row is spare", () => {
  it("the table and the contract name the same routes (plus the static pages)", () => {
    expect(Object.keys(accessTable).sort()).toEqual([...Object.keys(routes), "pages"].sort());
  });
});

const callers: CallerName[] = [
  "anonymous",
  "admin",
  "coordinator",
  "municipality",
  "otherCoordinator",
];

describe.each(Object.keys(routes) as RouteName[])("%s", (name) => {
  const rule: AccessRule = accessTable[name];
  it.each(callers)("as %s", async (callerName) => {
    // Signing out ends the session: that call gets a session of its own.
    const caller: Caller =
      name === "signOut" && callerName !== "anonymous"
        ? await service.signIn(service[callerName].name)
        : service[callerName];
    const reply = await caller.request(sample(name));
    const want = expected(rule, callerName);
    if (want === "ok") {
      expect(reply.statusCode, `${name} as ${callerName}: ${reply.body}`).toBeLessThan(400);
      const definition = routes[name];
      if (definition.reply === "redirect") {
        expect(reply.statusCode).toBe(303);
        expect(reply.headers.location).toBeTypeOf("string");
      } else if (definition.reply === "csv") {
        expect(reply.headers["content-type"]).toMatch(/^text\/csv/);
      } else if (definition.reply === "xlsx") {
        expect(reply.headers["content-type"]).toBe(
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        );
      } else {
        const parsed = definition.reply.safeParse(reply.json());
        expect(parsed.success, `${name} reply: ${reply.body.slice(0, 300)}`).toBe(true);
      }
    } else {
      expect(reply.statusCode, `${name} as ${callerName}: ${reply.body}`).toBe(want);
      expect(errorBodySchema.safeParse(reply.json()).success).toBe(true);
    }
  });
});

describe("the static pages row", () => {
  it("is public: a page that does not exist is a 404 in the documented shape for everyone", async () => {
    for (const name of callers) {
      const reply = await service[name].request({ method: "GET", url: "/coordinator/findes-ikke" });
      expect(reply.statusCode).toBe(404);
      expect(errorBodySchema.safeParse(reply.json()).success).toBe(true);
    }
  });
});
