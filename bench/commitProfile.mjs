// Issue 17: where the time of one answer's save goes, and the save's latency against a baseline
// commit, interleaved in one run. Not part of `pnpm bench` (the widget bench keeps the figures);
// a tool for working on the save path. Builds the widget, engine and bank first, then:
//
//   node bench/commitProfile.mjs [--base <ref>] [--also <ref>] [--rounds 4] [--clicks 20] [--profile] [--trace]
//
// Page B of the widget bench (`bench/widget/pageB.jsx`) is built from this tree's widget source
// ("new"), from `--base`'s (default HEAD, via `git archive`, "base") and, if given, from
// `--also`'s ("also"; `git stash create` makes a ref of a trial without a branch). Each round
// clicks radios of the first question on each (order alternating), in persistent profiles with
// 4× CPU throttling, as the widget bench does, and times each click's transaction (made, first
// and last request's success, complete). Per page it also times the floor: a strict-durability
// transaction putting one small record, alone in the idle page, on the same disk.
// `--profile`: a CPU profile (CDP Profiler) of the "new" page's clicks, built unminified, as self
// time by source file. `--trace`: a Chromium trace of 8 clicks, the main thread's tasks after each.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { templateVersion } from "@klynge/question-bank";
import { benchLog, chromiumArgs, chromiumPath, quantile, serveDir } from "./lib/browserBench.mjs";

const arg = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : (process.argv[at + 1] ?? fallback);
};
/** Other builds to compare with this tree's, by git ref (`git stash create` gives one for a trial). */
const refs = {
  base: arg("--base", "HEAD"),
  ...(process.argv.includes("--also") ? { also: arg("--also", "HEAD") } : {}),
};
const rounds = Number(arg("--rounds", "4"));
const clicksPerRound = Number(arg("--clicks", "20"));
const profiling = process.argv.includes("--profile");
const tracing = process.argv.includes("--trace");
const config = { cpuThrottlingRate: 4, warmup: 3, pauseMs: 100 };

const root = fileURLToPath(new URL("../", import.meta.url));
const pagesDir = fileURLToPath(new URL("widget/", import.meta.url));
const widgetDir = join(root, "packages", "widget");
const requireFromWidget = createRequire(join(widgetDir, "package.json"));
const { build } = /** @type {typeof import("vite")} */ (
  await import(requireFromWidget.resolve("vite"))
);
const { chromium } = /** @type {typeof import("playwright-core")} */ (
  requireFromWidget("playwright-core")
);
const { saveMeasureName } = await import(join(widgetDir, "dist", "index.js"));

const log = benchLog("commit profile", Date.now());
const version = templateVersion("rehab");
const round = { id: "bench.rehab", label: "Benchmark", versionHash: version.hash, cluster: "B" };

