// What the browser benchmarks share: Chromium's flags and path, the first-question marker,
// quantiles, a directory walk and the git description of the measured sources.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, sep } from "node:path";

/** The one list of flags, shared with the browser tests. */
export const chromiumArgs = JSON.parse(
  readFileSync(new URL("../../scripts/chromium-flags.json", import.meta.url), "utf8"),
);
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Marks `window.__klyngeFirstQuestionAt` (ms since navigation start) when the first question's
 * title is in the document and laid out — or the respondent's intro before it (issue 14), the
 * first screen a GP then sees. Runs in the page before any of its scripts.
 * @param {string} title
 */
export function markFirstQuestion(title) {
  const w = /** @type {any} */ (window);
  const observer = new MutationObserver(() => {
    const intro = document.querySelector(".klynge-survey__intro .klynge-survey__button");
    if (intro !== null && intro.getClientRects().length > 0) {
      w.__klyngeFirstQuestionAt = performance.now();
      observer.disconnect();
      return;
    }
    for (const element of document.querySelectorAll(".sd-question__title")) {
      if (element.textContent?.includes(title) && element.getClientRects().length > 0) {
        w.__klyngeFirstQuestionAt = performance.now();
        observer.disconnect();
        return;
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/** @param {number[]} values @param {number} q */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

/** @param {string} dir @returns {string[]} */
export function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** The commit, and whether `paths` have uncommitted changes. @param {string[]} paths */
export function describeSources(paths) {
  try {
    const git = (/** @type {string[]} */ ...args) =>
      execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const commit = git("rev-parse", "--short", "HEAD");
    const dirty = git("status", "--porcelain", "--", ...paths) !== "";
    return `${commit}${dirty ? ` + uncommitted changes in ${paths.join(" or ")}` : ""}`;
  } catch {
    return "unknown (no git)";
  }
}

const contentTypes = /** @type {Record<string, string>} */ ({
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
});

/**
 * A static server on 127.0.0.1 for `dir`, every reply `no-store` (no HTTP cache helps a load).
 * `route` answers first (true when it replied); `deny` hides paths under `dir`.
 * @param {string} dir
 * @param {{ route?: (pathname: string, response: import("node:http").ServerResponse) => boolean, deny?: (path: string) => boolean }} [options]
 * @returns {Promise<{ port: number, close: () => void }>}
 */
export function serveDir(dir, options = {}) {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    if (options.route?.(pathname, response)) return;
    const path = join(dir, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
    if (!path.startsWith(dir + sep) || options.deny?.(path)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(path);
      response.writeHead(200, {
        "content-type": contentTypes[extname(path)] ?? "application/octet-stream",
        "cache-control": "no-store",
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve({
        port: typeof address === "object" && address !== null ? address.port : 0,
        close: () => server.close(),
      });
    });
  });
}

/**
 * Writes `bench/results/<name>.md` and `.json` (`.quick.*` for a smoke run) and prints the Markdown.
 * @param {string} name @param {boolean} quick @param {string} markdown @param {unknown} json
 */
export function writeBenchResults(name, quick, markdown, json) {
  process.stdout.write(markdown);
  const outDir = new URL("../results/", import.meta.url);
  const suffix = quick ? ".quick" : "";
  writeFileSync(new URL(`${name}${suffix}.md`, outDir), markdown);
  writeFileSync(new URL(`${name}${suffix}.json`, outDir), `${JSON.stringify(json, null, 2)}\n`);
}

/** A logger to stderr with the seconds since `startedAt`. @param {string} label @param {number} startedAt */
export function benchLog(label, startedAt) {
  return (/** @type {string} */ message) =>
    process.stderr.write(
      `[${label} ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)}s] ${message}\n`,
    );
}
