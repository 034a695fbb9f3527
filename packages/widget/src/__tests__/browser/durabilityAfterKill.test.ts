// @vitest-environment node
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type KillableChromium, spawnChromium } from "@klynge/test-support/chromium";
import { type CollectorServer, startCollectorServer } from "@klynge/test-support/collectorServer";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildWidgetBundle } from "./fixtures/buildWidgetBundle.js";
import "./fixtures/pageGlobals.js";
import { seededRandom } from "@klynge/test-support/random";
import { responseId, roundId, versionHash } from "./fixtures/responses.js";

// "Gemt" means saved: once saveAnswer resolved, the answer survives the browser process being
// killed hard. Each run saves answers in a loop, the page reports every resolved save to Node,
// Node SIGKILLs Chromium at a seeded random save (at once from the report's handler, or a few ms
// later), relaunches it on the same profile and checks every reported answer is there. Killing
// from the handler is what gives the test teeth: reporting a save before it resolved fails it.
// SIGKILL loses the process, not the OS page cache: fsync (strict durability) is not tested here.
// 20 runs take ~30-45 s; KLYNGE_KILL_RUNS raises the count, KLYNGE_KILL_SEED changes the points.
// Once in about 160 kills on a loaded CI machine the whole origin database was gone after the
// restart (no draft of any run left, nothing quarantined): Chromium's recovery from a damaged
// database, not a torn write. Such resets are counted apart (at most 1 per 20 runs); a missing
// answer or draft in a database that survived still fails the test.

const runs = Number(process.env.KLYNGE_KILL_RUNS ?? 20);
const seed = Number(process.env.KLYNGE_KILL_SEED ?? 20261123);
/** Kill points: after a save in [0, 30), at once or up to 20 ms later. */
const maxKillAfterSave = 30;
const maxKillDelayMs = 20;
/** Saves per run at most; the loop is killed long before. */
const maxSaves = 5_000;

let server: CollectorServer;
let profile: string;
let chromium: KillableChromium | undefined;

beforeAll(async () => {
  server = await startCollectorServer(await buildWidgetBundle());
  profile = await mkdtemp(join(tmpdir(), "klynge-kill-"));
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  await rm(profile, { recursive: true, force: true });
});

function answerFor(run: number, index: number): { text: string } {
  return { text: `run ${run} answer ${index}` };
}

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

/** One page per launch: it reads the previous run's draft back, then saves until killed. */
async function openPage(browser: KillableChromium, onSaved: (index: number) => void) {
  const page = await browser.context.newPage();
  await page.exposeFunction("reportSaved", async (index: number) => onSaved(index));
  await page.goto(`${server.origin}/`);
  return page;
}

function readBack(page: Page, id: string) {
  return page.evaluate(async (draftId) => {
    const store = await window.KlyngeWidget.openResponseStore();
    try {
      const draft = await store.getDraft(draftId);
      // Every draft in the database: each run leaves its own, so 0 means the whole database went.
      const raw = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open("klynge");
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const drafts = await new Promise<number>((resolve, reject) => {
        const count = raw.transaction("drafts").objectStore("drafts").count();
        count.onsuccess = () => resolve(count.result);
        count.onerror = () => reject(count.error);
      });
      raw.close();
      return {
        answers: draft?.answers,
        page: draft?.page,
        quarantined: await store.quarantined(),
        drafts,
      };
    } finally {
      await store.close();
    }
  }, id);
}

/** Starts the save loop in the page and returns at once; each resolved save calls reportSaved. */
function startSaving(page: Page, run: number, id: string): Promise<void> {
  return page.evaluate(
    async ([draftId, round, hash, runNumber, limit]) => {
      const store = await window.KlyngeWidget.openResponseStore();
      await store.createDraft({
        responseId: draftId,
        roundId: round,
        versionHash: hash,
        channel: "kiosk",
      });
      void (async () => {
        for (let index = 0; index < limit; index += 1) {
          await store.saveAnswer(
            draftId,
            `q${index}`,
            { text: `run ${runNumber} answer ${index}` },
            index,
          );
          // Only after saveAnswer resolved: when the UI would show "Gemt".
          void window.reportSaved?.(index);
        }
      })();
    },
    [id, roundId, versionHash, run, maxSaves] as const,
  );
}

