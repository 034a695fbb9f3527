// @vitest-environment node
import { templateVersion } from "@klynge/question-bank";
import { seriousViolationsIn } from "@klynge/test-support/axe";
import { type CollectorServer, startCollectorServer } from "@klynge/test-support/collectorServer";
import {
  type EngineBrowser,
  type EngineContext,
  type EngineName,
  type EnginePage,
  engineNames,
  launchEngine,
  type Target,
} from "@klynge/test-support/engines";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createSurveyNames } from "../../surveyjs/createSurveyNames.js";
import { buildWidgetBundle } from "./fixtures/buildWidgetBundle.js";
import { engineSurveyPageHtml, engineWidgetPageHtml } from "./fixtures/engineSurveyPage.js";
import "./fixtures/pageGlobals.js";
import { responseFor, responseId, roundId, submitInPage } from "./fixtures/responses.js";
import { storedDrafts } from "./fixtures/storedDrafts.js";
import { buildSurveyPageBundle } from "./fixtures/surveyPage.js";
import { surveyTexts } from "./fixtures/surveyTexts.js";

// The promises the widget makes a GP, kept in each of the three engines a GP's device runs:
// Chromium (Android tablets, Edge, Chrome), Firefox, and WebKit (every iPad, Safari). Written
// once over @klynge/test-support/engines; each test's name starts with its engine, and says so
// where the engine's automation cannot do what the test would do. `-t "webkit:"` runs one engine.

const rehab = templateVersion("rehab");

const text = surveyTexts;

let surveyServer: CollectorServer;
let widgetServer: CollectorServer;
/** The survey page with IndexedDB refused before the widget loads. */
let refusedServer: CollectorServer;

beforeAll(async () => {
  const [surveyBundle, widgetBundle] = [await buildSurveyPageBundle(), await buildWidgetBundle()];
  surveyServer = await startCollectorServer(surveyBundle, { page: engineSurveyPageHtml(rehab) });
  widgetServer = await startCollectorServer(widgetBundle, { page: engineWidgetPageHtml });
  refusedServer = await startCollectorServer(surveyBundle, {
    page: engineSurveyPageHtml(rehab, { refuseStorage: true }),
  });
}, 120_000);

afterAll(async () => {
  await surveyServer?.close();
  await widgetServer?.close();
  await refusedServer?.close();
});

const surveyNames = createSurveyNames(rehab);

/** The question's element: SurveyJS renders each with `data-name`, the widget's name for it. */
function questionScope(id: string): string {
  const name = surveyNames.nameOf(id);
  if (name === undefined) throw new Error(`rehab has no question ${id}`);
  return `.sd-question[data-name="${name}"]`;
}

function option(questionId: string, label: string): Target {
  return { text: label, within: questionScope(questionId) };
}

/** The labels of the question's checked options, in the order shown. */
function checkedLabels(page: EnginePage, questionId: string): Promise<string[]> {
  return page.evaluate(
    (scope) =>
      [...document.querySelectorAll(`${scope} input:checked`)].map(
        (input) => input.closest("label")?.textContent?.trim() ?? "?",
      ),
    questionScope(questionId),
  );
}

/** Waits until the question is on the page (its page of the survey is shown). */
async function untilQuestion(page: EnginePage, questionId: string): Promise<void> {
  await page.waitFor(
    `question ${questionId} on the page`,
    (scope) => document.querySelector(scope) !== null,
    questionScope(questionId),
  );
}

/** Waits until the question shows a checked option: its answer is back. */
async function untilAnswerShown(page: EnginePage, questionId: string): Promise<void> {
  await page.waitFor(
    `an answer shown in ${questionId}`,
    (scope) => document.querySelector(`${scope} input:checked`) !== null,
    questionScope(questionId),
  );
}

/** Waits until the page shows `expected` (rendered text: not what is hidden). */
async function untilShown(page: EnginePage, expected: string): Promise<void> {
  await page.waitFor(
    `"${expected}" on the screen`,
    // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point, not hidden text
    (wanted) => document.body.innerText.includes(wanted),
    expected,
  );
}

