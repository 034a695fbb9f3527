// @vitest-environment node
import { launchChromium } from "@klynge/test-support/chromium";
import type { CollectorServer } from "@klynge/test-support/collectorServer";
import type { PageServer } from "@klynge/test-support/embedServers";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { type HostRecord, resizeMessage } from "./fixtures/embedHostPage.js";
import { type EmbedSites, embedVersion, startEmbedSites } from "./fixtures/embedSites.js";
import { installEngineTestHooks, refuseIndexedDB } from "./fixtures/engineTestHooks.js";
import "./fixtures/pageGlobals.js";
import { surveyTexts as text } from "./fixtures/surveyTexts.js";

// The embed as kiap.dk would use it: a host page on one origin loads `embed.js` from the widget's
// origin, which serves the iframe page (with CSP frame-ancestors) and the collector API. A third
// origin plays the stranger. All three are real 127.0.0.1 origins in a real Chromium.

const version = embedVersion;
let sites: EmbedSites;
let widget: CollectorServer;
let host: PageServer;
let stranger: PageServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  sites = await startEmbedSites("127.0.0.1");
  ({ widget, host, stranger } = sites);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sites?.close();
});

beforeEach(async () => {
  widget.reset();
  context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  context.setDefaultTimeout(15_000);
});

afterEach(async () => {
  await context?.close();
});

const recorded = (page: Page): Promise<HostRecord> =>
  page.evaluate(() => ({ messages: window.__messages, events: window.__events }));

/** Waits until the host's container has had a `klynge:<type>` event. */
async function widgetEvent(page: Page, type: string): Promise<void> {
  await page.waitForFunction((wanted) => window.__events.some((e) => e.type === wanted), type);
}

/** Opens the host page and waits for the widget's `ready` and its first form. */
async function openHost(path = "/"): Promise<{ page: Page; frame: Frame }> {
  const page = await context.newPage();
  await page.goto(`${host.origin}${path}`);
  await widgetEvent(page, "ready");
  const handle = await page.waitForSelector("#survey iframe");
  const frame = await handle.contentFrame();
  if (frame === null) throw new Error("no iframe content");
  // The intro is a line above the first question in the iframe page.
  await frame.getByText(version.questionnaire.questions[0]?.text.da ?? "?").waitFor();
  return { page, frame };
}

const iframeHeight = (page: Page) =>
  page
    .locator("#survey iframe")
    .evaluate((el) => (el as HTMLIFrameElement).getBoundingClientRect().height);

const contentHeight = (frame: Frame) =>
  frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));

/** Waits until the iframe is as tall as its content (within a pixel). */
async function heightFollows(page: Page, frame: Frame): Promise<number> {
  let last = 0;
  await expect
    .poll(async () => {
      last = await contentHeight(frame);
      return Math.abs((await iframeHeight(page)) - last);
    })
    .toBeLessThanOrEqual(1);
  return last;
}

async function answerAll(frame: Frame): Promise<void> {
  await frame.getByText("I høj grad", { exact: true }).click();
  await frame.getByRole("button", { name: "Videre" }).click();
  await frame.getByRole("button", { name: "Videre" }).click();
  await frame.getByRole("button", { name: "Færdig" }).click();
}

