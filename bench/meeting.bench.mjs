// Issue 5: the embed's host script size, and the meeting app's time to first question warm (from
// its service worker) against cold (first visit), measured in the same run. Run with `pnpm bench`
// (builds the packages first); `node bench/meeting.bench.mjs --quick` is a smoke run only.
//
// Host script: packages/widget/dist/embed.js, minified as built and gzipped, against the 5 KB
// goal and against the iframe page's own JS (what the host script spares the host page).
// Meeting app: built here with its own Vite config (vite-plugin-pwa); served with `no-store`
// from 127.0.0.1 with the round at /api/rounds/:id. Each pair runs in a fresh context with 4×
// CPU throttling: "cold" is the first visit (empty profile, no service worker); then, once the
// app says it is ready offline, "warm" is the next visit, answered by the service worker.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
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

const quick = process.argv.includes("--quick");
const config = {
  cpuThrottlingRate: 4,
  warmupPairs: quick ? 0 : 1,
  pairs: quick ? 1 : 9,
  gzipLevel: 9,
  goals: { hostScriptGzipBytes: 5 * 1024, warmOverCold: 0.6 },
};

const root = new URL("../", import.meta.url);
const widgetDir = fileURLToPath(new URL("packages/widget/", root));
const appDir = fileURLToPath(new URL("examples/meeting-app/", root));
const requireFromApp = createRequire(join(appDir, "package.json"));
const { build } = /** @type {typeof import("vite")} */ (
  await import(requireFromApp.resolve("vite"))
);
const { chromium } = /** @type {typeof import("playwright-core")} */ (
  requireFromApp("playwright-core")
);

const startedAt = Date.now();
const log = benchLog("meeting bench", startedAt);
const version = templateVersion("rehab");
const round = {
  id: "bench.rehab",
  label: "Benchmark",
  versionHash: version.hash,
  cluster: "Bench",
};
const firstTitle = version.questionnaire.questions[0].text.da;
const offlineReadyText = "Appen er klar til brug uden net på denne enhed.";

const hostScript = measureFile(join(widgetDir, "dist", "embed.js"));
const frameJs = walk(join(widgetDir, "dist", "frame"))
  .filter((file) => extname(file) === ".js")
  .map(measureFile)
  .reduce((sum, one) => ({ min: sum.min + one.min, gzip: sum.gzip + one.gzip }), {
    min: 0,
    gzip: 0,
  });
log(`host script ${hostScript.gzip} B gzip; iframe page JS ${frameJs.gzip} B gzip`);

const tmp = mkdtempSync(join(os.tmpdir(), "klynge-meeting-bench-"));
try {
  log("building the meeting app with its Vite config");
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  await build({
    root: appDir,
    configFile: join(appDir, "vite.config.ts"),
    logLevel: "silent",
    build: { outDir: join(tmp, "app"), emptyOutDir: true },
  });
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
  const roundBody = JSON.stringify({ round, version, embed: { shareAnswersWith: [] } });
  const server = await serveDir(tmp, {
    route(pathname, response) {
      if (pathname !== `/api/rounds/${round.id}`) return false;
      response.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      response.end(roundBody);
      return true;
    },
  });
  const url = `http://127.0.0.1:${server.port}/app/?round=${round.id}`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const browserVersion = browser.version();
  /** @type {{ cold: number[], warm: number[], controlled: boolean[] }} */
  const loads = { cold: [], warm: [], controlled: [] };
  try {
    for (let i = -config.warmupPairs; i < config.pairs; i += 1) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.addInitScript(markFirstQuestion, firstTitle);
        const cdp = await context.newCDPSession(page);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: config.cpuThrottlingRate });
        const cold = await timeLoad(page, () => page.goto(url));
        await page.getByText(offlineReadyText).waitFor({ timeout: 120_000 });
        const warm = await timeLoad(page, () => page.reload());
        const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
        if (i >= 0) {
          loads.cold.push(cold);
          loads.warm.push(warm);
          loads.controlled.push(controlled);
        }
        log(
          `pair ${i >= 0 ? `#${i + 1}` : "warm-up"}: cold ${cold.toFixed(0)} ms, warm ${warm.toFixed(0)} ms${controlled ? "" : " (NOT controlled by the service worker)"}`,
        );
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  writeResults({ loads, browserVersion });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

