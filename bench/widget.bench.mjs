// Issue 4: what the widget costs a page, against a minimal React + SurveyJS page built and run
// with the same settings in the same run. Run with `pnpm bench` (builds engine, bank and widget
// first); `node bench/widget.bench.mjs --quick` does 1 load each and 5 clicks, a smoke run only;
// `--sizes-only` builds both pages and prints the bundle figures, nothing timed and nothing written.
//
// (A) bench/widget/pageA.jsx: React + `new Model(json)` + `<Survey model />`, survey-core's CSS.
// (B) bench/widget/pageB.jsx: React + `<KlyngeSurvey version round />` from the widget's source,
//     the same CSS plus `@klynge/widget/klynge-survey.css`.
// Both render `toSurveyJson(templateVersion("rehab"))`: (A) gets that JSON, (B) the version it is
// made from, each serialized here and given to the page as a module.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import { extname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { templateVersion } from "@klynge/question-bank";
import {
  benchLog,
  chromiumArgs,
  chromiumPath,
  describeSources as describeSourcesOf,
  markFirstQuestion,
  quantile,
  serveDir,
  walk,
  writeBenchResults,
} from "./lib/browserBench.mjs";
import { buildBenchPage, pagesDir, requireFromWidget } from "./lib/buildBenchPage.mjs";

const quick = process.argv.includes("--quick");
const sizesOnly = process.argv.includes("--sizes-only");
const config = {
  cpuThrottlingRate: 4,
  // One untimed pair first: the browser's own first loads are slower whatever the page.
  warmupLoads: quick ? 0 : 1,
  loads: quick ? 1 : 11,
  clicks: { warmup: quick ? 1 : 5, timed: quick ? 5 : 120, pauseMs: 100 },
  gzipLevel: 9,
  goals: { bundle: 1.1, firstQuestion: 1.1, commitP95Ms: 50 },
};

const root = new URL("../", import.meta.url);
const { chromium } = /** @type {typeof import("playwright-core")} */ (
  requireFromWidget("playwright-core")
);
const { toSurveyJson, saveMeasureName } = await import(
  new URL("packages/widget/dist/index.js", root).href
);

const startedAt = Date.now();
const log = benchLog("widget bench", startedAt);
const version = templateVersion("rehab");
const surveyJson = toSurveyJson(version);
const round = {
  id: "bench.rehab",
  label: "Benchmark",
  versionHash: version.hash,
  cluster: "Bench",
};
const firstQuestion = surveyJson.pages[0].elements[0];
const firstTitle = /** @type {string} */ (firstQuestion.title);
const savedText = "Gemt";

const tmp = mkdtempSync(join(os.tmpdir(), "klynge-widget-bench-"));
try {
  log(`Node ${process.version}, ${os.cpus().length} cores; building (A) and (B) with Vite`);
  const pages = {
    A: await buildPage("a.html", join(tmp, "A")),
    B: await buildPage("b.html", join(tmp, "B")),
  };
  const sizes = { A: measureSizes(pages.A.outDir), B: measureSizes(pages.B.outDir) };
  if (sizesOnly) {
    const kib = (/** @type {number} */ bytes) => (bytes / 1024).toFixed(2);
    const both = (/** @type {typeof sizes.A} */ s) => s.js.gzip + s.css.gzip;
    log(
      `sizes only, gzip ${config.gzipLevel}: JS A ${kib(sizes.A.js.gzip)} KiB, B ${kib(sizes.B.js.gzip)} KiB, B/A ${(sizes.B.js.gzip / sizes.A.js.gzip).toFixed(4)}× (goal ≤ ${config.goals.bundle}×); JS + CSS B/A ${(both(sizes.B) / both(sizes.A)).toFixed(4)}×`,
    );
    rmSync(tmp, { recursive: true, force: true });
    process.exit(0);
  }
  const server = await serveDir(tmp, { deny: (path) => path.includes(`${sep}profile${sep}`) });
  const base = `http://127.0.0.1:${server.port}`;
  const urls = { A: `${base}/A/a.html`, B: `${base}/B/b.html` };
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const browserVersion = browser.version();
  let loads;
  try {
    loads = await timeFirstQuestion(browser, urls);
  } finally {
    await browser.close();
  }
  const clicksA = await timeClicks(urls.A, join(tmp, "profile-A"), false);
  const clicksB = await timeClicks(urls.B, join(tmp, "profile-B"), true);
  log(
    `clicks: A ${clicksA.checked.length} timed, B ${clicksB.checked.length} timed, ${clicksB.committed.length} commits measured; ${clicksA.timeouts + clicksB.timeouts} timeouts`,
  );
  const commits = { A: clicksA, B: clicksB };
  server.close();
  writeResults({ sizes, loads, commits, browserVersion });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

/**
 * Builds one page into `outDir`, with the (A) JSON and the (B) version as modules.
 * @param {string} html
 * @param {string} outDir
 */
function buildPage(html, outDir) {
  return buildBenchPage(html, outDir, {
    "klynge-bench:survey-json": `export default ${JSON.stringify(surveyJson)};`,
    "klynge-bench:version": `export const version = ${JSON.stringify(version)};\nexport const round = ${JSON.stringify(round)};`,
  });
}

/** Bytes of every JS and CSS file emitted, minified as written and gzipped. @param {string} dir */
function measureSizes(dir) {
  const sizes = { js: { min: 0, gzip: 0, files: 0 }, css: { min: 0, gzip: 0, files: 0 } };
  for (const file of walk(dir)) {
    const kind = extname(file) === ".js" ? "js" : extname(file) === ".css" ? "css" : undefined;
    if (kind === undefined) continue;
    const bytes = readFileSync(file);
    sizes[kind].min += bytes.length;
    sizes[kind].gzip += gzipSync(bytes, { level: config.gzipLevel }).length;
    sizes[kind].files += 1;
  }
  return sizes;
}

/** @param {import("playwright-core").Page} page */
async function throttle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: config.cpuThrottlingRate });
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
}

