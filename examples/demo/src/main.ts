// `pnpm start`: the whole story on localhost. A local OpenID provider with the demo's staff; the
// collector (API + the survey's iframe page and host script + the meeting app + the staff pages)
// with its own PostgreSQL in the data folder; a mock kiap.dk page that embeds the survey on a
// third origin; a demo cluster seeded on first start.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildCollector, type CollectorConfig, openDatabase } from "@klynge/example-collector";
import { startIdentityProvider } from "@klynge/example-identity-provider";
import { demoDomains, demoUsers } from "./demoUsers.js";
import { kiapPage } from "./kiapPage.js";
import { demoRounds, seedDemo } from "./seed.js";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const path = (p: string) => join(repo, p);
const host = "127.0.0.1";
const collectorPort = Number(process.env.KLYNGE_DEMO_PORT ?? 5174);
const kiapPort = Number(process.env.KLYNGE_DEMO_KIAP_PORT ?? 5173);
const idpPort = Number(process.env.KLYNGE_DEMO_IDP_PORT ?? 5175);
const collector = `http://${host}:${collectorPort}`;
const kiap = `http://${host}:${kiapPort}`;
const dataDir = process.env.DATA_DIR ?? path(".data/demo");

const needed = [
  "packages/widget/dist/embed.js",
  "packages/widget/dist/frame/index.html",
  "examples/meeting-app/dist/index.html",
  "examples/coordinator/dist/index.html",
];
const missing = needed.filter((p) => !existsSync(path(p)));
if (missing.length > 0) {
  console.error(`Build first (\`pnpm build\`); missing: ${missing.join(", ")}`);
  process.exit(1);
}

const users = demoUsers(dataDir);
// A new client secret per start: the provider and the collector are started together.
const client = { clientId: "klynge-demo", clientSecret: randomBytes(24).toString("base64url") };
const idp = await startIdentityProvider({
  host,
  port: idpPort,
  users: Object.values(users),
  clients: [
    {
      ...client,
      redirectUris: [`${collector}/auth/callback`],
      postLogoutRedirectUris: [`${collector}/coordinator/?login=signed-out`],
    },
  ],
});

const config: CollectorConfig = {
  publicUrl: collector,
  oidc: { issuer: idp.issuer, ...client, allowedEmailDomains: demoDomains },
  // Staff are signed out when the demo restarts: the secret is new each time.
  sessionSecret: randomBytes(32).toString("base64url"),
  sessionHours: 8,
  embedders: [kiap],
  adminEmails: [users.admin.email],
  trustProxy: false,
  retentionCheckMinutes: 60,
};
const db = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: join(dataDir, "postgres"),
});
const app = await buildCollector({
  db,
  config,
  home: "/coordinator/",
  sites: [
    { prefix: "/frame/", root: path("packages/widget/dist/frame"), kind: "frame" },
    { prefix: "/app/", root: path("examples/meeting-app/dist"), kind: "page" },
    { prefix: "/coordinator/", root: path("examples/coordinator/dist"), kind: "page" },
  ],
  files: [
    {
      path: "/embed.js",
      file: path("packages/widget/dist/embed.js"),
      type: "text/javascript; charset=utf-8",
    },
  ],
});
const seeded = await seedDemo(app, db, users, kiap);
await app.listen({ host, port: collectorPort });

const page = kiapPage({ collector, round: demoRounds.followUp });
const kiapServer = createServer((request, response) => {
  if (request.url === "/" || request.url?.startsWith("/?")) {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(page);
  } else {
    response.writeHead(404, { "content-type": "text/plain" }).end("Ikke fundet");
  }
});
await new Promise<void>((resolve) => kiapServer.listen(kiapPort, host, resolve));

const row = (label: string, user: { email: string; password: string }) =>
  `  ${label.padEnd(42)}${user.email.padEnd(34)}${user.password}`;
console.log(`
Klynge demo (${db.kind} database; ${seeded})

  kiap.dk (mock) with the embedded survey:  ${kiap}/
  Meeting app (tablets, works offline):     ${collector}/app/?round=${demoRounds.followUp}
  Staff pages (sign in):                    ${collector}/coordinator/
  Results (baseline vs follow-up):          ${collector}/coordinator/#/resultater?rounds=${demoRounds.baseline},${demoRounds.followUp}
  Sign-in service (local OpenID provider):  ${idp.issuer}

Demo staff (e-mail, password):
${row("KiAP admin", users.admin)}
${row("Coordinator, Klynge Syd", users.coordinator)}
${row("Municipality contact, Vejle Kommune", users.municipality)}
${row("Coordinator, Klynge Nord (other cluster)", users.otherCoordinator)}

Ctrl+C stops. Data: ${dataDir} (delete it to start afresh).
`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    kiapServer.close();
    void app
      .close()
      .then(() => db.close())
      .then(() => idp.close())
      .then(() => process.exit(0));
  });
}
