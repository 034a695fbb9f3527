// Builds one of the browser benches' pages (bench/widget/*.html) with Vite, with the settings all
// of them share: production mode, minified, the widget's source and its dependencies' one copy.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const pagesDir = fileURLToPath(new URL("../widget/", import.meta.url));
export const widgetDir = fileURLToPath(new URL("../../packages/widget/", import.meta.url));
/** The widget's own dependencies (react, survey-core, vite, playwright-core …), one copy for all pages. */
export const requireFromWidget = createRequire(join(widgetDir, "package.json"));

/**
 * Builds `pagesDir/<html>` into `outDir`; `virtual` maps module ids the page imports
 * (`klynge-bench:…`) to their source.
 * @param {string} html
 * @param {string} outDir
 * @param {Record<string, string>} virtual
 */
export async function buildBenchPage(html, outDir, virtual) {
  const { build } = /** @type {typeof import("vite")} */ (
    await import(requireFromWidget.resolve("vite"))
  );
  const widgetPackage = JSON.parse(readFileSync(join(widgetDir, "package.json"), "utf8"));
  /** @type {Record<string, string>} */
  const widgetEntries = {
    "@klynge/widget": join(widgetDir, widgetPackage.exports["."]["@klynge/source"]),
    "@klynge/widget/klynge-survey.css": join(
      widgetDir,
      widgetPackage.exports["./klynge-survey.css"],
    ),
  };
  const anchor = join(widgetDir, "src", "index.ts");
  /** @type {import("vite").Plugin} */
  const benchResolve = {
    name: "klynge-bench-resolve",
    enforce: "pre",
    resolveId(source, importer, options) {
      if (source in virtual) return `\0${source}`;
      if (source in widgetEntries) return widgetEntries[source];
      // Bare imports of the page files resolve as if made from the widget package.
      if (importer?.startsWith(pagesDir) && /^[@a-z]/.test(source))
        return this.resolve(source, anchor, { ...options, skipSelf: true });
      return null;
    },
    load(id) {
      return id.startsWith("\0") ? virtual[id.slice(1)] : null;
    },
  };
  await build({
    configFile: false,
    logLevel: "silent",
    root: pagesDir,
    base: "./",
    mode: "production",
    plugins: [benchResolve],
    resolve: { conditions: ["@klynge/source", "module", "browser", "production"] },
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      cssMinify: true,
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
      rollupOptions: { input: join(pagesDir, html) },
    },
  });
  return { outDir };
}