const tmp = mkdtempSync(join(os.tmpdir(), "klynge-commit-profile-"));
try {
  /** @type {Record<string, string>} */
  const sources = { new: join(widgetDir, "src") };
  for (const [name, ref] of Object.entries(refs)) {
    const into = join(tmp, `${name}-src`);
    mkdirSync(into);
    execFileSync("sh", [
      "-c",
      `git -C "${root}" archive "${ref}" packages/widget/src | tar -x -C "${into}"`,
    ]);
    sources[name] = join(into, "packages/widget/src");
  }
  log(
    `building new (this tree), ${Object.entries(refs)
      .map(([n, r]) => `${n} (${r})`)
      .join(", ")}`,
  );
  for (const [name, src] of Object.entries(sources)) await buildPage(src, join(tmp, name), false);
  const names = Object.keys(sources);
  if (profiling || tracing) await buildPage(sources.new, join(tmp, "profiled"), true);
  const server = await serveDir(tmp, { deny: (path) => path.includes(`${sep}profile-`) });
  const url = (/** @type {string} */ name) => `http://127.0.0.1:${server.port}/${name}/b.html`;
  /** @type {Record<string, { committed: number[], shown: number[], checked: number[], floor: number[] }>} */
  const all = {};
  /** @type {Record<string, Record<string, number>[]>} */
  const phasesOf = {};
  for (let r = 0; r < rounds; r += 1) {
    for (const name of r % 2 === 0 ? names : [...names].reverse()) {
      const got = await clicks(url(name), join(tmp, `profile-${name}`));
      all[name] ??= { committed: [], shown: [], checked: [], floor: [] };
      for (const key of /** @type {const} */ (["committed", "shown", "checked", "floor"]))
        all[name][key].push(...got[key]);
      phasesOf[name] ??= [];
      phasesOf[name].push(...got.phases);
      log(`round ${r + 1} ${name}: committed p50 ${quantile(got.committed, 0.5).toFixed(1)} ms`);
    }
  }
  const row = (/** @type {string} */ what, /** @type {number[]} */ v) =>
    `| ${what} | ${v.length} | ${quantile(v, 0.5).toFixed(1)} | ${quantile(v, 0.95).toFixed(1)} | ${Math.max(...v).toFixed(1)} |`;
  const lines = ["| what | n | p50 | p95 | max |", "| --- | --- | --- | --- | --- |"];
  for (const name of Object.keys(all)) {
    lines.push(row(`${name}: answer → committed`, all[name].committed));
    lines.push(row(`${name}: click → "Gemt"`, all[name].shown));
    lines.push(row(`${name}: click → shown checked`, all[name].checked));
    lines.push(row(`${name}: floor, one strict put alone`, all[name].floor));
  }
  lines.push(
    "",
    "Phases of a click's save, ms after the click (p50 / p95): returned from click(), transaction made, its first and last request's success, its complete, shown checked, Gemt.",
    "",
  );
  for (const [name, phases] of Object.entries(phasesOf)) {
    const keys = Object.keys(phases[0] ?? {});
    lines.push(
      `${name}: ${keys
        .map(
          (k) =>
            `${k} ${quantile(
              phases.map((p) => p[k]),
              0.5,
            ).toFixed(1)} / ${quantile(
              phases.map((p) => p[k]),
              0.95,
            ).toFixed(1)}`,
        )
        .join(", ")}`,
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
  if (profiling) {
    const profile = await clicks(url("profiled"), join(tmp, "profile-profiled"), true);
    printProfile(/** @type {any} */ (profile.profile), join(tmp, "profiled"));
  }
  if (tracing) await traceClicks(url("profiled"), join(tmp, "profile-traced"));
  server.close();
} finally {
  if (process.env.KEEP === undefined) rmSync(tmp, { recursive: true, force: true });
}

/**
 * Page B built from the widget source in `src` (bare imports resolved from the widget package).
 * @param {string} src @param {string} outDir @param {boolean} readable
 */
async function buildPage(src, outDir, readable) {
  const anchor = join(widgetDir, "src", "index.ts");
  /** @type {Record<string, string>} */
  const virtual = {
    "klynge-bench:version": `export const version = ${JSON.stringify(version)};\nexport const round = ${JSON.stringify(round)};`,
  };
  await build({
    configFile: false,
    logLevel: "silent",
    root: pagesDir,
    base: "./",
    mode: "production",
    plugins: [
      {
        name: "klynge-commit-profile-resolve",
        enforce: "pre",
        resolveId(source, importer, options) {
          if (source in virtual) return `\0${source}`;
          if (source === "@klynge/widget") return join(src, "index.ts");
          if (source === "@klynge/widget/klynge-survey.css")
            return join(src, "survey", "klynge-survey.css");
          const ours = importer?.startsWith(pagesDir) || importer?.startsWith(tmp);
          if (ours && /^[@a-z]/.test(source))
            return this.resolve(source, anchor, { ...options, skipSelf: true });
          return null;
        },
        load(id) {
          return id.startsWith("\0") ? virtual[id.slice(1)] : null;
        },
      },
    ],
    resolve: { conditions: ["@klynge/source", "module", "browser", "production"] },
    build: {
      outDir,
      emptyOutDir: true,
      minify: !readable,
      sourcemap: readable,
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
      rollupOptions: { input: join(pagesDir, "b.html") },
    },
  });
}

/**
 * Page B in a persistent profile (IndexedDB on disk), 4× throttled, its transactions watched,
 * once the draft is read. @param {string} pageUrl @param {string} profileDir
 */
async function openPage(pageUrl, profileDir) {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: config.cpuThrottlingRate });
  await page.addInitScript(watchTransactions);
  await page.goto(pageUrl);
  await page.locator(".klynge-survey[aria-busy=false] .sd-question").first().waitFor();
  return { context, page, cdp };
}

/**
 * Warm-up and timed clicks on one page, then the floor; with `profile`, a CPU profile of the
 * timed clicks.
 * @param {string} pageUrl @param {string} profileDir @param {boolean} [profile]
 */