/**
 * Cold loads, interleaved A/B (the order alternates per pair), each in a fresh context.
 * @param {import("playwright-core").Browser} browser
 * @param {{ A: string, B: string }} urls
 */
async function timeFirstQuestion(browser, urls) {
  /** @type {{ A: number[], B: number[] }} */
  const loads = { A: [], B: [] };
  for (let i = -config.warmupLoads; i < config.loads; i += 1) {
    const order = /** @type {const} */ (i % 2 === 0 ? ["A", "B"] : ["B", "A"]);
    for (const which of order) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.addInitScript(markFirstQuestion, firstTitle);
        await throttle(page);
        await page.goto(urls[which]);
        await page.waitForFunction(
          () => /** @type {any} */ (window).__klyngeFirstQuestionAt,
          null,
          {
            timeout: 60_000,
          },
        );
        const ms = await page.evaluate(() => /** @type {any} */ (window).__klyngeFirstQuestionAt);
        if (i >= 0) loads[which].push(ms);
        log(`first question ${which} ${i >= 0 ? `#${i + 1}` : "warm-up"}: ${ms.toFixed(0)} ms`);
      } finally {
        await context.close();
      }
    }
  }
  return loads;
}

/**
 * Clicks on one page, in a persistent profile so IndexedDB writes go to disk: a radio of the first
 * question (alternating two options), `pauseMs` apart. For each click, in the page: ms until
 * SurveyJS shows the option checked (its own handling, on A and B alike), and on (B) ms until the
 * save indicator reads "Gemt" again; after the run, (B)'s User Timing measures "answer →
 * committed" (from SurveyJS's value-change event to the IndexedDB `complete`), which the widget
 * records itself (`saveMeasureName`).
 * @param {string} url
 * @param {string} profile
 * @param {boolean} saves whether the page has a save indicator (B) or not (A)
 */
async function timeClicks(url, profile, saves) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await throttle(page);
    await page.goto(url);
    await page.getByText(firstTitle).first().waitFor({ state: "visible", timeout: 60_000 });
    if (saves) await page.locator(".klynge-survey[aria-busy=false]").waitFor({ timeout: 60_000 });
    const run = { ...config.clicks, saved: savedText, saves, measure: saveMeasureName };
    return await page.evaluate(async ({ warmup, timed, pauseMs, saved, saves, measure }) => {
      const indicator = document.querySelector(".klynge-survey__saved");
      const question = document.querySelector(".sd-question");
      const radios = /** @type {HTMLInputElement[]} */ ([
        ...(question?.querySelectorAll("input[type=radio]") ?? []),
      ]);
      if ((saves && indicator === null) || radios.length < 2)
        throw new Error("bench: no save indicator or fewer than two radios in the first question");
      /** @param {Node} node @param {() => boolean} done @param {MutationObserverInit} what */
      const when = (node, done, what) =>
        new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (done()) {
              observer.disconnect();
              resolve(performance.now());
            }
          });
          observer.observe(node, what);
          setTimeout(() => {
            observer.disconnect();
            resolve(undefined);
          }, 5000);
        });
      /** @type {number[]} */
      const checked = [];
      /** @type {number[]} */
      const shown = [];
      let timeouts = 0;
      performance.clearMeasures(measure);
      for (let i = 0; i < warmup + timed; i += 1) {
        if (i === warmup) performance.clearMeasures(measure);
        const item = /** @type {Element} */ (radios[i % 2].closest(".sd-item"));
        const checkedAt = when(item, () => item.classList.contains("sd-radio--checked"), {
          attributes: true,
          attributeFilter: ["class"],
        });
        const savedAt =
          saves && indicator !== null
            ? when(indicator, () => indicator.textContent === saved, {
                childList: true,
                subtree: true,
                characterData: true,
              })
            : Promise.resolve(0);
        const clickedAt = performance.now();
        radios[i % 2].click();
        const [c, g] = await Promise.all([checkedAt, savedAt]);
        if (c === undefined || g === undefined) timeouts += 1;
        else if (i >= warmup) {
          checked.push(c - clickedAt);
          if (saves) shown.push(g - clickedAt);
        }
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
      const committed = performance.getEntriesByName(measure).map((entry) => entry.duration);
      return { checked, shown, committed, timeouts };
    }, run);
  } finally {
    await context.close();
  }
}

