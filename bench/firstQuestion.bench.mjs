// Issue 17: how soon a GP on a phone sees and can answer the first question, against a plain HTML
// page (the limit) and the minimal React + SurveyJS page, in one run, side by side: cold loads, a
// fresh browser context each, 4× CPU throttling AND a mobile network, interleaved. Run with
// `pnpm bench` (builds first); `node bench/firstQuestion.bench.mjs --quick` does 1 load each, a
// smoke run only; `--loads <n>` times n loads of each page instead of 11.
//
// (P) a static HTML page: SurveyJS's markup of the rehab template's first page (taken from (A) as
//     rendered, scripts none), with the frame's CSS, served compressed;
// (A) bench/widget/pageA.jsx built with Vite as the widget bench builds it, served compressed;
// (K) the survey page as the collector serves it: `buildCollector` on an embedded PostgreSQL with
//     `packages/widget/dist/frame/` at /frame/, a round on the rehab template, and a GP's link
//     `/frame/?round=…#invitation=…` (one anonymous invitation per load), no host page.
import "./lib/productionEnv.mjs";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import { basename, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { templateVersion } from "@klynge/question-bank";
import {
  benchLog,
  chromiumArgs,
  chromiumPath,
  describeSources,
  markFirstQuestion,
  quantile,
  serveDir,
  walk,
  writeBenchResults,
} from "./lib/browserBench.mjs";
import { buildBenchPage, requireFromWidget } from "./lib/buildBenchPage.mjs";
import { benchCollectorConfig, seedBenchRound } from "./lib/seedBenchRound.mjs";

const quick = process.argv.includes("--quick");
// `--loads <n>`: n timed loads of each page instead of 11 (a shorter run; noisier medians).
const loadsArg = process.argv.includes("--loads")
  ? Number(process.argv[process.argv.indexOf("--loads") + 1])
  : undefined;
if (loadsArg !== undefined && !(Number.isInteger(loadsArg) && loadsArg > 0))
  throw new Error("bench: --loads needs a whole number above 0");
// `--screenshots <dir>`: each page as it is when answerable, from its first timed load.
const screenshots = process.argv.includes("--screenshots")
  ? process.argv[process.argv.indexOf("--screenshots") + 1]
  : undefined;
const config = {
  cpuThrottlingRate: 4,
  // Chrome DevTools' "Fast 4G"-like mobile profile the issue asks for.
  network: { latencyMs: 150, downloadKbitPerSecond: 1600, uploadKbitPerSecond: 750 },
  // One untimed round first: the browser's own first loads are slower whatever the page.
  warmupLoads: quick ? 0 : 1,
  loads: quick ? 1 : (loadsArg ?? 11),
  loadTimeoutMs: 120_000,
  // Layout shifts this soon after one of the bench's own clicks count as input-caused.
  recentInputMs: 500,
  goals: { visible: 1.5, answerable: 2, widgetOwnGzipKiB: 45 },
};
const pages = /** @type {const} */ (["P", "A", "K"]);
/** @typedef {(typeof pages)[number]} Which */

const root = new URL("../", import.meta.url);
// `--frame <dir>`: another build of the frame page (e.g. a copy of an earlier one, to compare).
const frameDir = process.argv.includes("--frame")
  ? `${resolve(process.argv[process.argv.indexOf("--frame") + 1])}${sep}`
  : fileURLToPath(new URL("packages/widget/dist/frame/", root));
const collectorDist = (/** @type {string} */ file) =>
  new URL(`examples/collector/dist/${file}`, root).href;
const { chromium } = /** @type {typeof import("playwright-core")} */ (
  requireFromWidget("playwright-core")
);
const { toSurveyJson } = await import(new URL("packages/widget/dist/index.js", root).href);
const { buildCollector } = await import(collectorDist("index.js"));
const { openPostgres } = await import(collectorDist("database.js"));
const { startEmbeddedPostgres } = await import(collectorDist("startEmbeddedPostgres.js"));

const startedAt = Date.now();
const log = benchLog("first-question bench", startedAt);
const version = templateVersion("rehab");
const surveyJson = toSurveyJson(version);
const firstQuestion = surveyJson.pages[0].elements[0];
const firstTitle = /** @type {string} */ (firstQuestion.title);
const firstChoice = firstQuestion.choices[0];
const firstValue = typeof firstChoice === "object" ? firstChoice.value : firstChoice;
const savedText = "Gemt";
const round = {
  id: "bench.first",
  label: "Første spørgsmål",
  cluster: "Bench",
  versionHash: version.hash,
};

const tmp = mkdtempSync(join(os.tmpdir(), "klynge-first-question-bench-"));
/** @type {(() => Promise<void>)[]} */
const cleanups = [];
try {
  log(`Node ${process.version}, ${os.cpus().length} cores; building (A), starting the collector`);
  await buildBenchPage("a.html", join(tmp, "A"), {
    "klynge-bench:survey-json": `export default ${JSON.stringify(surveyJson)};`,
  });
  const collector = await startCollector(config.warmupLoads + config.loads + 1);
  cleanups.push(collector.stop);
  const server = await serveDir(tmp, { compress: true });
  cleanups.push(async () => server.close());
  const base = `http://127.0.0.1:${server.port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  cleanups.push(() => browser.close());
  const browserVersion = browser.version();
  writePlainPage(await renderedFirstPage(browser, `${base}/A/a.html`), join(tmp, "P"));
  // Compressed once before timing, as a server's precompressed files are.
  for (const file of [...walk(join(tmp, "A")), ...walk(join(tmp, "P"))])
    await fetch(
      `${base}/${file
        .slice(tmp.length + 1)
        .split(sep)
        .join("/")}`,
      {
        headers: { "accept-encoding": "br" },
      },
    ).then((reply) => reply.arrayBuffer());
  /** @type {Record<Which, () => string>} */
  const urls = {
    P: () => `${base}/P/index.html`,
    A: () => `${base}/A/a.html`,
    K: () => `${collector.origin}/frame/?round=${round.id}#invitation=${collector.tokens.pop()}`,
  };
  const loads = await timeLoads(browser, urls);
  writeResults({ loads, frame: frameSizes(), browserVersion });
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  rmSync(tmp, { recursive: true, force: true });
}

