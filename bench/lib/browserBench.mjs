// What the browser benchmarks share: Chromium's flags and path, the first-question marker,
// quantiles, a directory walk and the git description of the measured sources.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, sep } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** The one list of flags, shared with the browser tests. */
export const chromiumArgs = JSON.parse(
  readFileSync(new URL("../../scripts/chromium-flags.json", import.meta.url), "utf8"),
);
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Marks `window.__klyngeFirstQuestionAt` (ms since navigation start) when the first question's
 * title is in the document and laid out — or the respondent's intro before it (issue 14), the
 * first screen a GP then sees — and `__klyngeFirstQuestionPaintedAt` once the next frame is drawn
 * (a task posted from its animation frame callback, which runs after that frame's style, layout and
 * paint; no frame runs while a stylesheet still blocks rendering). The title is
 * found by its text, whatever markup shows it (SurveyJS's or a server-rendered page's); text in
 * scripts, styles and templates does not count. Runs in the page before any of its scripts.
 * @param {string} title
 */
export function markFirstQuestion(title) {
  const w = /** @type {any} */ (window);
  const hidden = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "TITLE", "TEXTAREA"]);
  /** @param {Element | null} element */
  const shown = (element) =>
    element !== null &&
    element.getClientRects().length > 0 &&
    element.checkVisibility({ visibilityProperty: true });
  const titleShown = () => {
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent === null || hidden.has(parent.tagName)) continue;
      // A title split over elements (a number, an emphasis) is whole in its parent's text.
      const holder = node.nodeValue?.includes(title)
        ? parent
        : title.startsWith(node.nodeValue?.trim() || "\u0000") &&
            parent.parentElement?.textContent?.includes(title)
          ? parent.parentElement
          : null;
      if (shown(holder)) return true;
    }
    return false;
  };
  const observer = new MutationObserver(() => {
    const intro = document.querySelector(".klynge-survey__intro .klynge-survey__button");
    if (shown(intro) || titleShown()) {
      w.__klyngeFirstQuestionAt = performance.now();
      observer.disconnect();
      // After the frame's rendering steps: a task queued from its animation frame callback.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          w.__klyngeFirstQuestionPaintedAt = performance.now();
        };
        channel.port2.postMessage(undefined);
      });
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
 * `route` answers first (true when it replied); `deny` hides paths under `dir`; `compress` sends
 * text files as brotli (best quality) or gzip (level 9) when the browser accepts it, compressed
 * once and kept, as a production server sends precompressed files.
 * @param {string} dir
 * @param {{ route?: (pathname: string, response: import("node:http").ServerResponse) => boolean, deny?: (path: string) => boolean, compress?: boolean }} [options]
 * @returns {Promise<{ port: number, close: () => void }>}
 */
export function serveDir(dir, options = {}) {
  /** @type {Map<string, Buffer>} */
  const compressed = new Map();
  /** @param {string} path @param {Buffer} body @param {"br" | "gzip"} encoding */
  const compress = (path, body, encoding) => {
    const key = `${encoding}:${path}`;
    let bytes = compressed.get(key);
    if (bytes === undefined) {
      bytes =
        encoding === "br"
          ? brotliCompressSync(body, {
              params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
            })
          : gzipSync(body, { level: 9 });
      compressed.set(key, bytes);
    }
    return bytes;
  };
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
      const type = contentTypes[extname(path)] ?? "application/octet-stream";
      const accepted = String(request.headers["accept-encoding"] ?? "");
      const encoding =
        options.compress === true && /^text\/|javascript|json/.test(type)
          ? /** @type {const} */ (["br", "gzip"]).find((e) => accepted.includes(e))
          : undefined;
      response.writeHead(200, {
        "content-type": type,
        "cache-control": "no-store",
        ...(encoding === undefined
          ? {}
          : { "content-encoding": encoding, vary: "accept-encoding" }),
      });
      response.end(encoding === undefined ? body : compress(path, body, encoding));
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
