// `pnpm start`: the whole story on localhost. The collector (API + the widget's iframe page and
// host script + the meeting app + the coordinator's pages) on one origin, a mock kiap.dk page
// that embeds the survey on another, and a database seeded with a demo cluster on first start.
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../database.js";
import { buildCollector } from "../server.js";
import { kiapPage } from "./kiapPage.js";
import { demoRounds, seedDemo } from "./seed.js";

const repo = fileURLToPath(new URL("../../../../", import.meta.url));
const path = (p: string) => `${repo}${p}`;
const host = "127.0.0.1";
const collectorPort = Number(process.env.KLYNGE_DEMO_PORT ?? 5174);
const kiapPort = Number(process.env.KLYNGE_DEMO_KIAP_PORT ?? 5173);
const collector = `http://${host}:${collectorPort}`;
const kiap = `http://${host}:${kiapPort}`;

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

const db = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.DATA_DIR ?? path(".data/demo"),
});
const app = await buildCollector({
  db,
  home: "/coordinator/",
  sites: [
    {
      prefix: "/frame/",
      root: path("packages/widget/dist/frame"),
      // Who may show the survey in a frame: the (mock) kiap.dk and the collector itself.
      headers: { "content-security-policy": `frame-ancestors 'self' ${kiap}` },
    },
    { prefix: "/app/", root: path("examples/meeting-app/dist") },
    { prefix: "/coordinator/", root: path("examples/coordinator/dist") },
  ],
  files: [
    {
      path: "/embed.js",
      file: path("packages/widget/dist/embed.js"),
      type: "text/javascript; charset=utf-8",
    },
  ],
});
const seeded = await seedDemo(app);
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

console.log(`
Klynge demo (${db.kind}; ${seeded})

  kiap.dk (mock) with the embedded survey:  ${kiap}/
  Meeting app (tablets, works offline):     ${collector}/app/?round=${demoRounds.followUp}
  Coordinator: new round:                   ${collector}/coordinator/#/ny-runde
  Results (baseline vs follow-up):          ${collector}/coordinator/#/resultater?rounds=${demoRounds.baseline},${demoRounds.followUp}
  API:                                      ${collector}/api/rounds

Ctrl+C stops. Data: ${process.env.DATABASE_URL ? "DATABASE_URL" : (process.env.DATA_DIR ?? ".data/demo")} (delete it to start afresh).
`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    kiapServer.close();
    void app
      .close()
      .then(() => db.close())
      .then(() => process.exit(0));
  });
}
