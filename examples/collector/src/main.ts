// The collector on its own: `node dist/main.js`. An embedded PostgreSQL server in DATA_DIR
// (default .data/collector), or your own PostgreSQL when DATABASE_URL is set; listens on
// HOST:PORT (default 127.0.0.1:8787).
import { openDatabase } from "./database.js";
import { buildCollector } from "./server.js";

const db = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.DATA_DIR ?? ".data/collector",
});
const app = await buildCollector({ db, logger: true });
const host = process.env.HOST ?? "127.0.0.1";
const port = Number(process.env.PORT ?? 8787);
await app.listen({ host, port });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void app.close().then(() => db.close());
  });
}
