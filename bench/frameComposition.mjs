// Issue 17: what the frame's own JS is made of. Not part of `pnpm bench`; a tool for working on
// the widget's bytes (firstQuestion.bench.mjs keeps the figures):
//
//   node bench/frameComposition.mjs [--top 60]
//
// Builds `packages/widget/vite.frame.config.ts` in memory (nothing written) and prints, for each
// chunk but the vendor ones (SurveyJS, React), its size minified and gzip 9, then its modules by
// folder and one by one: the size each module takes in the chunk (rolldown's `renderedLength`)
// and that code gzipped alone (gzip of parts does not add up to the chunk's; it ranks them).
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = fileURLToPath(new URL("../", import.meta.url));
const widgetDir = join(root, "packages", "widget");
const requireFromWidget = createRequire(join(widgetDir, "package.json"));
const { build } = /** @type {typeof import("vite")} */ (
  await import(requireFromWidget.resolve("vite"))
);
const at = process.argv.indexOf("--top");
const top = at === -1 ? 60 : Number(process.argv[at + 1]);

const kib = (/** @type {number} */ bytes) => (bytes / 1024).toFixed(1).padStart(6);
const gzip = (/** @type {string} */ code) => gzipSync(code, { level: 9 }).length;
/** The path below the repository, or the package's own path below node_modules. */
const short = (/** @type {string} */ id) =>
  id
    .replace(/^\0/, "")
    .replace(/.*[\\/]node_modules[\\/]\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/]/, "npm:")
    .replace(root, "");

/** @type {string[]} */
const lines = [];
process.chdir(widgetDir);
await build({
  configFile: join(widgetDir, "vite.frame.config.ts"),
  logLevel: "error",
  build: { write: false },
  plugins: [
    {
      name: "klynge-frame-composition",
      generateBundle(_, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== "chunk" || /(^|\/)vendor-/.test(chunk.fileName)) continue;
          lines.push(
            "",
            `${chunk.fileName}${chunk.isEntry ? " (entry)" : ""}: min ${kib(chunk.code.length)} KiB, gzip ${kib(gzip(chunk.code))} KiB`,
          );
          const modules = Object.entries(chunk.modules).map(([id, m]) => ({
            id: short(id),
            min: m.renderedLength,
            gzip: m.code === null ? 0 : gzip(m.code),
          }));
          /** @type {Map<string, { min: number, gzip: number }>} */
          const folders = new Map();
          for (const m of modules) {
            const folder = m.id.replace(/[\\/][^\\/]+$/, "");
            const sum = folders.get(folder) ?? { min: 0, gzip: 0 };
            folders.set(folder, { min: sum.min + m.min, gzip: sum.gzip + m.gzip });
          }
          lines.push("  by folder: min KiB, gzip alone KiB");
          for (const [folder, sum] of [...folders].sort((a, b) => b[1].min - a[1].min))
            lines.push(`  ${kib(sum.min)} ${kib(sum.gzip)}  ${folder}`);
          lines.push("  by module");
          for (const m of modules.sort((a, b) => b.min - a.min).slice(0, top))
            lines.push(`  ${kib(m.min)} ${kib(m.gzip)}  ${m.id}`);
        }
      },
    },
  ],
});
process.stdout.write(`${lines.join("\n")}\n`);
