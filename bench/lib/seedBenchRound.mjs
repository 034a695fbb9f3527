// A cluster ("bench"), its coordinator and one round, made through the collector's API as staff
// would make them: what the benches that run the real collector start from.
const { inProcessCaller } = await import(
  new URL("../../examples/collector/dist/index.js", import.meta.url).href
);

/** The collector's settings for an in-process bench run: http, no provider reached. */
export const benchCollectorConfig = {
  publicUrl: "http://127.0.0.1",
  oidc: {
    issuer: "http://127.0.0.1:9",
    clientId: "b",
    clientSecret: "b",
    allowedEmailDomains: [],
  },
  sessionSecret: "bench-session-secret-of-at-least-32-characters",
  sessionHours: 1,
  embedders: [],
  adminEmails: ["admin@bench.example"],
  trustProxy: false,
  retentionCheckMinutes: 0,
  linkSecret: "bench-link-secret-of-at-least-32-characters",
};

/**
 * @param {any} app the collector (`buildCollector`)
 * @param {any} db its database
 * @param {{ id: string }} round
 * @param {unknown} version
 * @returns {Promise<any>} the coordinator's in-process caller
 */
export async function seedBenchRound(app, db, round, version) {
  const admin = await inProcessCaller(app, db, "admin@bench.example");
  await admin.request({
    method: "POST",
    url: "/api/clusters",
    payload: { id: "bench", name: "Bench" },
  });
  const saved = await admin.request({
    method: "POST",
    url: "/api/staff",
    payload: { email: "coordinator@bench.example", name: "Bench" },
  });
  await admin.request({
    method: "PUT",
    url: `/api/clusters/bench/members/${saved.json().staff.id}`,
    payload: { role: "coordinator" },
  });
  const coordinator = await inProcessCaller(app, db, "coordinator@bench.example");
  const created = await coordinator.request({
    method: "POST",
    url: "/api/clusters/bench/rounds",
    payload: { round, version },
  });
  if (created.statusCode !== 201) throw new Error(`round: ${created.body}`);
  return coordinator;
}