async function clicks(pageUrl, profileDir, profile = false) {
  const { context, page, cdp } = await openPage(pageUrl, profileDir);
  try {
    if (profile) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    }
    const run = { warmup: config.warmup, timed: clicksPerRound, pauseMs: config.pauseMs };
    const measured = await page.evaluate(
      async ({ warmup, timed, pauseMs, measure }) => {
        const indicator = /** @type {Element} */ (document.querySelector(".klynge-survey__saved"));
        const radios = /** @type {HTMLInputElement[]} */ ([
          ...(document.querySelector(".sd-question")?.querySelectorAll("input[type=radio]") ?? []),
        ]);
        const when = (
          /** @type {Node} */ node,
          /** @type {() => boolean} */ done,
          /** @type {MutationObserverInit} */ what,
        ) =>
          new Promise((resolve, reject) => {
            const observer = new MutationObserver(() => {
              if (!done()) return;
              observer.disconnect();
              resolve(performance.now());
            });
            observer.observe(node, what);
            setTimeout(() => reject(new Error("commit profile: no change in 5 s")), 5000);
          });
        // A resumed draft has one of the two checked already: start with the other.
        const offset = radios[0].checked ? 1 : 0;
        const pause = () => new Promise((resolve) => setTimeout(resolve, pauseMs));
        /** @type {number[]} */
        const checked = [];
        /** @type {number[]} */
        const shown = [];
        /** @type {Record<string, number>[]} */
        const phases = [];
        for (let i = 0; i < warmup + timed; i += 1) {
          if (i === warmup) performance.clearMeasures(measure);
          const item = /** @type {Element} */ (radios[(i + offset) % 2].closest(".sd-item"));
          const checkedAt = when(item, () => item.classList.contains("sd-radio--checked"), {
            attributes: true,
            attributeFilter: ["class"],
          });
          const savedAt = when(indicator, () => indicator.textContent === "Gemt", {
            childList: true,
            subtree: true,
            characterData: true,
          });
          const clickedAt = performance.now();
          // @ts-expect-error set by watchTransactions
          window.__klyngeTx.length = 0;
          radios[(i + offset) % 2].click();
          const returnedAt = performance.now();
          const [c, g] = /** @type {number[]} */ (await Promise.all([checkedAt, savedAt]));
          if (i >= warmup) {
            checked.push(c - clickedAt);
            shown.push(g - clickedAt);
            // @ts-expect-error set by watchTransactions
            const tx = window.__klyngeTx.find((t) => t.mode === "readwrite");
            if (tx !== undefined)
              phases.push({
                returned: returnedAt - clickedAt,
                inIdbCalls: tx.inCalls,
                txCreated: tx.created - clickedAt,
                firstSuccess: (tx.firstSuccess ?? Number.NaN) - clickedAt,
                lastSuccess: (tx.lastSuccess ?? Number.NaN) - clickedAt,
                complete: (tx.complete ?? Number.NaN) - clickedAt,
                checked: c - clickedAt,
                gemt: g - clickedAt,
              });
          }
          await pause();
        }
        const committed = performance.getEntriesByName(measure).map((e) => e.duration);
        // The floor: one small record put with strict durability, nothing else running.
        const db = await new Promise((resolve, reject) => {
          const open = indexedDB.open("klynge-commit-floor", 1);
          open.onupgradeneeded = () => open.result.createObjectStore("s");
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        /** @type {number[]} */
        const floor = [];
        for (let i = 0; i < timed; i += 1) {
          const start = performance.now();
          await new Promise((resolve, reject) => {
            const tx = /** @type {IDBDatabase} */ (db).transaction("s", "readwrite", {
              durability: "strict",
            });
            tx.objectStore("s").put({ i, at: start }, "k");
            tx.oncomplete = resolve;
            tx.onerror = () => reject(tx.error);
          });
          floor.push(performance.now() - start);
          await pause();
        }
        return { checked, shown, committed, floor, phases };
      },
      { ...run, measure: saveMeasureName },
    );
    if (!profile) return measured;
    // A second pass, profiled (the profiler's own overhead stays out of the figures above).
    await cdp.send("Profiler.start");
    await page.evaluate(async ({ timed, pauseMs }) => {
      const radios = /** @type {HTMLInputElement[]} */ ([
        ...(document.querySelector(".sd-question")?.querySelectorAll("input[type=radio]") ?? []),
      ]);
      const indicator = /** @type {Element} */ (document.querySelector(".klynge-survey__saved"));
      const offset = radios[0].checked ? 1 : 0;
      for (let i = 0; i < timed; i += 1) {
        radios[(i + offset) % 2].click();
        await new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (indicator.textContent !== "Gemt") return;
            observer.disconnect();
            resolve(undefined);
          });
          observer.observe(indicator, { childList: true, subtree: true, characterData: true });
        });
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
    }, run);
    const { profile: cpuProfile } = await cdp.send("Profiler.stop");
    return { ...measured, profile: cpuProfile };
  } finally {
    await context.close();
  }
}

