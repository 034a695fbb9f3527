// @vitest-environment node
import { mkdtemp, rm } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CollectorServer, startCollectorServer } from "@klynge/test-support/collectorServer";
import {
  type EngineName,
  engineNames,
  launchOnProfile,
  type ProfileBrowser,
} from "@klynge/test-support/engines";
import { seededRandom } from "@klynge/test-support/random";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildWidgetBundle } from "./fixtures/buildWidgetBundle.js";
import { type KillPlan, type KillReadBack, killPageHtml } from "./fixtures/killPage.js";
import "./fixtures/pageGlobals.js";
import { responseId, roundId, versionHash } from "./fixtures/responses.js";

// "Gemt" means saved: once saveAnswer resolved, the answer survives the browser being killed
// hard, in each of the three engines. Each run opens the browser on the same profile at a page
// that reads the previous run's draft back, then saves answers in a loop and reports every
// resolved save to Node over HTTP; Node SIGKILLs the browser's whole process group at a seeded
// save (at once from the report's handler, or a few ms later) and checks every reported answer
// in the next run. Killing from the handler is what gives the test teeth: reporting a save before
// it resolved fails it. No driver is attached: WebKitGTK's MiniBrowser keeps website data in
// memory in automation mode, so all three run as a user runs them (`launchOnProfile`).
// SIGKILL loses the processes, not the OS page cache: fsync (strict durability) is not tested.
// KLYNGE_KILL_RUNS raises the count (per engine), KLYNGE_KILL_SEED changes the points.
// Now and then on a loaded CI machine Chromium's whole origin database was gone after the restart
// (no draft of any run left, nothing quarantined): its recovery from a damaged database, not a
// torn write. Such resets are counted apart and printed per engine (at most `maxResets`); a
// missing answer or draft in a database that survived fails the test.

const runs = Number(process.env.KLYNGE_KILL_RUNS ?? 20);

/**
 * Resets allowed in `n` kills: 2 in 20, 5 in 100. Seen in Chromium under load: 3 in 120 kills in
 * CI runs beside two CPU hogs (2026-12-06/07), 0 in 100 of `pnpm bench:kill`; never in Firefox or
 * WebKit. At 1 in 40, 2 or more in 20 kills come in 9 % of runs (the old limit of 1 turned CI red
 * that often), 3 or more in 1.3 %; at 1 in 10, 3 or more in a third of runs.
 */
function maxResets(n: number): number {
  return Math.max(2, Math.ceil(n / 20));
}
const seed = Number(process.env.KLYNGE_KILL_SEED ?? 20261123);
/** Kill points: after a save in [0, 30), at once or up to 20 ms later. */
const maxKillAfterSave = 30;
const maxKillDelayMs = 20;
/** Saves per run at most; the loop is killed long before. */
const maxSaves = 5_000;
/** A ceiling for one launch's page to load, read back and reach its kill point, not a wait. */
const launchCeilingMs = Number(process.env.KLYNGE_KILL_CEILING_MS ?? 60_000);

/** The launch Node expects to hear from, and what it does with what it hears. */
interface Expected {
  readonly launch: string;
  readonly plan: KillPlan;
  /** The page asked for its plan: it loaded. */
  onPlanned(): void;
  onBack(back: KillReadBack): void;
  onSaved(index: number): void;
  onFailed(error: Error): void;
}

let expected: Expected | undefined;
let server: CollectorServer;

function noContent(res: ServerResponse): void {
  res.writeHead(204, { "cache-control": "no-store" });
  res.end();
}

/** The page's side of the test: `/kill/plan`, `/kill/back`, `/kill/saved`, `/kill/failed`. */
function serveKill(url: URL, res: ServerResponse): boolean {
  const route = /^\/kill\/(plan|back|saved|failed)$/.exec(url.pathname)?.[1];
  if (route === undefined) return false;
  const current = expected?.launch === url.searchParams.get("launch") ? expected : undefined;
  if (route === "plan") {
    current?.onPlanned();
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify(current?.plan ?? null));
    return true;
  }
  noContent(res);
  if (current === undefined) return true;
  if (route === "saved") current.onSaved(Number(url.searchParams.get("index")));
  else if (route === "back") current.onBack(JSON.parse(url.searchParams.get("back") ?? "null"));
  else current.onFailed(new Error(`the page failed: ${url.searchParams.get("error")}`));
  return true;
}