/** @param {import("playwright-core").Page} page @param {() => Promise<unknown>} navigate */
async function timeLoad(page, navigate) {
  await navigate();
  await page.waitForFunction(() => /** @type {any} */ (window).__klyngeFirstQuestionAt, null, {
    timeout: 120_000,
  });
  return page.evaluate(() => /** @type {any} */ (window).__klyngeFirstQuestionAt);
}

/** @param {string} file */
function measureFile(file) {
  const bytes = readFileSync(file);
  return { min: bytes.length, gzip: gzipSync(bytes, { level: config.gzipLevel }).length };
}

/** @param {{ loads: { cold: number[], warm: number[], controlled: boolean[] }, browserVersion: string }} r */
function writeResults({ loads, browserVersion }) {
  const x = (/** @type {number} */ v) => `${v.toFixed(3)}×`;
  const pass = (/** @type {boolean} */ ok) => (ok ? "PASS" : "FAIL");
  const medCold = quantile(loads.cold, 0.5);
  const medWarm = quantile(loads.warm, 0.5);
  const ratio = medWarm / medCold;
  const allControlled = loads.controlled.every(Boolean);
  const elapsed = (Date.now() - startedAt) / 1000;
  const row = (/** @type {"cold" | "warm"} */ w) =>
    `| ${w} | ${loads[w].length} | ${quantile(loads[w], 0.5).toFixed(0)} | ${Math.min(...loads[w]).toFixed(0)} | ${Math.max(...loads[w]).toFixed(0)} | ${loads[w].map((v) => v.toFixed(0)).join(", ")} |`;
  const markdown = [
    `# Embed and meeting app benchmark (issue 5)${quick ? " — QUICK SMOKE RUN, figures mean nothing" : ""}`,
    "",
    `Run ${new Date(startedAt).toISOString()}, ${elapsed.toFixed(0)} s; sources ${describeSources(["packages", "examples/meeting-app", "bench"])}.`,
    `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown"}; Chromium ${browserVersion}; CPU throttling ${config.cpuThrottlingRate}×.`,
    "",
    `Host script (\`packages/widget/dist/embed.js\`), bytes; gzip level ${config.gzipLevel}. Baseline: the iframe page's JS, which the host page never loads.`,
    "",
    "| what | min | gzip |",
    "| --- | --- | --- |",
    `| host script | ${hostScript.min} | ${hostScript.gzip} |`,
    `| iframe page JS | ${frameJs.min} | ${frameJs.gzip} |`,
    `| host / iframe | ${x(hostScript.min / frameJs.min)} | ${x(hostScript.gzip / frameJs.gzip)} |`,
    "",
    `Meeting app, time to the first screen (the first question's title, or the respondent's intro before it, in the DOM and laid out), ms from navigation start; ${loads.cold.length} pairs after ${config.warmupPairs} warm-up pair, each in a fresh context; cold = first visit, warm = the next visit once the service worker is installed (${allControlled ? "every warm load was controlled by it" : "NOT every warm load was controlled by it"}); loopback network, every response \`no-store\`, ${config.cpuThrottlingRate}× CPU throttling.`,
    "",
    "| load | n | median | min | max | all |",
    "| --- | --- | --- | --- | --- | --- |",
    row("cold"),
    row("warm"),
    `| warm/cold | | ${x(ratio)} | | | |`,
    "",
    "| goal | measured | target | result |",
    "| --- | --- | --- | --- |",
    `| host script gzip | ${(hostScript.gzip / 1024).toFixed(2)} KiB | ≤ 5 KiB | ${pass(hostScript.gzip <= config.goals.hostScriptGzipBytes)} |`,
    `| meeting app first question, warm/cold median | ${x(ratio)} | ≤ ${config.goals.warmOverCold}× | ${pass(ratio <= config.goals.warmOverCold && allControlled)} |`,
    "",
  ].join("\n");
  writeBenchResults("meeting", quick, markdown, {
    startedAt: new Date(startedAt).toISOString(),
    elapsedSeconds: elapsed,
    machine: { node: process.version, cores: os.cpus().length, chromium: browserVersion },
    config,
    hostScript,
    frameJs,
    firstQuestionMs: loads,
    summary: { medianColdMs: medCold, medianWarmMs: medWarm, warmOverCold: ratio },
  });
}
