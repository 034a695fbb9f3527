// @vitest-environment node
import type { Round } from "@klynge/engine";
import { templateVersion } from "@klynge/question-bank";
import { launchChromium } from "@klynge/test-support/chromium";
import type { CollectorServer } from "@klynge/test-support/collectorServer";
import {
  buildEmbed,
  foreignPage,
  type PageServer,
  startPageServer,
  startWidgetServer,
} from "@klynge/test-support/embedServers";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";

// The embed as kiap.dk would use it: a host page on one origin loads `embed.js` from the widget's
// origin, which serves the iframe page (with CSP frame-ancestors) and the collector API. A third
// origin plays the stranger. All three are real 127.0.0.1 origins in a real Chromium.

const version = templateVersion("rehab");
const roundOf = (id: string): Round => ({
  id,
  label: "Baseline, marts 2027",
  versionHash: version.hash,
  cluster: "Klynge Syd",
});

let built: { dir: string; remove(): void };
let widget: CollectorServer;
let host: PageServer;
let stranger: PageServer;
let browser: Browser;
let context: BrowserContext;

/** The host page: records every message event and every `klynge:*` event it gets. */
function hostPage(widgetOrigin: string, round: string, mountCall?: string): string {
  const mount =
    mountCall === undefined
      ? `<div id="survey" data-klynge-survey="${round}" data-klynge-src="${widgetOrigin}/frame/"></div>`
      : '<div id="survey"></div>';
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>kiap.dk (test)</title>
<script>
window.__messages = [];
window.__events = [];
addEventListener("message", (event) => {
  let data;
  try { data = JSON.parse(JSON.stringify(event.data)); } catch { data = String(event.data); }
  window.__messages.push({ origin: event.origin, data });
});
</script></head><body>
<h1>Klyngemøde om rehabilitering</h1>
${mount}
<div id="others"></div>
<script>
for (const type of ["ready", "page", "resize", "complete", "sync", "error"]) {
  document.getElementById("survey").addEventListener("klynge:" + type, (event) =>
    window.__events.push({ type, detail: JSON.parse(JSON.stringify(event.detail)) }));
}
</script>
<script src="${widgetOrigin}/embed.js"></script>
${mountCall === undefined ? "" : `<script>${mountCall}</script>`}
</body></html>`;
}

beforeAll(async () => {
  built = await buildEmbed();
  let hostOrigin = "";
  let widgetOrigin = "";
  host = await startPageServer((path) => {
    if (path === "/") return hostPage(widgetOrigin, "klynge-syd.rehab");
    if (path === "/share")
      return hostPage(
        widgetOrigin,
        "klynge-syd.share",
        `Klynge.mount(document.getElementById("survey"), { src: "${widgetOrigin}/frame/", round: "klynge-syd.share", shareAnswers: true });`,
      );
    return undefined;
  });
  hostOrigin = host.origin;
  stranger = await startPageServer((path) => {
    if (path === "/foreign.html") return foreignPage;
    if (path === "/") return hostPage(widgetOrigin, "klynge-syd.rehab");
    return undefined;
  });
  widget = await startWidgetServer({
    dir: built.dir,
    rounds: new Map([
      ["klynge-syd.rehab", { round: roundOf("klynge-syd.rehab"), version }],
      [
        "klynge-syd.share",
        { round: roundOf("klynge-syd.share"), version, shareAnswersWith: [hostOrigin] },
      ],
    ]),
    frameAncestors: () => [hostOrigin],
  });
  widgetOrigin = widget.origin;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await widget?.close();
  await host?.close();
  await stranger?.close();
  built?.remove();
});

beforeEach(async () => {
  widget.reset();
  context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  context.setDefaultTimeout(15_000);
});

afterEach(async () => {
  await context?.close();
});

interface Recorded {
  readonly messages: { origin: string; data: unknown }[];
  readonly events: { type: string; detail: Record<string, unknown> }[];
}

const recorded = (page: Page): Promise<Recorded> =>
  page.evaluate(() => {
    const w = window as unknown as Recorded & { __messages: unknown; __events: unknown };
    return { messages: w.__messages, events: w.__events } as Recorded;
  });

/** Waits until the host's container has had a `klynge:<type>` event. */
async function widgetEvent(page: Page, type: string): Promise<void> {
  await page.waitForFunction(
    (wanted) =>
      (window as unknown as { __events: Recorded["events"] }).__events.some(
        (e) => e.type === wanted,
      ),
    type,
  );
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
    const hostile = (id: string) => ({
      source: "klynge",
      v: 1,
      type: "resize",
      embedId: id,
      payload: { height: 1234 },
    });
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