/**
 * The collector as a deployment runs it, in this process: embedded PostgreSQL, the frame page's
 * build at /frame/, a cluster with a coordinator and the round, `tokens` anonymous invitations.
 * @param {number} tokens
 */
async function startCollector(tokens) {
  const dataDir = mkdtempSync(join(os.tmpdir(), "klynge-first-question-pg-"));
  const postgres = await startEmbeddedPostgres({ dataDir });
  const db = await openPostgres(postgres.url);
  const app = await buildCollector({
    db,
    config: benchCollectorConfig,
    sites: [{ prefix: "/frame/", root: frameDir, kind: "frame" }],
  });
  const coordinator = await seedBenchRound(app, db, round, version);
  const invited = await coordinator.request({
    method: "POST",
    url: `/api/rounds/${round.id}/invitations`,
    payload: { anonymous: tokens },
  });
  if (invited.statusCode !== 201) throw new Error(`invitations: ${invited.body}`);
  const listed = await coordinator.request({
    method: "GET",
    url: `/api/rounds/${round.id}/invitations`,
  });
  /** @type {string[]} */
  const links = listed
    .json()
    .invitations.map((/** @type {any} */ i) => i.link.split("#invitation=")[1]);
  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  return {
    origin: address,
    tokens: links,
    async stop() {
      await app.close();
      await db.close();
      await postgres.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * SurveyJS's markup of the first page, as (A) renders it (no throttling; not timed).
 * @param {import("playwright-core").Browser} browser
 * @param {string} url
 */
async function renderedFirstPage(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByText(firstTitle).first().waitFor({ state: "visible", timeout: 60_000 });
    return await page.evaluate(() => {
      const survey = document.querySelector("#root");
      if (survey === null) throw new Error("bench: (A) rendered no #root");
      for (const script of survey.querySelectorAll("script")) script.remove();
      return survey.innerHTML;
    });
  } finally {
    await context.close();
  }
}

/**
 * (P): the first page as static HTML in the frame's own page shell, with the frame's CSS.
 * @param {string} markup
 * @param {string} dir
 */
function writePlainPage(markup, dir) {
  mkdirSync(dir, { recursive: true });
  const styles = walk(frameDir).filter((file) => extname(file) === ".css");
  for (const file of styles) copyFileSync(file, join(dir, basename(file)));
  const links = styles.map((file) => `<link rel="stylesheet" href="./${basename(file)}" />`);
  writeFileSync(
    join(dir, "index.html"),
    [
      "<!doctype html>",
      '<html lang="da">',
      "<head>",
      '<meta charset="utf-8" />',
      '<meta name="viewport" content="width=device-width, initial-scale=1" />',
      "<title>Spørgeskema – Klynge</title>",
      ...links,
      "</head>",
      "<body>",
      `<div id="root"><main class="klynge-embed" lang="da"><div class="klynge-survey">${markup}</div></main></div>`,
      "</body>",
      "</html>",
    ].join("\n"),
  );
}

/**
 * In the page, before its scripts: once the first screen is painted (`markFirstQuestion`), clicks
 * as a GP would at once — the intro's start button if there is one, then the first option of the
 * first question — and marks `answerableAt` when the click is taken: (P) the click itself (a
 * native radio), (A) when SurveyJS's model holds the value, (K) when "Gemt" is shown (the answer
 * committed to IndexedDB; checked again after the load). A click on an element that is then
 * replaced, or not kept, is made again on what is shown. Also records layout shifts.
 * @param {{ kind: "P" | "A" | "K", saved: string, question: string, value: string }} options
 */
function answerFirstQuestion({ kind, saved, question, value }) {
  const w = /** @type {any} */ (window);
  /** @type {{ clicks: { what: string, at: number }[], shifts: { startTime: number, value: number, hadRecentInput: boolean }[], questionSeenAt?: number, answerableAt?: number }} */
  const run = { clicks: [], shifts: [] };
  w.__klyngeBench = run;
  new PerformanceObserver((list) => {
    for (const entry of /** @type {any[]} */ (list.getEntries()))
      run.shifts.push({
        startTime: entry.startTime,
        value: entry.value,
        hadRecentInput: entry.hadRecentInput,
      });
  }).observe({ type: "layout-shift", buffered: true });
  /** @param {Element | null | undefined} element @returns {element is HTMLElement} */
  const shown = (element) =>
    element?.isConnected === true &&
    element.getClientRects().length > 0 &&
    element.checkVisibility({ visibilityProperty: true });
  const savedShown = () => {
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode())
      if (node.nodeValue?.trim() === saved && shown(node.parentElement)) return true;
    return false;
  };
  /** @type {HTMLInputElement | undefined} */
  let radio;
  /** @type {Element | undefined} */
  let intro;
  const taken = () => {
    if (radio === undefined) return false;
    if (kind === "P") return radio.checked;
    if (kind === "A") return w.klyngeBenchModel?.getValue(question) === value;
    return savedShown();
  };
  const finish = () => {
    if (run.answerableAt !== undefined || !taken()) return;
    const lastClick = run.clicks[run.clicks.length - 1];
    run.answerableAt = kind === "P" ? lastClick.at : performance.now();
  };
  /** @param {HTMLElement} element @param {string} what */
  const click = (element, what) => {
    run.clicks.push({ what, at: performance.now() });
    element.click();
  };
  const frame = () => {
    if (run.answerableAt !== undefined) return;
    requestAnimationFrame(frame);
    if (w.__klyngeFirstQuestionPaintedAt === undefined) return;
    const start = document.querySelector(".klynge-survey__intro .klynge-survey__button");
    if (shown(start) && start !== intro) {
      intro = start;
      click(start, "intro");
      return;
    }
    const first = [...document.querySelectorAll("input[type=radio]")].find(shown);
    if (!(first instanceof HTMLInputElement)) return;
    run.questionSeenAt ??= performance.now();
    const lastAt = run.clicks[run.clicks.length - 1]?.at ?? 0;
    if (first !== radio || (!first.checked && performance.now() - lastAt > 100)) {
      radio = first;
      click(first, "option");
    }
    finish();
  };
  requestAnimationFrame(frame);
  // The app's own changes (SurveyJS's re-render, "Gemt") are seen as they happen, not a frame late.
  new MutationObserver(finish).observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
  });
}