describe("embed (iframe + host script) in Chromium", { timeout: 30_000 }, () => {
  test("the iframe's height follows its content: first page, next page, thank-you", async () => {
    const { page, frame } = await openHost();
    const first = await heightFollows(page, frame);
    expect(first).toBeGreaterThan(240);
    // Something answered: a response with nothing in it is asked about before it is sent.
    await frame.getByText("I høj grad", { exact: true }).click();
    await frame.getByRole("button", { name: "Videre" }).click();
    await frame.getByRole("button", { name: "Tilbage" }).waitFor();
    const second = await heightFollows(page, frame);
    expect(second).not.toBe(first);
    await frame.getByRole("button", { name: "Videre" }).click();
    await frame.getByRole("button", { name: "Færdig" }).click();
    await frame.getByText("Mange tak for din besvarelse!").waitFor();
    const done = await heightFollows(page, frame);
    expect(done).toBeLessThan(second);
    const { events } = await recorded(page);
    expect(events.filter((e) => e.type === "page").map((e) => e.detail)).toContainEqual({
      index: 1,
      count: 3,
    });
    expect(events.some((e) => e.type === "complete")).toBe(true);
  });

  test("messages from another origin, a foreign frame or with another embedId change nothing; the real frame's do", async () => {
    const { page, frame } = await openHost();
    await heightFollows(page, frame);
    const before = await iframeHeight(page);
    const embedId = await page
      .locator("#survey iframe")
      .evaluate((el) => new URL((el as HTMLIFrameElement).src).searchParams.get("embedId"));
    expect(embedId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    const hostile = (id: string) => resizeMessage(id, 1234);
    const countBefore = (await recorded(page)).events.length;
    // A stranger's frame (right embedId, wrong origin) and a frame of the widget's own origin
    // that is not the widget's iframe: each posts a well-formed resize.
    for (const origin of [stranger.origin, widget.origin]) {
      const url = `${origin}/foreign.html#${encodeURIComponent(JSON.stringify(hostile(embedId ?? "")))}`;
      await page.evaluate((src) => {
        const iframe = document.createElement("iframe");
        iframe.src = src;
        document.getElementById("others")?.append(iframe);
      }, url);
    }
    await expect
      .poll(
        async () =>
          (await recorded(page)).messages.filter((m) => JSON.stringify(m.data).includes("1234"))
            .length,
      )
      .toBe(2);
    // The widget's own iframe with another embedId.
    await frame.evaluate(
      (message) => parent.postMessage(message, "*"),
      hostile("another-embed-id"),
    );
    await expect
      .poll(
        async () =>
          (await recorded(page)).messages.filter((m) => JSON.stringify(m.data).includes("1234"))
            .length,
      )
      .toBe(3);
    expect(await iframeHeight(page)).toBe(before);
    const events = (await recorded(page)).events.slice(countBefore);
    expect(events.filter((e) => e.type === "resize" && e.detail.height === 1234)).toEqual([]);

    // Control: the same message from the widget's iframe with its embedId is obeyed.
    await frame.evaluate((message) => parent.postMessage(message, "*"), hostile(embedId ?? ""));
    await expect.poll(() => iframeHeight(page)).toBe(1234);
  });

  test("no answer reaches the host unless the round allows this origin and the host asked", async () => {
    const { page, frame } = await openHost();
    await answerAll(frame);
    await widgetEvent(page, "complete");
    const { messages, events } = await recorded(page);
    const complete = events.find((e) => e.type === "complete");
    expect(complete?.detail).toEqual({ responseId: expect.any(String), queued: false });
    const everything = JSON.stringify(messages);
    expect(everything).not.toContain("answers");
    expect(everything).not.toContain("i-hoej-grad");
    // Every message the host got came from the widget's origin and is a protocol message.
    expect(new Set(messages.map((m) => m.origin))).toEqual(new Set([widget.origin]));
    expect(widget.stats.created).toBe(1);

    // Control: a round that allows this host, and a host that asks.
    const shared = await openHost("/share");
    await answerAll(shared.frame);
    await widgetEvent(shared.page, "complete");
    const sharedComplete = (await recorded(shared.page)).events.find((e) => e.type === "complete");
    expect(sharedComplete?.detail.answers).toEqual({ "rehab.kendskab": { choice: "i-hoej-grad" } });
  });

  test("offline in the iframe: the answer is said to be only in this browser, and `complete` says queued", async () => {
    const { page, frame } = await openHost();
    await context.setOffline(true);
    await answerAll(frame);
    await frame.getByText(/findes kun i denne browser/).waitFor();
    await widgetEvent(page, "complete");
    const complete = (await recorded(page)).events.find((e) => e.type === "complete");
    expect(complete?.detail.queued).toBe(true);
    expect(widget.stats.puts).toBe(0);
    await expect(frame.getByText("er gemt på enheden og sendes").count()).resolves.toBe(0);
  });

  // The store in memory must not need the network: IndexedDB can give up mid-survey (a full
  // device, iOS closing it) on a tablet that went offline after the page loaded.
  test("IndexedDB gives up in the iframe while offline (its connection closed, every open refused): the answers carry on in memory and it says so; online again, «Færdig» → stored once with them", async () => {
    await context.addInitScript(installEngineTestHooks);
    const { frame } = await openHost();
    await frame.getByText("I høj grad", { exact: true }).click();
    await frame.getByText(text.saved, { exact: true }).waitFor();
    await context.setOffline(true);
    await frame.evaluate(refuseIndexedDB);
    const closed = await frame.evaluate(() => window.klyngeTest?.closeIndexedDB(true) ?? 0);
    expect(closed).toBeGreaterThan(0);

    await frame.getByText("Telefonisk", { exact: true }).click();
    await frame.getByText(text.savedInMemory, { exact: true }).waitFor();
    await frame.getByText(text.memoryNotice).waitFor();

    await context.setOffline(false);
    await frame.getByRole("button", { name: text.next }).click();
    await frame.getByRole("button", { name: text.next }).click();
    await frame.getByRole("button", { name: text.complete }).click();
    await expect.poll(() => widget.stats.created, { timeout: 15_000 }).toBe(1);
    const [row] = [...widget.rows.values()];
    expect(JSON.parse(row ?? "{}").answers).toEqual({
      "rehab.kendskab": { choice: "i-hoej-grad" },
      "rehab.henvisningsmaade": { choices: ["telefonisk"] },
    });
    expect(await frame.evaluate(() => window.klyngeTest?.errors ?? [])).toEqual([]);
  });

  test("a site not in frame-ancestors cannot show the widget", async () => {
    const page = await context.newPage();
    const refused = page.waitForEvent("console", (message) =>
      message.text().includes("frame-ancestors"),
    );
    await page.goto(`${stranger.origin}/`);
    await refused;
    const { events } = await recorded(page);
    expect(events).toEqual([]);
    const frame = await (await page.waitForSelector("#survey iframe")).contentFrame();
    expect(await frame?.locator(".klynge-embed").count()).toBe(0);
  });
});