function expectSurvived(killed: Killed, back: Awaited<ReturnType<typeof readBack>>): number {
  const where = `run ${killed.run} (seed ${seed})`;
  expect(back.quarantined, where).toEqual([]);
  expect(back.answers, `${where}: the draft is gone`).toBeDefined();
  const stored = Object.keys(back.answers ?? {}).length;
  expect(stored, where).toBeGreaterThanOrEqual(killed.confirmed);
  // Saves run one after another, so what survived is a prefix, every answer intact.
  for (let index = 0; index < stored; index += 1) {
    expect(back.answers?.[`q${index}`], `${where}, q${index}`).toEqual(
      answerFor(killed.run, index),
    );
  }
  expect(back.page, where).toBe(stored - 1);
  return stored;
}

test(`every answer whose save resolved survives SIGKILL of Chromium (${runs} seeded kill points)`, async () => {
  const random = seededRandom(seed);
  const log: string[] = [];
  let killed: Killed | undefined;
  let resets = 0;
  // One launch per run: it checks the previous run's answers, then saves and is killed.
  for (let run = 0; run <= runs; run += 1) {
    const browser = await spawnChromium(profile);
    chromium = browser;
    const at: KillPoint = {
      afterSave: Math.floor(random() * maxKillAfterSave),
      delayMs: random() < 0.5 ? 0 : 1 + Math.floor(random() * maxKillDelayMs),
    };
    let confirmed = 0;
    let onKilled: (confirmedAtKill: number) => void = () => undefined;
    let onFailed: (error: unknown) => void = () => undefined;
    const done = new Promise<number>((resolve, reject) => {
      onKilled = resolve;
      onFailed = reject;
    });
    const kill = () => {
      const atKill = confirmed;
      // kill() sends SIGKILL synchronously, then waits for the exit.
      browser.kill().then(() => onKilled(atKill), onFailed);
    };
    const page = await openPage(browser, (index) => {
      confirmed = Math.max(confirmed, index + 1);
      if (index !== at.afterSave) return;
      if (at.delayMs === 0) kill();
      else setTimeout(kill, at.delayMs);
    });

    if (killed !== undefined) {
      const back = await readBack(page, killed.id);
      if (back.answers === undefined && back.drafts === 0 && back.quarantined.length === 0) {
        // Not a lost answer but a lost database: every earlier run's draft is gone too. Chromium
        // discards an origin's IndexedDB it finds damaged after a crash; counted and reported.
        resets += 1;
        log.push(`run ${killed.run}: the browser discarded the whole database after the kill`);
      } else {
        const stored = expectSurvived(killed, back);
        log.push(`run ${killed.run}: ${killed.confirmed} confirmed, ${stored} stored`);
      }
    }
    if (run === runs) break;

    const id = responseId(run, 0xdead);
    page.on("pageerror", onFailed);
    await startSaving(page, run, id);
    const timer = setTimeout(
      () => onFailed(new Error(`run ${run}: save ${at.afterSave} never resolved`)),
      20_000,
    );
    try {
      killed = { run, id, confirmed: await done };
    } finally {
      clearTimeout(timer);
    }
    chromium = undefined;
    log.push(`kill ${run} after save ${at.afterSave} +${at.delayMs} ms`);
  }
  console.info(`kill test, seed ${seed}, ${runs} runs, ${resets} resets: ${log.join("; ")}`);
  // A database discarded whole by the browser is outside what the widget can promise (the export
  // file and the server are the answer to it), but it must stay rare: at most one in 20 kills.
  expect(resets, log.join("; ")).toBeLessThanOrEqual(Math.floor(runs / 20));
}, 180_000);
