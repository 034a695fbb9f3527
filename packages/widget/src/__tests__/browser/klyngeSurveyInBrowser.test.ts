// @vitest-environment node
import { createVersion, type QuestionnaireVersion } from "@klynge/engine";
import { templateVersion } from "@klynge/question-bank";
import { launchChromium } from "@klynge/test-support/chromium";
import { type CollectorServer, startCollectorServer } from "@klynge/test-support/collectorServer";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import "./fixtures/pageGlobals.js";
import { buildSurveyPageBundle, roundOn, surveyPageHtml } from "./fixtures/surveyPage.js";
import { surveyTexts } from "./fixtures/surveyTexts.js";

// <KlyngeSurvey> itself in a real Chromium: the rehab template as a host page renders it (React,
// survey-core's CSS, klynge-survey.css), answered with the mouse and with the keyboard only, at
// phone and tablet sizes, offline and back, uploading to a collector on 127.0.0.1. Each test has
// a context of its own, so a fresh IndexedDB. Danish is what the GP reads, so the texts are.

const rehab = templateVersion("rehab");

/** rehab with question 5 ("Hvad skulle der til …", on page 2) required: rehab has no required question. */
const rehabWithRequired = (() => {
  const made = createVersion(
    {
      ...rehab.questionnaire,
      questions: rehab.questionnaire.questions.map((q) =>
        q.id === "rehab.henvise-flere" ? { ...q, required: true } : q,
      ),
    },
    { label: "rehab, spørgsmål 5 skal besvares" },
  );
  if (!made.success) throw new Error(`fixture: ${JSON.stringify(made.issues)}`);
  return made.data;
})();

const text = surveyTexts;

let server: CollectorServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let pageErrors: string[] = [];

beforeAll(async () => {
  server = await startCollectorServer(await buildSurveyPageBundle(), { page: surveyPageHtml });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(() => {
  server.reset();
  pageErrors = [];
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  expect(pageErrors).toEqual([]);
});

interface OpenOptions {
  readonly version?: QuestionnaireVersion;
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Touch device with the page's meta viewport honoured (phones, tablets). */
  readonly mobile?: boolean;
  /** Playwright's fake clock, flowing until the test pauses it. */
  readonly clock?: boolean;
}

/** A fresh context (so a fresh IndexedDB) with the survey open and its first question shown. */
async function openSurvey(
  options: OpenOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const version = options.version ?? rehab;
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    ...(options.mobile ? { isMobile: true, hasTouch: true } : {}),
  });
  contexts.push(context);
  // survey-core.css asks for Open Sans from the web; this machine has only loopback.
  await context.route(
    (url) => url.origin !== server.origin,
    (route) => route.abort(),
  );
  if (options.clock) await context.clock.install();
  // Runs before the page's scripts on every load, reloads included.
  await context.addInitScript(
    (config) => {
      window.klyngeSurveyPage = config;
    },
    { version, round: roundOn(version), baseUrl: server.origin },
  );
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  await page.goto(`${server.origin}/`);
  await question(page, version.questionnaire.questions[0]?.id ?? "").waitFor();
  return { context, page };
}

/** The Danish title of a rehab question (the required variant has the same texts). */
function titleOf(id: string): string {
  const found = rehab.questionnaire.questions.find((q) => q.id === id);
  if (found === undefined) throw new Error(`no question ${id}`);
  return found.text.da;
}

/** The question's element, found by its Danish title as the GP sees it. */
function question(page: Page, id: string): Locator {
  return page.locator(".sd-question").filter({ has: page.getByText(titleOf(id), { exact: true }) });
}

/** The labels of the question's checked options, in the order shown. */
function checkedLabels(target: Locator): Promise<string[]> {
  return target
    .locator("input:checked")
    .evaluateAll((inputs) => inputs.map((input) => input.closest("label")?.textContent ?? "?"));
}

/**
 * Runs `action`, then waits until the save indicator has shown "Gemmer…" and then "Gemt": "Gemt"
 * left over from an earlier answer does not count.
 */
async function untilSaved(page: Page, action: () => Promise<unknown>): Promise<void> {
  const seen = await page.evaluateHandle(() => {
    const indicator = document.querySelector(".klynge-survey__saved");
    if (indicator === null) throw new Error("no .klynge-survey__saved on the page");
    const texts: string[] = [];
    const observer = new MutationObserver(() => texts.push(indicator.textContent ?? ""));
    observer.observe(indicator, { childList: true, characterData: true, subtree: true });
    return { texts, observer };
  });
  try {
    await action();
    await page.waitForFunction(
      ([log, saving, saved]) => log.texts.includes(saving) && log.texts.at(-1) === saved,
      [seen, text.saving, text.saved] as const,
    );
  } finally {
    await seen.evaluate((log) => log.observer.disconnect());
    await seen.dispose();
  }
}