/**
 * The answer of the K load in IndexedDB, read after the load: any draft of the app (`drafts`)
 * holding the clicked value, or the early record the server-rendered page wrote itself before the
 * bundle arrived (the `klynge-early` database's `answers`; the app moves it into its draft later).
 * @param {import("playwright-core").Page} page
 */
function savedInIndexedDb(page) {
  return page.evaluate(async (value) => {
    for (const { name } of await indexedDB.databases()) {
      if (name === undefined) continue;
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        const store = name === "klynge-early" ? "answers" : "drafts";
        if (!db.objectStoreNames.contains(store)) continue;
        const records = await new Promise((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        if (JSON.stringify(records).includes(JSON.stringify(value))) return true;
      } finally {
        db.close();
      }
    }
    return false;
  }, firstValue);
}

/**
 * One cold load of `url` in a fresh context, throttled: the marks, the bytes, the shifts.
 * @param {import("playwright-core").Browser} browser
 * @param {Which} which
 * @param {string} url
 * @param {string | undefined} screenshot where to save the page as it is when answerable
 */
async function measureLoad(browser, which, url, screenshot) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(markFirstQuestion, firstTitle);
    await page.addInitScript(answerFirstQuestion, {
      kind: which,
      saved: savedText,
      question: firstQuestion.name,
      value: firstValue,
    });
    const cdp = await context.newCDPSession(page);
    /** @type {Map<string, { url: string, type?: string, mimeType?: string, finished?: number, bytes?: number }>} */
    const requests = new Map();
    /** @type {{ timestamp: number, wallTime: number } | undefined} */
    let clock;
    cdp.on("Network.requestWillBeSent", (event) => {
      clock ??= { timestamp: event.timestamp, wallTime: event.wallTime };
      requests.set(event.requestId, { url: event.request.url, type: event.type });
    });
    cdp.on("Network.responseReceived", (event) => {
      const request = requests.get(event.requestId);
      if (request !== undefined) {
        request.type = event.type;
        request.mimeType = event.response.mimeType;
      }
    });
    cdp.on("Network.loadingFinished", (event) => {
      const request = requests.get(event.requestId);
      if (request !== undefined) {
        request.finished = event.timestamp;
        request.bytes = event.encodedDataLength;
      }
    });
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: config.network.latencyMs,
      downloadThroughput: (config.network.downloadKbitPerSecond * 1000) / 8,
      uploadThroughput: (config.network.uploadKbitPerSecond * 1000) / 8,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: config.cpuThrottlingRate });
    await page.goto(url, { waitUntil: "commit", timeout: config.loadTimeoutMs });
    await page.waitForFunction(
      () => /** @type {any} */ (window).__klyngeBench?.answerableAt,
      null,
      {
        timeout: config.loadTimeoutMs,
        polling: 250,
      },
    );
    if (screenshot !== undefined) await page.screenshot({ path: screenshot, fullPage: true });
    const marks = await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      return {
        ...w.__klyngeBench,
        visibleDomAt: w.__klyngeFirstQuestionAt,
        visibleAt: w.__klyngeFirstQuestionPaintedAt,
        timeOrigin: performance.timeOrigin,
      };
    });
    if (which === "K" && !(await savedInIndexedDb(page)))
      throw new Error(
        "bench: K showed the answer saved, but neither a draft nor the early record holds it",
      );
    // CDP's monotonic seconds → the page's ms since its time origin.
    const pageMs = (/** @type {number} */ timestamp) =>
      clock === undefined
        ? Number.NaN
        : (timestamp - clock.timestamp + clock.wallTime) * 1000 - marks.timeOrigin;
    const finished = [...requests.values()].filter((r) => r.finished !== undefined);
    const before = finished.filter(
      (r) => pageMs(/** @type {number} */ (r.finished)) <= marks.answerableAt,
    );
    const isScript = (/** @type {{ type?: string, mimeType?: string }} */ r) =>
      r.type === "Script" || /javascript/.test(r.mimeType ?? "");
    const sum = (/** @type {typeof finished} */ list) =>
      list.reduce((s, r) => s + (r.bytes ?? 0), 0);
    const clickTimes = marks.clicks.map((/** @type {{ at: number }} */ c) => c.at);
    const cls = marks.shifts
      .filter(
        (/** @type {{ startTime: number, hadRecentInput: boolean }} */ s) =>
          !s.hadRecentInput &&
          s.startTime <= marks.answerableAt &&
          !clickTimes.some((at) => s.startTime >= at && s.startTime - at <= config.recentInputMs),
      )
      .reduce(
        (/** @type {number} */ total, /** @type {{ value: number }} */ s) => total + s.value,
        0,
      );
    return {
      visibleMs: marks.visibleAt,
      visibleDomMs: marks.visibleDomAt,
      questionSeenMs: marks.questionSeenAt,
      answerableMs: marks.answerableAt,
      clicks: marks.clicks.length,
      bytes: sum(before),
      jsBytes: sum(before.filter(isScript)),
      jsFiles: before.filter(isScript).length,
      requests: before.length,
      cls,
    };
  } finally {
    await context.close();
  }
}