/**
 * Self time of the profiled clicks by source file, the idle
 * time left out.
 * @param {any} profile @param {string} outDir
 */
function printProfile(profile, outDir) {
  /** @type {Map<string, ((line: number, column: number) => string | undefined) | undefined>} */
  const maps = new Map();
  const sourceOf = (
    /** @type {string} */ url,
    /** @type {number} */ line,
    /** @type {number} */ column,
  ) => {
    const file = url.split("/").pop() ?? "";
    if (!maps.has(file)) {
      try {
        maps.set(file, readSourceMap(readFileSync(join(outDir, "assets", `${file}.map`), "utf8")));
      } catch {
        maps.set(file, undefined);
      }
    }
    return maps.get(file)?.(line, column);
  };
  /** @type {Map<number, any>} */
  const nodes = new Map(profile.nodes.map((/** @type {any} */ n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const selfUs = new Map();
  profile.samples.forEach((/** @type {number} */ id, /** @type {number} */ i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  /** @type {Map<string, number>} */
  const byFile = new Map();
  /** @type {Map<string, number>} */
  const byFunction = new Map();
  let total = 0;
  for (const [id, us] of selfUs) {
    const { callFrame } = nodes.get(id);
    if (callFrame.functionName === "(idle)" || callFrame.functionName === "(program)") continue;
    total += us;
    let where = callFrame.url === "" ? callFrame.functionName : callFrame.url;
    const source =
      callFrame.url === ""
        ? undefined
        : sourceOf(callFrame.url, callFrame.lineNumber, callFrame.columnNumber);
    if (source !== undefined)
      where = source.replace(/^.*node_modules\//, "").replace(/^(\.\.\/)+/, "");
    byFile.set(where, (byFile.get(where) ?? 0) + us);
    const fn = `${callFrame.functionName || "(anonymous)"} @ ${where}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const top = (/** @type {Map<string, number>} */ m, /** @type {number} */ n) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(
        ([k, us]) =>
          `${(us / 1000).toFixed(1).padStart(8)} ms  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`,
      )
      .join("\n");
  process.stdout.write(
    `\nCPU profile of ${clicksPerRound} clicks (4× throttled), busy ${(total / 1000).toFixed(0)} ms, self time:\n\nby file\n${top(byFile, 30)}\n\nby function\n${top(byFunction, 30)}\n`,
  );
}

/**
 * The source file of a generated position, from a source map's VLQ mappings (no dependency for a
 * profiling tool). @param {string} json
 */
function readSourceMap(json) {
  const { sources, mappings } = JSON.parse(json);
  const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  /** @type {{ column: number, source: number }[][]} */
  const lines = [];
  let source = 0;
  for (const text of mappings.split(";")) {
    /** @type {{ column: number, source: number }[]} */
    const segments = [];
    let column = 0;
    for (const segment of text.split(",")) {
      if (segment === "") continue;
      /** @type {number[]} */
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = digits.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >> 1) : value >> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) source += values[1];
      segments.push({ column, source });
    }
    lines.push(segments);
  }
  return (/** @type {number} */ line, /** @type {number} */ column) => {
    const found = (lines[line] ?? []).findLast((s) => s.column <= column);
    return found === undefined ? undefined : sources[found.source];
  };
}

/** In the page, before its scripts: when each IndexedDB transaction is made, its requests succeed, it completes. */
function watchTransactions() {
  /** @type {{ mode: string, created: number, firstSuccess?: number, lastSuccess?: number, complete?: number }[]} */
  const log = [];
  /** @type {any} */ (window).__klyngeTx = log;
  const transaction = IDBDatabase.prototype.transaction;
  const requests = new WeakMap();
  IDBDatabase.prototype.transaction = function (/** @type {any[]} */ ...args) {
    const before = performance.now();
    const tx = transaction.apply(this, /** @type {any} */ (args));
    const entry = {
      mode: tx.mode,
      created: performance.now(),
      inCalls: performance.now() - before,
    };
    log.push(entry);
    requests.set(tx, entry);
    tx.addEventListener("complete", () => {
      /** @type {any} */ (entry).complete = performance.now();
    });
    return tx;
  };
  for (const method of /** @type {const} */ (["get", "put"])) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (/** @type {any[]} */ ...args) {
      const before = performance.now();
      const request = original.apply(this, /** @type {any} */ (args));
      const entry = requests.get(this.transaction);
      if (entry !== undefined) entry.inCalls += performance.now() - before;
      request.addEventListener("success", () => {
        if (entry === undefined) return;
        entry.firstSuccess ??= performance.now();
        entry.lastSuccess = performance.now();
      });
      return request;
    };
  }
}

/**
 * A Chromium trace of 6 clicks on the unminified page: per click, the main thread's tasks after
 * it (ms from the click, duration, what ran), to see what the save waits for.
 * @param {string} pageUrl @param {string} profileDir
 */
async function traceClicks(pageUrl, profileDir) {
  const { context, page, cdp } = await openPage(pageUrl, profileDir);
  try {
    /** @type {any[]} */
    const events = [];
    cdp.on("Tracing.dataCollected", (data) => events.push(...data.value));
    const finished = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.start", {
      traceConfig: {
        includedCategories: [
          "devtools.timeline",
          "disabled-by-default-devtools.timeline",
          "blink.user_timing",
          "v8.execute",
          "IndexedDB",
          "toplevel",
        ],
      },
    });
    await page.evaluate(async (pauseMs) => {
      const radios = /** @type {HTMLInputElement[]} */ ([
        ...(document.querySelector(".sd-question")?.querySelectorAll("input[type=radio]") ?? []),
      ]);
      const indicator = /** @type {Element} */ (document.querySelector(".klynge-survey__saved"));
      const offset = radios[0].checked ? 1 : 0;
      for (let i = 0; i < 8; i += 1) {
        const saved = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (indicator.textContent !== "Gemt") return;
            observer.disconnect();
            resolve(undefined);
          });
          observer.observe(indicator, { childList: true, subtree: true, characterData: true });
        });
        performance.mark(`klynge-click-${i}`);
        radios[(i + offset) % 2].click();
        await saved;
        performance.mark(`klynge-gemt-${i}`);
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
    }, config.pauseMs);
    await cdp.send("Tracing.end");
    await finished;
    const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
    const onMain = events.filter((e) => e.pid === main?.pid && e.tid === main?.tid);
    const marks = events.filter((e) => e.cat?.includes("blink.user_timing"));
    const at = (/** @type {string} */ name) => marks.find((e) => e.name === name)?.ts;
    for (let i = 2; i < 8; i += 1) {
      const start = at(`klynge-click-${i}`);
      const end = at(`klynge-gemt-${i}`);
      if (start === undefined || end === undefined) continue;
      const tasks = onMain.filter(
        (e) => e.ph === "X" && e.name === "RunTask" && e.ts + e.dur >= start && e.ts <= end,
      );
      process.stdout.write(`\nclick ${i}: Gemt after ${((end - start) / 1000).toFixed(1)} ms\n`);
      for (const task of tasks) {
        const inside = onMain.filter(
          (e) => e.ph === "X" && e.ts >= task.ts && e.ts < task.ts + task.dur && e !== task,
        );
        const what = inside
          .filter(
            (e) =>
              [
                "EventDispatch",
                "FunctionCall",
                "TimerFire",
                "FireAnimationFrame",
                "RunMicrotasks",
                "V8.Execute",
                "UpdateLayoutTree",
                "Layout",
                "Paint",
                "HitTest",
                "ParseHTML",
                "MajorGC",
                "MinorGC",
              ].includes(e.name) || e.cat?.includes("IndexedDB"),
          )
          .slice(0, 6)
          .map(
            (e) =>
              `${e.name}${e.args?.data?.type ? `(${e.args.data.type})` : ""}${e.args?.data?.functionName ? `(${e.args.data.functionName})` : ""} ${(e.dur / 1000).toFixed(1)}`,
          )
          .join(", ");
        process.stdout.write(
          `  +${((task.ts - start) / 1000).toFixed(1).padStart(6)} ms  ${(task.dur / 1000).toFixed(1).padStart(6)} ms  ${what}\n`,
        );
      }
    }
  } finally {
    await context.close();
  }
}
