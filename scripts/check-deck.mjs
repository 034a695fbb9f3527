// A check, not a test: builds the demo's meeting deck (the seeded baseline + follow-up, as
// "Hent PowerPoint" would, following the round's meeting plan as the collector keeps it) and renders it with LibreOffice, so a person can look at every slide.
// `node scripts/check-deck.mjs` after `pnpm build` (the collector and the demo). Needs LibreOffice Impress and pdftoppm
// (Debian: libreoffice-impress, poppler-utils; installed here with apt-get when root).
// Writes .ci/out/deck/deck.pptx, deck.pdf and slide-N.png, and prints the slide count.
import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const out = join(root, ".ci/out/deck");
const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;

if (!has("soffice") || !has("pdftoppm")) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      "Install LibreOffice Impress and pdftoppm (Debian: libreoffice-impress poppler-utils).",
    );
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync(
    "apt-get",
    ["install", "-y", "-qq", "--no-install-recommends", "libreoffice-impress", "poppler-utils"],
    { stdio: "inherit", env },
  );
}

// The demo's seed through the collector's own API, as `pnpm start` does, in a throwaway data
// directory (the embedded PostgreSQL in it); the report as the demo's coordinator fetches it.
const collector = await import(join(root, "examples/collector/dist/index.js"));
const { demoRounds, seedDemo } = await import(join(root, "examples/demo/dist/seed.js"));
const { demoUsers } = await import(join(root, "examples/demo/dist/demoUsers.js"));
const dataDir = mkdtempSync(join(tmpdir(), "klynge-deck-"));
// Run as root, the embedded PostgreSQL runs as its own user, which must reach its directory.
chmodSync(dataDir, 0o755);
const users = demoUsers(dataDir);
const config = {
  publicUrl: "http://127.0.0.1:5174",
  // Nothing signs in: the calls below go in process, as the demo's seed does.
  oidc: {
    issuer: "http://127.0.0.1:9",
    clientId: "deck",
    clientSecret: "deck-check",
    allowedEmailDomains: [],
  },
  sessionSecret: "deck-check-session-secret-of-32-characters",
  sessionHours: 8,
  embedders: ["http://127.0.0.1:5173"],
  adminEmails: [users.admin.email],
  trustProxy: false,
  retentionCheckMinutes: 0,
  linkSecret: "deck-check-link-secret-of-32-characters!",
};
const db = await collector.openDatabase({ dataDir: join(dataDir, "postgres") });
const app = await collector.buildCollector({ db, config });
await seedDemo(app, db, users, "http://127.0.0.1:5173", config.linkSecret);
const coordinatorCaller = await collector.inProcessCaller(app, db, users.coordinator.email);
const bundle = (
  await coordinatorCaller.request({
    method: "GET",
    url: `/api/report?rounds=${demoRounds.baseline},${demoRounds.followUp}`,
  })
).json();
await app.close();
await db.close();
rmSync(dataDir, { recursive: true, force: true });

// The deck builder is the coordinator app's TypeScript module: Vite loads it for Node.
const coordinator = join(root, "examples/coordinator");
const { createServer } = await import(
  createRequire(join(coordinator, "package.json")).resolve("vite")
);
const vite = await createServer({
  root: coordinator,
  configFile: join(coordinator, "vite.config.ts"),
  logLevel: "silent",
  server: { middlewareMode: true },
});
const { buildDeck } = await vite.ssrLoadModule("/src/deck/buildDeck.ts");
// What "Hent PowerPoint" gives the deck: the bundle with the round's plan from the server.
const { deckInputFor } = await vite.ssrLoadModule("/src/deck/deckInputFor.ts");
const deck = buildDeck(deckInputFor(bundle, "da"));
const pptx = await deck.write({ outputType: "nodebuffer" });
await vite.close();

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "deck.pptx"), pptx);
// The report bundle too, so a deck change can be tried again on the same data.
writeFileSync(join(out, "bundle.json"), JSON.stringify(bundle));
execFileSync(
  "soffice",
  ["--headless", "--convert-to", "pdf", "--outdir", out, join(out, "deck.pptx")],
  { stdio: "ignore" },
);
if (!existsSync(join(out, "deck.pdf"))) throw new Error("LibreOffice did not write deck.pdf");
execFileSync("pdftoppm", ["-png", "-r", "50", join(out, "deck.pdf"), join(out, "slide")]);
const slides = readdirSync(out).filter((f) => f.startsWith("slide") && f.endsWith(".png"));
console.log(
  `deck: ${pptx.length} bytes, ${slides.length} slides rendered by LibreOffice into ${out}`,
);
if (slides.length !== deck.slides.length) {
  console.error(
    `deck: ${deck.slides.length} slides in the .pptx, ${slides.length} pages in the PDF`,
  );
  process.exit(1);
}