/** What the collector stored, parsed; fails unless there is exactly one row. */
function theOneStoredResponse(): { roundId: string; answers: Record<string, unknown> } {
  expect(server.rows.size).toBe(1);
  const [row] = [...server.rows.values()];
  return JSON.parse(row ?? "{}");
}

function syncStatus(page: Page): Locator {
  return page.locator(".klynge-survey__sync");
}

async function waitForText(target: Locator, expected: string): Promise<void> {
  await target.filter({ hasText: expected }).waitFor();
  expect(await target.textContent()).toBe(expected);
}

/** Presses Tab until `target` has the focus, as a keyboard user moves through the form. */
async function tabTo(page: Page, target: Locator, maxPresses = 25): Promise<void> {
  for (let press = 0; press < maxPresses; press += 1) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${target} was not reached with ${maxPresses} presses of Tab`);
}

/** Waits until the focused element is inside `target`. */
async function waitForFocusIn(target: Locator): Promise<void> {
  const handle = await target.elementHandle();
  await target
    .page()
    .waitForFunction((element) => element?.contains(document.activeElement) === true, handle);
}

/** The focused element's label (radio, checkbox) or text (button). */
function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    return (focused?.closest("label") ?? focused)?.textContent?.trim() ?? "";
  });
}

/** Tabs to each named checkbox of the question and ticks it with Space. */
async function tickByKeyboard(
  page: Page,
  target: Locator,
  labels: readonly string[],
): Promise<void> {
  for (const label of labels) {
    await tabTo(page, target.getByRole("checkbox", { name: label }));
    await page.keyboard.press("Space");
  }
}

/** Tabs to the question's (first) text field and types. */
async function typeByKeyboard(page: Page, target: Locator, value: string): Promise<void> {
  await tabTo(page, target.getByRole("textbox"));
  await page.keyboard.type(value);
}

/** Tabs to the button and presses Enter. */
async function pressByKeyboard(page: Page, name: string): Promise<void> {
  await tabTo(page, page.getByRole("button", { name }));
  await page.keyboard.press("Enter");
}

// A whole survey is a few seconds of clicks and keys; a slow machine gets room, and Playwright's
// own waits give up first, with a message that says what never appeared.
describe("<KlyngeSurvey> in Chromium", { timeout: 30_000 }, () => {
  test("answers clicked on page 1 and 2, each 'Gemt', then a reload: the form is back on page 2 with its answer, page 1's behind 'Tilbage'", async () => {
    const { page } = await openSurvey();
    const q1 = question(page, "rehab.kendskab");
    const q2 = question(page, "rehab.henvisningsmaade");
    const q3 = question(page, "rehab.oplevelse");
    await untilSaved(page, () => q1.getByText("I nogen grad", { exact: true }).click());
    await untilSaved(page, () => q2.getByText("Via forløbsplan", { exact: true }).click());
    await untilSaved(page, () => q2.getByText("Telefonisk", { exact: true }).click());
    await untilSaved(page, () => q3.getByRole("textbox").fill("Gode erfaringer"));
    await untilSaved(page, () => page.getByRole("button", { name: text.next }).click());
    const q4 = question(page, "rehab.barrierer");
    await untilSaved(page, () => q4.getByText("Ventetid", { exact: true }).click());

    await page.reload();
    await q4
      .getByRole("checkbox", { name: "Ventetid", checked: true })
      .waitFor({ state: "attached" });
    expect(await checkedLabels(q4)).toEqual(["Ventetid"]);
    expect(await q1.count()).toBe(0);

    await page.getByRole("button", { name: text.previous }).click();
    await q1.waitFor();
    expect(await checkedLabels(q1)).toEqual(["I nogen grad"]);
    expect(await checkedLabels(q2)).toEqual(["Via forløbsplan", "Telefonisk"]);
    expect(await q3.getByRole("textbox").inputValue()).toBe("Gode erfaringer");
    expect(server.stats.puts).toBe(0);
  });

  // SurveyJS's 150 ms transitions drew frames and fired transition events while an answer's save
  // waited for the main thread (answer → committed p95 55–62 ms against 41–42 without them).
  test("a choice shows at once: no transition runs on a click inside the widget; a host's --klynge-transition-duration brings them back", async () => {
    const { page } = await openSurvey();
    await page.evaluate(() => {
      window.klyngeTransitions = 0;
      document.addEventListener("transitionrun", () => {
        window.klyngeTransitions = (window.klyngeTransitions ?? 0) + 1;
      });
    });
    const q1 = question(page, "rehab.kendskab");
    await untilSaved(page, () => q1.getByText("I nogen grad", { exact: true }).click());
    await untilSaved(page, () => q1.getByText("I høj grad", { exact: true }).click());
    expect(await page.evaluate(() => window.klyngeTransitions)).toBe(0);

    await page.evaluate(() =>
      document.documentElement.style.setProperty("--klynge-transition-duration", "150ms"),
    );
    await untilSaved(page, () => q1.getByText("Slet ikke", { exact: true }).click());
    await expect.poll(() => page.evaluate(() => window.klyngeTransitions)).toBeGreaterThan(0);
  });

  test("the whole survey with the keyboard only (Tab, arrows, Space, typing, Enter): one response, with what was chosen, reaches the collector", async () => {
    const { page } = await openSurvey();
    const q1 = question(page, "rehab.kendskab");
    const q2 = question(page, "rehab.henvisningsmaade");

    // Page 1. Tab enters the radio group on its first option; an arrow key moves and selects.
    await tabTo(page, q1.getByRole("radio", { name: "I høj grad" }));
    await page.keyboard.press("ArrowDown");
    expect(await focusedLabel(page)).toBe("I nogen grad");
    expect(await checkedLabels(q1)).toEqual(["I nogen grad"]);
    // "Andet" opens its text field, reached with Tab.
    await tickByKeyboard(page, q2, ["Telefonisk", "Andet (skriv)"]);
    await typeByKeyboard(page, q2, "Via sekretæren");
    expect(await checkedLabels(q2)).toEqual(["Telefonisk", "Andet (skriv)"]);
    await typeByKeyboard(page, question(page, "rehab.oplevelse"), "Gode erfaringer med træning");
    await pressByKeyboard(page, text.next);

    // Page 2: two boxes ticked, one text, one text left empty.
    const q4 = question(page, "rehab.barrierer");
    await q4.waitFor();
    // The focus moved to the new page's first question, not left on a vanished button.
    await waitForFocusIn(q4);
    await tickByKeyboard(page, q4, ["Ventetid", "Tvivl om effekten"]);
    expect(await checkedLabels(q4)).toEqual(["Ventetid", "Tvivl om effekten"]);
    await typeByKeyboard(page, question(page, "rehab.henvise-flere"), "Kortere ventetid");
    await pressByKeyboard(page, text.next);

    // Page 3, then "Færdig".
    const q7 = question(page, "rehab.oplysninger");
    await q7.waitFor();
    await tickByKeyboard(page, q7, ["Sundhed.dk", "Kolleger"]);
    await typeByKeyboard(page, question(page, "rehab.kommentarer"), "Tak");
    await pressByKeyboard(page, text.complete);

    await page.getByText(text.thanks).waitFor();
    await waitForText(syncStatus(page), text.allSent);
    const stored = theOneStoredResponse();
    expect(server.stats).toMatchObject({ created: 1, conflicts: 0 });
    expect(stored.answers).toEqual({
      "rehab.kendskab": { choice: "i-nogen-grad" },
      "rehab.henvisningsmaade": { choices: ["telefonisk", "andet"], otherText: "Via sekretæren" },
      "rehab.oplevelse": { text: "Gode erfaringer med træning" },
      "rehab.barrierer": { choices: ["ventetid", "tvivl-om-effekten"] },
      "rehab.henvise-flere": { text: "Kortere ventetid" },
      "rehab.oplysninger": { choices: ["sundhed-dk", "kolleger"] },
      "rehab.kommentarer": { text: "Tak" },
    });
  });

  test.each([
    ["phone", 360, 740],
    ["10-inch tablet, landscape", 1280, 800],
    ["10-inch tablet, portrait", 800, 1280],
  ] as const)(
    "%s (%i×%i): no horizontal scroll, the first question and its options in view, every option a tap target of at least 24×24 px",
    async (_device, width, height) => {
      const { page } = await openSurvey({ viewport: { width, height }, mobile: true });
      const q1 = question(page, "rehab.kendskab");
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        // SurveyJS scrolls inside a container of its own; overflow there is no better.
        scrollers: [...document.querySelectorAll(".sv-scroll__scroller")].map(
          (element) => element.scrollWidth - element.clientWidth,
        ),
      }));
      expect(widths.viewport).toBe(width);
      expect(widths.page).toBeLessThanOrEqual(widths.viewport);
      expect(widths.scrollers.every((overflow) => overflow <= 0)).toBe(true);

      const inView = async (target: Locator) => {
        const box = await target.boundingBox();
        expect(box, `${target}`).not.toBeNull();
        if (box === null) return;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
      };
      const title = q1.getByText(titleOf("rehab.kendskab"), { exact: true });
      expect(await title.isVisible()).toBe(true);
      await inView(title);
      const options = ["I høj grad", "I nogen grad", "I mindre grad", "Slet ikke", "Ved ikke"];
      for (const option of options) {
        const label = q1.getByText(option, { exact: true });
        expect(await label.isVisible(), option).toBe(true);
        await inView(label);
      }

      // WCAG 2.2, 2.5.8 (target size, minimum): the label is what a finger hits.
      const targets = page.locator("label:has(input[type=radio]), label:has(input[type=checkbox])");
      const sizes = await targets.evaluateAll((labels) =>
        labels.map((label) => {
          const box = label.getBoundingClientRect();
          return { label: label.textContent ?? "", width: box.width, height: box.height };
        }),
      );
      expect(sizes.length).toBe(5 + 6);
      const tooSmall = sizes.filter((size) => size.width < 24 || size.height < 24);
      expect(tooSmall).toEqual([]);
      const next = await page.getByRole("button", { name: text.next }).boundingBox();
      expect(next?.width).toBeGreaterThanOrEqual(24);
      expect(next?.height).toBeGreaterThanOrEqual(24);
    },
  );

  test("submitted offline: banner and status say it waits on the device; the 'online' event alone uploads it, stored once", async () => {
    // A paused clock fires no retry timer: only the 'online' event can start the upload.
    const { context, page } = await openSurvey({ clock: true });
    await context.setOffline(true);
    await waitForText(page.locator(".klynge-survey__offline"), text.offlineBanner);
    const q1 = question(page, "rehab.kendskab");
    await untilSaved(page, () => q1.getByText("Slet ikke", { exact: true }).click());
    const next = page.getByRole("button", { name: text.next });
    await next.click();
    await question(page, "rehab.barrierer").waitFor();
    await next.click();
    await question(page, "rehab.oplysninger").waitFor();
    await page.getByRole("button", { name: text.complete }).click();

    await page.getByText(text.thanks).waitFor();
    await waitForText(syncStatus(page), text.offlineStatus);
    expect(await page.locator(".klynge-survey__offline").textContent()).toBe(text.offlineBanner);
    expect(server.stats.puts).toBe(0);

    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
    await context.setOffline(false);
    await waitForText(syncStatus(page), text.allSent);
    expect(await page.locator(".klynge-survey__offline").count()).toBe(0);
    expect(server.stats).toMatchObject({ puts: 1, created: 1, repeated: 0, conflicts: 0 });
    const stored = theOneStoredResponse();
    expect(stored.answers).toEqual({ "rehab.kendskab": { choice: "slet-ikke" } });
  });

  test("'Færdig' with a required question unanswered: the engine's Danish message at that question, on its page, and nothing sent; answered, it goes", async () => {
    const { page } = await openSurvey({ version: rehabWithRequired });
    const next = page.getByRole("button", { name: text.next });
    const complete = page.getByRole("button", { name: text.complete });
    await question(page, "rehab.kendskab").getByText("I høj grad", { exact: true }).click();
    await next.click();
    const q5 = question(page, "rehab.henvise-flere");
    await q5.waitFor();
    expect(await q5.getByRole("textbox").getAttribute("aria-required")).toBe("true");
    await next.click();
    await question(page, "rehab.oplysninger").waitFor();
    await complete.click();

    // Back on page 2, the message inside question 5's own element, and the focus there.
    await q5.getByText(text.required, { exact: true }).waitFor();
    await waitForFocusIn(q5);
    // …and tied to the field, for a screen reader.
    const field = q5.getByRole("textbox");
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    const describedBy = await field.getAttribute("aria-describedby");
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(text.required);
    expect(await page.getByText(text.required).count()).toBe(1);
    expect(await page.getByText(text.thanks).count()).toBe(0);
    expect(server.stats.puts).toBe(0);

    await q5.getByRole("textbox").fill("Hurtigere svar fra kommunen");
    await q5.getByText(text.required).waitFor({ state: "detached" });
    await next.click();
    await complete.click();
    await page.getByText(text.thanks).waitFor();
    await waitForText(syncStatus(page), text.allSent);
    expect(theOneStoredResponse().answers).toEqual({
      "rehab.kendskab": { choice: "i-hoej-grad" },
      "rehab.henvise-flere": { text: "Hurtigere svar fra kommunen" },
    });
  });
});