/** From page 1, "Videre" twice and "Færdig", until the thanks are shown. */
async function throughToThanks(page: EnginePage): Promise<void> {
  await page.click({ role: "button", name: text.next });
  await untilQuestion(page, "rehab.barrierer");
  await page.click({ role: "button", name: text.next });
  await untilQuestion(page, "rehab.oplysninger");
  await page.click({ role: "button", name: text.complete });
  await untilShown(page, text.thanks);
}

/** The focused element's label (radio, checkbox) or text (button), inside `scope` or "". */
function focusedLabel(page: EnginePage, scope = "body"): Promise<string> {
  return page.evaluate((within) => {
    const focused = document.activeElement;
    if (focused === null || document.querySelector(within)?.contains(focused) !== true) return "";
    const label = focused.closest("label") ?? focused;
    const value =
      focused instanceof HTMLInputElement && focused.type === "button" ? focused.value : "";
    return (value || label.textContent || "").trim();
  }, scope);
}

/** Presses Tab until the focus is on `label` (inside `scope`), as a keyboard user moves. */
async function tabTo(page: EnginePage, label: string, scope = "body", maxPresses = 25) {
  for (let press = 0; press < maxPresses; press += 1) {
    await page.press("Tab");
    if ((await focusedLabel(page, scope)) === label) return;
  }
  throw new Error(`"${label}" was not reached with ${maxPresses} presses of Tab`);
}

/** Waits until the element `selector` finds shows exactly `expected`. */
async function untilText(page: EnginePage, selector: string, expected: string): Promise<void> {
  await page.waitFor(
    `${selector} to read "${expected}"`,
    ([css, wanted]) => document.querySelector(css)?.textContent?.trim() === wanted,
    [selector, expected] as const,
  );
}

/**
 * Runs `action`, then waits until the save indicator has shown "Gemmer…" and then "Gemt" (or
 * `saved`): a "Gemt" left from an earlier answer does not count.
 */
async function untilSaved(
  page: EnginePage,
  action: () => Promise<unknown>,
  saved: string = text.saved,
): Promise<void> {
  await page.evaluate(() => {
    const indicator = document.querySelector(".klynge-survey__saved");
    if (indicator === null) throw new Error("no .klynge-survey__saved on the page");
    window.klyngeSavedLog?.observer.disconnect();
    const texts: string[] = [];
    const observer = new MutationObserver(() => texts.push(indicator.textContent ?? ""));
    observer.observe(indicator, { childList: true, characterData: true, subtree: true });
    window.klyngeSavedLog = { texts, observer };
    return true;
  }, undefined);
  await action();
  await page.waitFor(
    `"${text.saving}" and then "${saved}"`,
    ([saving, done]) => {
      const texts = window.klyngeSavedLog?.texts ?? [];
      return texts.includes(saving) && texts.at(-1) === done;
    },
    [text.saving, saved] as const,
  );
}

/** Every text the save indicator showed since the last `untilSaved` began watching it. */
function savedLog(page: EnginePage): Promise<string[]> {
  return page.evaluate(() => window.klyngeSavedLog?.texts ?? [], undefined);
}

function pageErrors(page: EnginePage): Promise<string[]> {
  return page.evaluate(() => window.klyngeTest?.errors ?? ["no test hooks on the page"], undefined);
}

/** What the collector stored, parsed; fails unless there is exactly one row. */
function theOneStoredResponse(server: CollectorServer): { answers: Record<string, unknown> } {
  expect(server.rows.size).toBe(1);
  const [row] = [...server.rows.values()];
  return JSON.parse(row ?? "{}");
}

/**
 * Starts one uploader flush in the page and returns at once, so two tabs' flushes overlap in
 * every engine (a WebDriver session runs one command at a time); `flushResult` waits for it.
 */