/** @typedef {Awaited<ReturnType<typeof measureLoad>>} Load */

/**
 * Cold loads, interleaved P/A/K (forward, then backward, …), each in a fresh context.
 * @param {import("playwright-core").Browser} browser
 * @param {Record<Which, () => string>} urls
 */
async function timeLoads(browser, urls) {
  /** @type {Record<Which, Load[]>} */
  const loads = { P: [], A: [], K: [] };
  for (let i = -config.warmupLoads; i < config.loads; i += 1) {
    const order = i % 2 === 0 ? pages : [...pages].reverse();
    for (const which of order) {
      const screenshot =
        screenshots !== undefined && i === 0 ? join(screenshots, `${which}.png`) : undefined;
      const load = await measureLoad(browser, which, urls[which](), screenshot);
      if (i >= 0) loads[which].push(load);
      log(
        `${which} ${i >= 0 ? `#${i + 1}` : "warm-up"}: visible ${load.visibleMs.toFixed(0)} ms, answerable ${load.answerableMs.toFixed(0)} ms, ${(load.bytes / 1024).toFixed(0)} KiB (JS ${(load.jsBytes / 1024).toFixed(0)} KiB), CLS ${load.cls.toFixed(3)}`,
      );
    }
  }
  return loads;
}

/**
 * The frame's built JS, each file's bytes minified / gzip / brotli; the vendor chunks (SurveyJS,
 * React: named `vendor-…` by the frame's build) apart from the widget's own code.
 */
