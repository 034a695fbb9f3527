import {
  errorBodySchema,
  invitationHeader,
  meetingKeyHeader,
  type RouteName,
  routes,
} from "@klynge/engine/contract";
import fc from "fast-check";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passOf } from "./fixtures/respondents.js";
import { baseline, referralCsv, responseFor, uuidOf } from "./fixtures/rounds.js";
import { type Caller, startService, type TestService } from "./fixtures/service.js";

// Fuzzed requests against every route, as anyone: never a 5xx, every refusal in the documented
// shape, and nothing already stored changed. Seeded: FC_SEED=<n> replays a run.

const seed = Number(process.env.FC_SEED ?? 20261206);
const runs = 2_400;

let service: TestService;
let callers: Record<string, Caller>;
const tables = [
  "clusters",
  "staff",
  "cluster_members",
  "questionnaire_versions",
  "cluster_versions",
  "rounds",
  "responses",
  "referral_files",
  "allowed_origins",
  "invitations",
  "meeting_keys",
];
/** Tokens of the baseline's invitations and its meeting key, sent (and mangled) by the fuzzer. */
const passes: string[] = [];

async function snapshot(): Promise<Map<string, Set<string>>> {
  const rows = new Map<string, Set<string>>();
  for (const table of tables) {
    const found = await service.database.db.query<{ row: string }>(
      `select t::text as row from ${table} t`,
    );
    rows.set(table, new Set(found.map((r) => r.row)));
  }
  return rows;
}

beforeAll(async () => {
  service = await startService();
  for (let n = 1; n <= 5; n += 1) {
    await service.anonymous.request({
      method: "PUT",
      url: `/api/rounds/${baseline.id}/responses/${uuidOf(n)}`,
      headers: { "content-type": "application/json" },
      payload: JSON.stringify(responseFor(n)),
    });
  }
  const invited = await service.coordinator.request({
    method: "POST",
    url: `/api/rounds/${baseline.id}/invitations`,
    payload: { anonymous: 3 },
  });
  for (const invitation of invited.json().invitations) passes.push(passOf(invitation.link));
  const key = await service.coordinator.request({
    method: "POST",
    url: `/api/rounds/${baseline.id}/meeting-keys`,
    payload: { hours: 1 },
  });
  passes.push(passOf(key.json().key.link));
  await service.coordinator.request({
    method: "PUT",
    url: `/api/rounds/${baseline.id}/referrals`,
    headers: { "content-type": "text/csv" },
    payload: referralCsv,
  });
  const noToken = await service.signIn("koordinator@klynge-syd.example");
  callers = {
    anonymous: service.anonymous,
    coordinator: service.coordinator,
    municipality: service.municipality,
    otherCoordinator: service.otherCoordinator,
    coordinatorWithoutToken: {
      name: "no token",
      request: (options) =>
        noToken.request({ ...options, headers: { ...options.headers, "x-csrf-token": "forged" } }),
    },
  };
}, 60_000);
afterAll(() => service?.close());

const segment = fc.oneof(
  fc.constantFrom(
    "klynge-syd",
    "klynge-nord",
    baseline.id,
    uuidOf(1),
    uuidOf(4242),
    "a".repeat(64),
    "%00",
    "%",
    "%E0%A4%A",
    "..%2F..%2Fetc",
    "ø",
    "%C3%B8",
    "",
    "a".repeat(250),
    "__proto__",
    "constructor",
    "'; drop table responses; --",
  ),
  fc.string({ maxLength: 80 }).map(encodeURIComponent),
  fc.string({ unit: "binary", maxLength: 40 }).map((s) => encodeURIComponent(s)),
);

const body = fc.oneof(
  fc.constant(undefined),
  fc.json({ maxDepth: 4 }),
  fc.string({ maxLength: 300 }),
  fc.constant(JSON.stringify(responseFor(1))),
  fc
    .record({ n: fc.integer({ min: 1, max: 9999 }), choice: fc.string({ maxLength: 20 }) })
    .map(({ n, choice }) => JSON.stringify({ ...responseFor(n, choice), id: uuidOf(n) })),
  fc.anything({ maxDepth: 3 }).map((value) => {
    try {
      return JSON.stringify({ ...responseFor(7), answers: { "rehab.kendskab": value } });
    } catch {
      return "{";
    }
  }),
  fc.constant("x".repeat(70_000)),
  fc.constant(referralCsv.replace("12", "-12")),
  fc.constant('{"__proto__": {"admin": true}, "constructor": {"prototype": {}}}'),
);