function startFlush(page: EnginePage, locks: "browser" | "none"): Promise<boolean> {
  return page.evaluate((lockMode) => {
    delete window.klyngeFlushResult;
    const flush = async () => {
      const { openResponseStore, Uploader, createHttpTransport } = window.KlyngeWidget;
      const store = await openResponseStore();
      try {
        const uploader = new Uploader({
          outbox: store,
          transport: createHttpTransport({ baseUrl: location.origin, timeoutMs: 5_000 }),
          ...(lockMode === "none" ? { locks: null } : {}),
        });
        await uploader.flush();
        return {
          outbox: (await store.outbox()).map((r) => ({ id: r.response.id, state: r.state })),
          lastError: uploader.status.getSnapshot().lastError?.code ?? null,
        };
      } finally {
        await store.close();
      }
    };
    flush().then(
      (result) => {
        window.klyngeFlushResult = result;
      },
      (error: unknown) => {
        window.klyngeFlushResult = { outbox: [], lastError: `threw: ${String(error)}` };
      },
    );
    return true;
  }, locks);
}

/** The outbox and the uploader's last error once the flush `startFlush` began has ended. */
function flushResult(page: EnginePage) {
  return page.waitFor("the flush to end", () => window.klyngeFlushResult, undefined);
}

async function flushInPage(page: EnginePage, locks: "browser" | "none") {
  await startFlush(page, locks);
  return flushResult(page);
}

/**
 * How a test cuts the device off from the collector: the engine's own offline switch where its
 * automation has one, else the collector made unreachable (the browser still thinks it is online).
 */
interface Cut {
  /** What the sync line says while cut off. */
  readonly status: string;
  start(): Promise<void>;
  end(): Promise<void>;
}

function cutFor(browser: EngineBrowser, context: EngineContext, server: CollectorServer): Cut {
  if (browser.capabilities.offline) {
    return {
      status: text.offlineStatus,
      start: () => context.setOffline(true),
      end: () => context.setOffline(false),
    };
  }
  return {
    status: text.unreachableStatus,
    start: async () => server.setUnreachable(true),
    end: async () => server.setUnreachable(false),
  };
}

const offlineTitle = "offline submit → online → stored exactly once";

/** A title is needed before the engine is launched; the test checks it against the engine. */
const cutTitle: Record<EngineName, string> = {
  chromium: offlineTitle,
  firefox: offlineTitle,
  webkit:
    "no offline switch in its WebDriver, so the collector unreachable instead: submit → reachable → stored exactly once",
};