function frameSizes() {
  const files = walk(frameDir)
    .filter((file) => extname(file) === ".js")
    .map((file) => {
      const bytes = readFileSync(file);
      return {
        file: file.slice(frameDir.length).split(sep).join("/"),
        min: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        brotli: brotliCompressSync(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
        }).length,
      };
    });
  // What the page loads before anything else: its module scripts and modulepreloads.
  const html = readFileSync(join(frameDir, "index.html"), "utf8");
  const upfront = new Set(
    [
      ...html.matchAll(/<(?:script|link rel="modulepreload")[^>]* (?:src|href)="\.\/([^"]+\.js)"/g),
    ].map((m) => m[1]),
  );
  // Inlined by the collector into the page itself (the early save), so up front too.
  if (files.some((f) => f.file === "early-save.js")) upfront.add("early-save.js");
  const isVendor = (/** @type {{ file: string }} */ f) => basename(f.file).startsWith("vendor-");
  const own = files.filter((f) => !isVendor(f));
  const total = (/** @type {typeof files} */ list, /** @type {"min" | "gzip" | "brotli"} */ k) =>
    list.reduce((s, f) => s + f[k], 0);
  const split = files.some(isVendor);
  return {
    files: files.map((f) => ({ ...f, upfront: upfront.has(f.file) })),
    vendorGzip: total(files.filter(isVendor), "gzip"),
    ownGzip: split ? total(own, "gzip") : undefined,
    ownUpfrontGzip: split
      ? total(
          own.filter((f) => upfront.has(f.file)),
          "gzip",
        )
      : undefined,
    allGzip: total(files, "gzip"),
    upfrontGzip: total(
      files.filter((f) => upfront.has(f.file)),
      "gzip",
    ),
  };
}