/**
 * @typedef {{ checked: number[], shown: number[], committed: number[], timeouts: number }} Clicks
 * @param {{ sizes: any, loads: { A: number[], B: number[] }, commits: { A: Clicks, B: Clicks }, browserVersion: string }} r
 */
function writeResults({ sizes, loads, commits, browserVersion }) {
  const ratio = (/** @type {number} */ b, /** @type {number} */ a) => b / a;
  const x = (/** @type {number} */ v) => `${v.toFixed(3)}×`;
  const kb = (/** @type {number} */ v) => `${(v / 1024).toFixed(1)}`;
  const pass = (/** @type {boolean} */ ok) => (ok ? "PASS" : "FAIL");
  const total = (/** @type {any} */ s, /** @type {"min" | "gzip"} */ k) => s.js[k] + s.css[k];
  const jsGzip = ratio(sizes.B.js.gzip, sizes.A.js.gzip);
  const allGzip = ratio(total(sizes.B, "gzip"), total(sizes.A, "gzip"));
  const medA = quantile(loads.A, 0.5);
  const medB = quantile(loads.B, 0.5);
  /** @param {number[]} v */
  const stats = (v) => ({ p50: quantile(v, 0.5), p95: quantile(v, 0.95), max: Math.max(...v) });
  const checkedA = stats(commits.A.checked);
  const checkedB = stats(commits.B.checked);
  const committed = stats(commits.B.committed);
  const shown = stats(commits.B.shown);
  // Per click (B's arrays are pushed together): how long after SurveyJS shows the option checked
  // the GP sees "Gemt". No goal: a candidate for a goal relative to SurveyJS (BENCHMARKS.md).
  const afterChecked = stats(commits.B.shown.map((at, i) => at - (commits.B.checked[i] ?? at)));
  const p95 = committed.p95;
  const timeouts = commits.A.timeouts + commits.B.timeouts;
  /** @param {string} what @param {{ p50: number, p95: number, max: number }} v */
  const clickRow = (what, v) =>
    `| ${what} | ${v.p50.toFixed(1)} | ${v.p95.toFixed(1)} | ${v.max.toFixed(1)} |`;
  const elapsed = (Date.now() - startedAt) / 1000;

  const sizeRow = (/** @type {string} */ what, /** @type {"js" | "css"} */ kind) =>
    `| ${what} | ${sizes.A[kind].files} / ${sizes.B[kind].files} | ${kb(sizes.A[kind].min)} | ${kb(sizes.B[kind].min)} | ${x(ratio(sizes.B[kind].min, sizes.A[kind].min))} | ${kb(sizes.A[kind].gzip)} | ${kb(sizes.B[kind].gzip)} | ${x(ratio(sizes.B[kind].gzip, sizes.A[kind].gzip))} |`;
  const markdown = [
    `# Widget benchmark (issue 4)${quick ? " — QUICK SMOKE RUN, figures mean nothing" : ""}`,
    "",
    `Run ${new Date(startedAt).toISOString()}, ${elapsed.toFixed(0)} s; widget source ${describeSources()}.`,
    `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown"}, ${Math.round(os.totalmem() / 2 ** 30)} GB; Chromium ${browserVersion}; CPU throttling ${config.cpuThrottlingRate}×.`,
    "",
    '(A) React + SurveyJS (`new Model(json)` + `<Survey model />`); (B) the same page with `<KlyngeSurvey version round />`. Both built by Vite in this run with the same settings, both render `toSurveyJson(templateVersion("rehab"))`.',
    "",
    "Built size, all JS and all CSS emitted; KiB (1024 bytes); gzip level 9.",
    "",
    "| what | files A / B | A min | B min | B/A min | A gzip | B gzip | B/A gzip |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    sizeRow("JS", "js"),
    sizeRow("CSS", "css"),
    `| JS + CSS | | ${kb(total(sizes.A, "min"))} | ${kb(total(sizes.B, "min"))} | ${x(ratio(total(sizes.B, "min"), total(sizes.A, "min")))} | ${kb(total(sizes.A, "gzip"))} | ${kb(total(sizes.B, "gzip"))} | ${x(allGzip)} |`,
    "",
    `Time to first question (title in the DOM and laid out), ms from navigation start; cold loads in fresh contexts, cache off, ${config.cpuThrottlingRate}× CPU throttling, A and B interleaved.`,
    "",
    "| page | loads | median | min | max | all |",
    "| --- | --- | --- | --- | --- | --- |",
    .../** @type {const} */ (["A", "B"]).map(
      (w) =>
        `| ${w} | ${loads[w].length} | ${quantile(loads[w], 0.5).toFixed(0)} | ${Math.min(...loads[w]).toFixed(0)} | ${Math.max(...loads[w]).toFixed(0)} | ${loads[w].map((v) => v.toFixed(0)).join(", ")} |`,
    ),
    `| B/A | | ${x(ratio(medB, medA))} | | | |`,
    "",
    `Clicks on a radio of the first question, ms; ${commits.B.checked.length} timed clicks per page after ${config.clicks.warmup} warm-up clicks, alternating two options, ${config.clicks.pauseMs} ms apart; persistent profiles (IndexedDB on disk); ${config.cpuThrottlingRate}× CPU throttling; ${timeouts} timeouts (5 s). "Shown checked" is SurveyJS's own handling of the click (the option's checked class set), the baseline; "answer → committed" is the widget's User Timing measure from SurveyJS's value-change event to the IndexedDB \`complete\` (strict durability); "click → Gemt" is what the GP sees.`,
    "",
    "| what | p50 | p95 | max |",
    "| --- | --- | --- | --- |",
    clickRow("A: click → shown checked", checkedA),
    clickRow("B: click → shown checked", checkedB),
    clickRow("B: answer → committed", committed),
    clickRow(`B: click → "${savedText}" shown`, shown),
    clickRow(`B: shown checked → "${savedText}" shown, per click`, afterChecked),
    `| B/A, click → shown checked | ${x(ratio(checkedB.p50, checkedA.p50))} | ${x(ratio(checkedB.p95, checkedA.p95))} | |`,
    "",
    "| goal | measured | target | result |",
    "| --- | --- | --- | --- |",
    `| bundle B/A, JS gzip | ${x(jsGzip)} | ≤ ${config.goals.bundle}× | ${pass(jsGzip <= config.goals.bundle)} |`,
    `| bundle B/A, JS + CSS gzip | ${x(allGzip)} | ≤ ${config.goals.bundle}× | ${pass(allGzip <= config.goals.bundle)} |`,
    `| first question B/A, median | ${x(ratio(medB, medA))} | ≤ ${config.goals.firstQuestion}× | ${pass(ratio(medB, medA) <= config.goals.firstQuestion)} |`,
    `| answer → committed p95 (absolute) | ${p95.toFixed(1)} ms | ≤ ${config.goals.commitP95Ms} ms | ${pass(p95 <= config.goals.commitP95Ms && timeouts === 0)} |`,
    "",
  ].join("\n");
  writeBenchResults("widget", quick, markdown, {
    startedAt: new Date(startedAt).toISOString(),
    elapsedSeconds: elapsed,
    sources: describeSources(),
    machine: {
      node: process.version,
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? "unknown",
      totalMemGiB: Math.round(os.totalmem() / 2 ** 30),
      chromium: browserVersion,
    },
    config,
    sizes,
    firstQuestionMs: loads,
    clicksMs: commits,
    summary: {
      jsGzipRatio: jsGzip,
      allGzipRatio: allGzip,
      firstQuestionMedianMs: { A: medA, B: medB, ratio: ratio(medB, medA) },
      clicksMs: { checkedA, checkedB, committed, shown },
    },
    pages: {
      A: relative(fileURLToPath(root), join(pagesDir, "pageA.jsx")),
      B: relative(fileURLToPath(root), join(pagesDir, "pageB.jsx")),
    },
  });
}

function describeSources() {
  return describeSourcesOf(["packages", "bench/widget"]);
}