describe.each(engineNames)("%s", { timeout: 60_000 }, (engine) => {
  let browser: EngineBrowser;
  const contexts: EngineContext[] = [];

  beforeAll(async () => {
    browser = await launchEngine(engine);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(() => {
    surveyServer.reset();
    widgetServer.reset();
    refusedServer.reset();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  async function newContext(): Promise<EngineContext> {
    const context = await browser.newContext();
    contexts.push(context);
    return context;
  }

  /** A fresh context (so a fresh IndexedDB) with the survey open and its first question shown. */
  async function openSurvey(context?: EngineContext) {
    const owner = context ?? (await newContext());
    const page = await owner.newPage();
    await page.goto(`${surveyServer.origin}/`);
    await untilQuestion(page, "rehab.kendskab");
    return { context: owner, page };
  }

  test(`${engine}: answer → "Gemt" → reload → resume on page 2, page 1's answers behind "Tilbage"`, async () => {
    const { page } = await openSurvey();
    await untilSaved(page, () => page.click(option("rehab.kendskab", "I nogen grad")));
    await untilSaved(page, () => page.click(option("rehab.henvisningsmaade", "Via forløbsplan")));
    await untilSaved(page, () => page.click(option("rehab.henvisningsmaade", "Telefonisk")));
    await untilSaved(page, () =>
      page.type(
        { css: "textarea, input[type=text]", within: questionScope("rehab.oplevelse") },
        "Gode erfaringer",
      ),
    );
    await untilSaved(page, () => page.click({ role: "button", name: text.next }));
    await untilSaved(page, () => page.click(option("rehab.barrierer", "Ventetid")));

    await page.reload();
    await untilAnswerShown(page, "rehab.barrierer");
    expect(await checkedLabels(page, "rehab.barrierer")).toEqual(["Ventetid"]);
    expect(
      await page.evaluate(
        (scope) => document.querySelector(scope) === null,
        questionScope("rehab.kendskab"),
      ),
    ).toBe(true);

    await page.click({ role: "button", name: text.previous });
    await untilQuestion(page, "rehab.kendskab");
    expect(await checkedLabels(page, "rehab.kendskab")).toEqual(["I nogen grad"]);
    expect(await checkedLabels(page, "rehab.henvisningsmaade")).toEqual([
      "Via forløbsplan",
      "Telefonisk",
    ]);
    expect(
      await page.evaluate(
        (scope) =>
          document.querySelector<HTMLTextAreaElement>(
            `${scope} textarea, ${scope} input[type=text]`,
          )?.value,
        questionScope("rehab.oplevelse"),
      ),
    ).toBe("Gode erfaringer");
    expect(surveyServer.stats.puts).toBe(0);
    expect(await pageErrors(page)).toEqual([]);
  });

  test(`${engine}: ${cutTitle[engine]}`, async () => {
    const { context, page } = await openSurvey();
    expect(cutTitle[engine] === offlineTitle).toBe(browser.capabilities.offline);
    const cut = cutFor(browser, context, surveyServer);
    await cut.start();
    await untilSaved(page, () => page.click(option("rehab.kendskab", "Slet ikke")));
    await throughToThanks(page);
    await untilText(page, ".klynge-survey__sync", cut.status);
    expect(surveyServer.rows.size).toBe(0);

    await cut.end();
    await untilText(page, ".klynge-survey__sync", text.allSent);
    expect(surveyServer.stats).toMatchObject({ created: 1, conflicts: 0 });
    expect(theOneStoredResponse(surveyServer).answers).toEqual({
      "rehab.kendskab": { choice: "slet-ikke" },
    });
    expect(await pageErrors(page)).toEqual([]);
  });

  test.each([
    ["one uploader at a time (Web Locks)", "browser"],
    ["no locks, both tabs PUT at once", "none"],
  ] as const)(
    `${engine}: two tabs, one outbox, %s: each response stored once, no 409`,
    async (_name, locks) => {
      const context = await newContext();
      const first = await context.newPage();
      await first.goto(`${widgetServer.origin}/`);
      const second = await context.newPage();
      await second.goto(`${widgetServer.origin}/`);
      const responses = Array.from({ length: 6 }, (_, n) => responseFor(responseId(n, 4), `c${n}`));
      await first.evaluate(submitInPage, responses.slice(0, 3));
      await second.evaluate(submitInPage, responses.slice(3));

      await Promise.all([startFlush(first, locks), startFlush(second, locks)]);
      const [a, b] = await Promise.all([flushResult(first), flushResult(second)]);
      // With Web Locks the tab that lost the race leaves everything to the other.
      const after = await flushInPage(first, locks);

      expect(after.outbox).toEqual([]);
      expect([a.lastError, b.lastError]).toEqual([null, null]);
      expect(widgetServer.rows.size).toBe(responses.length);
      expect(widgetServer.stats.created).toBe(responses.length);
      expect(widgetServer.stats.conflicts).toBe(0);
      for (const response of responses) {
        expect(widgetServer.rows.has(`${roundId}/${response.id}`)).toBe(true);
        expect(widgetServer.putsById.get(response.id)).toBeLessThanOrEqual(2);
      }
    },
  );

  test.each([
    ["db.close(): its next transaction throws InvalidStateError", false],
    ["db.close() and a close event, as when the browser closes it itself", true],
  ] as const)(
    `${engine}: IndexedDB closed under the app (as iOS does under memory pressure), %s: the next answer reopens it, "Gemt", stored, and back after a reload`,
    async (_how, withEvent) => {
      const { page } = await openSurvey();
      await untilSaved(page, () => page.click(option("rehab.kendskab", "I nogen grad")));
      expect(
        await page.evaluate((event) => window.klyngeTest?.closeIndexedDB(event) ?? 0, withEvent),
      ).toBeGreaterThan(0);

      await untilSaved(page, () => page.click(option("rehab.henvisningsmaade", "Telefonisk")));
      expect(
        await page.evaluate(() => document.querySelector(".klynge-survey__memory"), undefined),
      ).toBeNull();
      // The record itself, read with a connection of the test's own.
      const stored = await storedDrafts(page);
      expect(stored).toEqual([
        {
          "rehab.kendskab": { choice: "i-nogen-grad" },
          "rehab.henvisningsmaade": { choices: ["telefonisk"] },
        },
      ]);

      await page.reload();
      await untilAnswerShown(page, "rehab.henvisningsmaade");
      expect(await checkedLabels(page, "rehab.kendskab")).toEqual(["I nogen grad"]);
      expect(await checkedLabels(page, "rehab.henvisningsmaade")).toEqual(["Telefonisk"]);
      expect(await pageErrors(page)).toEqual([]);
    },
  );

  // Simulates Firefox's and Safari's private modes and a storage-blocked iframe: the page's own
  // script makes every indexedDB.open throw a SecurityError before the widget's bundle loads.
  test(`${engine}: storage refused (indexedDB.open throws before the widget loads, as in private mode): answers kept in the tab and said so (no axe violation), never "Gemt"; submit → stored exactly once`, async () => {
    const page = await (await newContext()).newPage();
    await page.goto(`${refusedServer.origin}/`);
    await untilQuestion(page, "rehab.kendskab");
    await untilShown(page, text.memoryNotice);
    expect(await seriousViolationsIn(page)).toEqual([]);
    await untilSaved(
      page,
      () => page.click(option("rehab.kendskab", "Slet ikke")),
      text.savedInMemory,
    );
    await untilSaved(
      page,
      () => page.click(option("rehab.henvisningsmaade", "Telefonisk")),
      text.savedInMemory,
    );
    expect(await savedLog(page)).not.toContain(text.saved);
    await throughToThanks(page);
    await untilText(page, ".klynge-survey__sync", text.allSent);
    expect(refusedServer.stats).toMatchObject({ created: 1, conflicts: 0 });
    expect(theOneStoredResponse(refusedServer).answers).toEqual({
      "rehab.kendskab": { choice: "slet-ikke" },
      "rehab.henvisningsmaade": { choices: ["telefonisk"] },
    });
    expect(await pageErrors(page)).toEqual([]);
  });

  test(`${engine}: axe-core on the survey's first page and on its thank-you screen: no serious or critical violation`, async () => {
    const { page } = await openSurvey();
    expect(await seriousViolationsIn(page)).toEqual([]);
    await untilSaved(page, () => page.click(option("rehab.kendskab", "I høj grad")));
    await throughToThanks(page);
    expect(await seriousViolationsIn(page)).toEqual([]);
  });

  test(`${engine}: keyboard only: Tab to the first option, an arrow chooses, "Gemt"; Tab to "Videre", Enter: page 2 with the focus in it`, async () => {
    const { page } = await openSurvey();
    const q1 = questionScope("rehab.kendskab");
    await tabTo(page, "I høj grad", q1);
    await untilSaved(page, () => page.press("ArrowDown"));
    expect(await focusedLabel(page, q1)).toBe("I nogen grad");
    expect(await checkedLabels(page, "rehab.kendskab")).toEqual(["I nogen grad"]);
    await tabTo(page, "Telefonisk", questionScope("rehab.henvisningsmaade"));
    await untilSaved(page, () => page.press("Space"));
    expect(await checkedLabels(page, "rehab.henvisningsmaade")).toEqual(["Telefonisk"]);
    await tabTo(page, text.next);
    await page.press("Enter");
    await untilQuestion(page, "rehab.barrierer");
    await page.waitFor(
      "the focus inside page 2's first question",
      (scope) => document.querySelector(scope)?.contains(document.activeElement) === true,
      questionScope("rehab.barrierer"),
    );
  });
});
