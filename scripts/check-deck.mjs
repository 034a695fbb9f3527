// A check, not a test: builds the demo's meeting deck (the seeded baseline + follow-up, as
// "Hent PowerPoint" would) and renders it with LibreOffice, so a person can look at every slide.
// `node scripts/check-deck.mjs` after `pnpm build`. Needs LibreOffice Impress and pdftoppm
// (Debian: libreoffice-impress, poppler-utils; installed here with apt-get when root).
// Writes .ci/out/deck/deck.pptx, deck.pdf and slide-N.png, and prints the slide count.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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

const { buildCollector } = await import(join(root, "examples/collector/dist/server.js"));
const { openDatabase } = await import(join(root, "examples/collector/dist/database.js"));
const { demoRounds, seedDemo } = await import(join(root, "examples/collector/dist/demo/seed.js"));
// The embedded server in a throwaway data directory (the temp directory itself).
const dataDir = mkdtempSync(join(tmpdir(), "klynge-deck-"));
const db = await openDatabase({ dataDir });
const app = await buildCollector({ db });
await seedDemo(app);
const bundle = (
  await app.inject(`/api/report?rounds=${demoRounds.baseline},${demoRounds.followUp}`)
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
const deck = buildDeck({ ...bundle, locale: "da" });
const pptx = await deck.write({ outputType: "nodebuffer" });
await vite.close();

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "deck.pptx"), pptx);
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