beforeAll(async () => {
  server = await startCollectorServer(await buildWidgetBundle(), {
    page: killPageHtml,
    serve: serveKill,
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

interface KillPoint {
  /** Kill once Node hears that this save resolved… */
  readonly afterSave: number;
  /** …this much later, while later saves are under way (0: at once, in the report's handler). */
  readonly delayMs: number;
}

interface Killed {
  readonly run: number;
  readonly id: string;
  /** Saves whose resolution Node had heard of when it sent the kill. */
  readonly confirmed: number;
}

/** What is wrong with the killed run's draft as read back, if anything. */
function lossIn(killed: Killed, back: KillReadBack): string | undefined {
  const where = `run ${killed.run} (seed ${seed})`;
  if (back.quarantined.length > 0) return `${where}: quarantined ${JSON.stringify(back)}`;
  if (back.answers === undefined) return `${where}: the draft is gone (${back.drafts} drafts)`;
  const stored = Object.keys(back.answers).length;
  if (stored < killed.confirmed) {
    return `${where}: ${killed.confirmed} saves reported, ${stored} answers stored`;
  }
  // Saves run one after another, so what survived is a prefix, every answer intact.
  for (let index = 0; index < stored; index += 1) {
    const answer = JSON.stringify(back.answers[`q${index}`]);
    if (answer !== JSON.stringify({ text: `run ${killed.run} answer ${index}` })) {
      return `${where}: q${index} is ${answer}`;
    }
  }
  if (back.page !== stored - 1) return `${where}: page ${back.page} with ${stored} answers`;
  return undefined;
}

/**
 * A launch that did not reach its kill point within the ceiling (seen once in about 200 Chromium
 * kills on a machine with a load of 15: the stage was not yet recorded). Not a lost answer: the
 * browser is killed and the run made again, once per engine at most, on a draft of its own.
 */
class StuckLaunch extends Error {}

/** Relaunches allowed per engine (each printed with the stage it stuck in). */
const maxRelaunches = 1;

/** A promise with its settling functions, for events heard in the server's handler. */
function settleable<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Observed where it is awaited; one that no await reaches is not an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

async function killTest(engine: EngineName): Promise<void> {
  const profileDir = await mkdtemp(join(tmpdir(), `klynge-kill-${engine}-`));
  const random = seededRandom(seed);
  const log: string[] = [];
  const lost: string[] = [];
  let resets = 0;
  let relaunches = 0;
  /** The killed run whose answers were read back and checked (a relaunch does not check twice). */
  let checkedRun = -1;
  let killed: Killed | undefined;
  let browser: Promise<ProfileBrowser> | undefined;
  try {
    // One launch per run: it checks the previous run's answers, then saves and is killed.
    for (let run = 0; run <= runs; run += 1) {
      const at: KillPoint = {
        afterSave: Math.floor(random() * maxKillAfterSave),
        delayMs: random() < 0.5 ? 0 : 1 + Math.floor(random() * maxKillDelayMs),
      };
      const id = responseId(run, 0xdead + relaunches);
      const plan: KillPlan = {
        ...(killed === undefined ? {} : { readBack: killed.id }),
        ...(run === runs ? {} : { save: { id, run, roundId, versionHash, limit: maxSaves } }),
      };
      const back = settleable<KillReadBack>();
      const killedAt = settleable<number>();
      const failed = settleable<never>();
      let confirmed = 0;
      let stage = "the page did not load";
      let launched: Promise<ProfileBrowser> | undefined;
      const kill = () => {
        const atKill = confirmed;
        // The SIGKILL goes out synchronously once the launch has resolved (it long has).
        launched
          ?.then((running) => running.kill())
          .then(() => killedAt.resolve(atKill), killedAt.reject);
      };
      expected = {
        launch: `${engine}-${run}`,
        plan,
        onPlanned() {
          stage = "the page loaded, nothing read back";
        },
        onBack(found) {
          stage = "the page read back, no save reported";
          back.resolve(found);
        },
        onSaved(index) {
          stage = `save ${index} reported`;
          confirmed = Math.max(confirmed, index + 1);
          if (index !== at.afterSave) return;
          if (at.delayMs === 0) kill();
          else setTimeout(kill, at.delayMs);
        },
        onFailed: failed.reject,
      };
      launched = launchOnProfile(engine, {
        profileDir,
        url: `${server.origin}/?launch=${engine}-${run}`,
      });
      browser = launched;
      await launched;
      const ceiling = setTimeout(
        () =>
          launched?.then((running) =>
            failed.reject(
              new StuckLaunch(
                `${engine} run ${run}: no kill point within ${launchCeilingMs} ms: ${stage}; ` +
                  `the browser ${running.exited() ? "had exited" : "was running"}`,
              ),
            ),
          ),
        launchCeilingMs,
      );
      try {
        if (killed !== undefined && checkedRun !== killed.run) {
          const found = await Promise.race([back.promise, failed.promise]);
          checkedRun = killed.run;
          if (found.answers === undefined && found.drafts === 0 && found.quarantined.length === 0) {
            // Not a lost answer but a lost database: every earlier run's draft is gone too.
            resets += 1;
            log.push(`run ${killed.run}: the browser discarded the whole database after the kill`);
          } else {
            const loss = lossIn(killed, found);
            if (loss !== undefined) lost.push(loss);
            log.push(`run ${killed.run}: ${killed.confirmed} confirmed, ${loss ?? "all stored"}`);
          }
        }
        if (run === runs) break;
        killed = { run, id, confirmed: await Promise.race([killedAt.promise, failed.promise]) };
        browser = undefined;
        log.push(`kill ${run} after save ${at.afterSave} +${at.delayMs} ms`);
      } catch (error) {
        if (!(error instanceof StuckLaunch) || relaunches >= maxRelaunches) throw error;
        relaunches += 1;
        log.push(`${error.message}; killed and run again`);
        console.info(`${engine} kill: ${error.message}; killed and run again`);
        await (await launched).kill();
        browser = undefined;
        run -= 1;
      } finally {
        clearTimeout(ceiling);
      }
    }
  } finally {
    expected = undefined;
    await (await browser)?.kill();
    await rm(profileDir, { recursive: true, force: true, maxRetries: 10 });
  }
  console.info(
    `${engine} kill: ${runs} runs, ${lost.length} lost, ${resets} resets, ${relaunches} relaunches (seed ${seed})`,
  );
  expect(lost, log.join("; ")).toEqual([]);
  // A database discarded whole by the browser is outside what the widget can promise (the export
  // file and the server are the answer to it), but it must stay rare.
  expect(resets, log.join("; ")).toBeLessThanOrEqual(maxResets(runs));
}

for (const engine of engineNames) {
  test(
    `${engine}: every "Gemt" answer survives SIGKILL of the browser (${runs} seeded kill points)`,
    () => killTest(engine),
    60_000 + runs * 10_000,
  );
}
