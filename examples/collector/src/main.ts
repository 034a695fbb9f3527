// The collector as a service: `node dist/main.js`. Every setting is an environment variable (the
// collector's README, "Running it for real"); an unsafe configuration is refused at start.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { ConfigError, readConfig, unsafeSettings } from "./config.js";
import { openDatabase } from "./database.js";
import { DataDirectoryError } from "./dataDirectoryError.js";
import { buildCollector, type StaticFile, type StaticSite } from "./server.js";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let config: ReturnType<typeof readConfig>;
try {
  config = readConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}
const problems = unsafeSettings(config);
if (problems.length > 0) {
  if (process.env.KLYNGE_INSECURE_DEV !== "1") {
    fail(
      `Refusing to start: this configuration is not safe for real users.\n- ${problems.join("\n- ")}\n` +
        "(For development on localhost only: KLYNGE_INSECURE_DEV=1.)",
    );
  }
  console.warn(`KLYNGE_INSECURE_DEV=1: starting although\n- ${problems.join("\n- ")}`);
}

// The built pages, when a deployment copies them into KLYNGE_PUBLIC_DIR (see the README).
const publicDir = process.env.KLYNGE_PUBLIC_DIR;
const sites: StaticSite[] = [];
const files: StaticFile[] = [];
if (publicDir !== undefined && publicDir !== "") {
  const dir = resolve(publicDir);
  for (const [prefix, sub, kind] of [
    ["/frame/", "frame", "frame"],
    ["/app/", "app", "page"],
    ["/coordinator/", "coordinator", "page"],
  ] as const) {
    if (existsSync(join(dir, sub, "index.html")))
      sites.push({ prefix, root: join(dir, sub), kind });
  }
  files.push({
    path: "/embed.js",
    file: join(dir, "embed.js"),
    type: "text/javascript; charset=utf-8",
  });
}

let db: Awaited<ReturnType<typeof openDatabase>>;
try {
  db = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.DATA_DIR ?? ".data/collector",
  });
} catch (error) {
  if (error instanceof DataDirectoryError) fail(error.message);
  throw error;
}
const app = await buildCollector({
  db,
  config,
  sites,
  files,
  home: "/coordinator/",
  logger: true,
  ...(process.env.KLYNGE_UPLOADS_PER_MINUTE
    ? { uploadsPerMinute: Number(process.env.KLYNGE_UPLOADS_PER_MINUTE) }
    : {}),
});
await app.listen({ host: process.env.HOST ?? "127.0.0.1", port: Number(process.env.PORT ?? 8787) });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void app.close().then(() => db.close());
  });
}