const contentType = fc.constantFrom(
  undefined,
  "application/json",
  "application/json; charset=utf-8",
  "text/csv",
  "text/plain",
  "application/xml",
  "multipart/form-data; boundary=x",
  "application/x-www-form-urlencoded",
  "application/json; charset=utf-16",
);

const query = fc.oneof(
  fc.constant(""),
  fc.constantFrom(
    "?k=1",
    "?k=3",
    `?rounds=${baseline.id}`,
    `?rounds=${baseline.id},klynge-nord.x`,
    "?rounds=%00",
    "?before=-1",
    "?before=99999999999999999999",
    "?next=//evil.example",
    "?a=1&a=2",
  ),
  fc
    .dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 4 })
    .map((entries) => `?${new URLSearchParams(entries).toString()}`),
);

/** A respondent's header: none, a real token or key, a mangled one, or garbage. */
const pass = fc.option(
  fc.record({
    header: fc.constantFrom(invitationHeader, meetingKeyHeader),
    value: fc.oneof(
      fc.constantFrom(0, 1, 2, 3).map((i) => passes[i] ?? ""),
      fc.tuple(fc.constantFrom(0, 1, 2, 3), fc.nat(42)).map(([i, at]) => {
        const token = passes[i] ?? "";
        return `${token.slice(0, at)}${token[at] === "A" ? "B" : "A"}${token.slice(at + 1)}`;
      }),
      fc.string({ maxLength: 80 }),
      fc.constant(""),
    ),
  }),
  { nil: undefined },
);

const request = fc.record({
  route: fc.constantFrom(...(Object.keys(routes) as RouteName[])),
  otherMethod: fc.option(
    fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"),
    { nil: undefined },
  ),
  segments: fc.array(segment, { minLength: 3, maxLength: 3 }),
  query,
  body,
  contentType,
  pass,
  caller: fc.constantFrom(
    "anonymous",
    "coordinator",
    "municipality",
    "otherCoordinator",
    "coordinatorWithoutToken",
  ),
});

describe("fuzzed requests", () => {
  it(`${runs} requests (seed ${seed}): never a 5xx, every refusal in the documented shape, nothing stored changed`, async () => {
    const before = await snapshot();
    console.log(`fuzz seed ${seed} (FC_SEED=${seed} replays it)`);
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const definition = routes[r.route];
        let i = 0;
        const url = definition.path.replace(/:[a-z]+/g, () => r.segments[i++] ?? "x") + r.query;
        const options: InjectOptions = {
          method: (r.otherMethod ?? definition.method) as NonNullable<InjectOptions["method"]>,
          url,
          headers: {
            ...(r.contentType === undefined ? {} : { "content-type": r.contentType }),
            ...(r.pass === undefined ? {} : { [r.pass.header]: r.pass.value }),
          },
          ...(r.body === undefined ? {} : { payload: r.body }),
        };
        const reply = await (callers[r.caller] as Caller).request(options);
        expect(
          reply.statusCode,
          `${options.method} ${url}: ${reply.body.slice(0, 200)}`,
        ).toBeLessThan(500);
        if (reply.statusCode >= 400 && options.method !== "HEAD") {
          refused += 1;
          const parsed = errorBodySchema.safeParse(reply.json());
          expect(parsed.success, `${options.method} ${url}: ${reply.body.slice(0, 200)}`).toBe(
            true,
          );
        }
      }),
      { numRuns: runs, seed },
    );
    expect(refused).toBeGreaterThan(runs / 2);
    const after = await snapshot();
    for (const table of tables) {
      const kept = after.get(table) as Set<string>;
      const lost = [...(before.get(table) as Set<string>)].filter((row) => !kept.has(row));
      expect(lost, table).toEqual([]);
    }
  }, 120_000);
});