/**
 * @param {{ loads: Record<Which, Load[]>, frame: ReturnType<typeof frameSizes>, browserVersion: string }} r
 */
function writeResults({ loads, frame, browserVersion }) {
  const median = (/** @type {Which} */ w, /** @type {keyof Load} */ k) =>
    quantile(
      loads[w].map((l) => /** @type {number} */ (l[k])),
      0.5,
    );
  const x = (/** @type {number} */ v) => `${v.toFixed(2)}×`;
  const ms = (/** @type {number} */ v) => (Number.isFinite(v) ? v.toFixed(0) : "–");
  const kib = (/** @type {number} */ v) => (v / 1024).toFixed(1);
  const pass = (/** @type {boolean} */ ok) => (ok ? "PASS" : "FAIL");
  const ratios = {
    visibleKP: median("K", "visibleMs") / median("P", "visibleMs"),
    visibleKA: median("K", "visibleMs") / median("A", "visibleMs"),
    answerableKP: median("K", "answerableMs") / median("P", "answerableMs"),
    answerableKA: median("K", "answerableMs") / median("A", "answerableMs"),
  };
  const elapsed = (Date.now() - startedAt) / 1000;
  const { latencyMs, downloadKbitPerSecond, uploadKbitPerSecond } = config.network;
  const row = (/** @type {Which} */ w) =>
    `| ${w} | ${loads[w].length} | ${ms(median(w, "visibleMs"))} | ${ms(median(w, "questionSeenMs"))} | ${ms(median(w, "answerableMs"))} | ${kib(median(w, "bytes"))} | ${kib(median(w, "jsBytes"))} | ${median(w, "jsFiles")} | ${median(w, "requests")} | ${median(w, "cls").toFixed(3)} | ${Math.max(...loads[w].map((l) => l.clicks))} |`;
  const all = (/** @type {Which} */ w, /** @type {"visibleMs" | "answerableMs"} */ k) =>
    `| ${w} | ${k === "visibleMs" ? "visible" : "answerable"} | ${loads[w].map((l) => ms(l[k])).join(", ")} |`;
  const markdown = [
    `# First question benchmark (issue 17)${quick ? " — QUICK SMOKE RUN, figures mean nothing" : ""}`,
    "",
    `Run ${new Date(startedAt).toISOString()}, ${elapsed.toFixed(0)} s; sources ${describeSources(["packages", "examples/collector", "bench"])}.`,
    `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown"}, ${Math.round(os.totalmem() / 2 ** 30)} GB; Chromium ${browserVersion}; CPU throttling ${config.cpuThrottlingRate}×; network ${latencyMs} ms latency, ${downloadKbitPerSecond} kbit/s down, ${uploadKbitPerSecond} kbit/s up (CDP \`Network.emulateNetworkConditions\`).`,
    "",
    `(P) static HTML: SurveyJS's markup of the rehab template's first page, no script, the frame's CSS; (A) React + SurveyJS (\`bench/widget/pageA.jsx\`); (K) the collector's \`/frame/?round=…#invitation=…\` (a GP's link, no host page), from \`${relative(fileURLToPath(root), frameDir) || "."}\`. P and A from a static server with brotli, K from the collector (\`@fastify/static\`, precompressed). Cold loads, a fresh context each, cache off, interleaved (P, A, K, then K, A, P, …).`,
    "",
    "Visible: the first screen painted — the first question's title found by its text in the DOM and laid out, or K's intro (`markFirstQuestion`), once the next frame is drawn. Answerable: the bench clicks, in the page, as soon as something is painted (K's intro start button, then the first option of the first question), and marks when the click is taken: P the click itself, A when SurveyJS's model holds the value, K when \"Gemt\" is shown (the draft committed to IndexedDB, checked after the load). Question seen: the first option's radio laid out (after K's intro). Bytes: CDP `encodedDataLength` of every response finished before the answerable moment; JS the scripts among them. CLS: `layout-shift` entries before answerable, without `hadRecentInput` ones or ones within 500 ms of a bench click. Medians, ms from navigation start.",
    "",
    "| page | loads | visible | question seen | answerable | KiB on the wire | JS KiB | JS files | requests | CLS | clicks (max) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...pages.map(row),
    "",
    "| page | what | every load, ms |",
    "| --- | --- | --- |",
    ...pages.flatMap((w) => [all(w, "visibleMs"), all(w, "answerableMs")]),
    "",
    `Frame JS as built (\`${relative(fileURLToPath(root), frameDir)}\`), KiB gzip level 9: all ${kib(frame.allGzip)}, of which loaded up front (the page's module scripts and modulepreloads) ${kib(frame.upfrontGzip)}; vendor chunks (SurveyJS, React) ${kib(frame.vendorGzip)}; the widget's own ${frame.ownGzip === undefined ? "– (one chunk: no vendor split)" : `${kib(frame.ownGzip)}, up front ${kib(/** @type {number} */ (frame.ownUpfrontGzip))}`}.`,
    "",
    "| file | up front | min | gzip | brotli |",
    "| --- | --- | --- | --- | --- |",
    ...frame.files.map(
      (f) =>
        `| ${f.file} | ${f.upfront ? "yes" : "no"} | ${kib(f.min)} | ${kib(f.gzip)} | ${kib(f.brotli)} |`,
    ),
    "",
    "| goal | measured | target | result |",
    "| --- | --- | --- | --- |",
    `| visible K/P, median | ${x(ratios.visibleKP)} | ≤ ${config.goals.visible}× | ${pass(ratios.visibleKP <= config.goals.visible)} |`,
    `| answerable K/P, median | ${x(ratios.answerableKP)} | ≤ ${config.goals.answerable}× | ${pass(ratios.answerableKP <= config.goals.answerable)} |`,
    `| visible K/A, median | ${x(ratios.visibleKA)} | – | |`,
    `| answerable K/A, median | ${x(ratios.answerableKA)} | – | |`,
    // The goal is on what comes before the first question; what loads later, on need (the
    // English words, the uploader, a refusal's screen and sentences), is shown for scale.
    `| the widget's own JS up front, gzip | ${frame.ownUpfrontGzip === undefined ? "–" : `${kib(frame.ownUpfrontGzip)} KiB`} | ≤ ${config.goals.widgetOwnGzipKiB} KiB | ${frame.ownUpfrontGzip === undefined ? "–" : pass(frame.ownUpfrontGzip / 1024 <= config.goals.widgetOwnGzipKiB)} |`,
    `| the widget's own JS in all, up front and later, gzip | ${frame.ownGzip === undefined ? "–" : `${kib(frame.ownGzip)} KiB`} | – | |`,
    "",
  ].join("\n");
  writeBenchResults("firstQuestion", quick, markdown, {
    startedAt: new Date(startedAt).toISOString(),
    elapsedSeconds: elapsed,
    sources: describeSources(["packages", "examples/collector", "bench"]),
    machine: {
      node: process.version,
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? "unknown",
      totalMemGiB: Math.round(os.totalmem() / 2 ** 30),
      chromium: browserVersion,
    },
    config,
    loads,
    frame,
    summary: {
      medians: Object.fromEntries(
        pages.map((w) => [
          w,
          {
            visibleMs: median(w, "visibleMs"),
            answerableMs: median(w, "answerableMs"),
            bytes: median(w, "bytes"),
            jsBytes: median(w, "jsBytes"),
            cls: median(w, "cls"),
          },
        ]),
      ),
      ratios,
    },
  });
}
