// @vitest-environment node
import type { CollectorServer } from "@klynge/test-support/collectorServer";
import type { PageServer } from "@klynge/test-support/embedServers";
import {
  type EngineContext,
  type EngineFrame,
  type EngineName,
  type EnginePage,
  engineNames,
  holdEngine,
} from "@klynge/test-support/engines";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { type HostRecord, resizeMessage } from "./fixtures/embedHostPage.js";
import { type EmbedSites, embedVersion, startEmbedSites } from "./fixtures/embedSites.js";
import { storedDrafts } from "./fixtures/storedDrafts.js";
import { surveyTexts as text } from "./fixtures/surveyTexts.js";

// The embed protocol in each of the three engines, across two sites as on kiap.dk: the host page
// on http://127.0.0.1:A, the widget (iframe page, embed.js, API) on http://localhost:B, a
// stranger on http://127.0.0.1:C. 127.0.0.1 and localhost are different sites (ports alone are
// same-site), so the widget's iframe is a third-party frame with the storage browsers give one.
// The tests step into the iframe with the engine's own frame switching (EnginePage.frame).

const firstQuestion = embedVersion.questionnaire.questions[0]?.text.da ?? "?";

let sites: EmbedSites;
let widget: CollectorServer;
/** The widget's origin under another site's name: the same server, reached as localhost. */
let widgetSite: string;
let host: PageServer;
let stranger: PageServer;

beforeAll(async () => {
  sites = await startEmbedSites("localhost");
  ({ widget, host, stranger } = sites);
  widgetSite = sites.widgetUrl;
}, 120_000);

afterAll(async () => {
  await sites?.close();
});

const recorded = (page: EnginePage): Promise<HostRecord> =>
  page.evaluate(() => ({ messages: window.__messages, events: window.__events }), undefined);

/** Waits until the host's container has had a `klynge:<type>` event. */
async function widgetEvent(page: EnginePage, type: string): Promise<void> {
  await page.waitFor(
    `a klynge:${type} event on the host`,
    (wanted) => window.__events.some((e) => e.type === wanted),
    type,
  );
}

/** Waits until the document shows `expected` (rendered text: not what is hidden). */
async function untilShown(frame: EngineFrame, expected: string): Promise<void> {
  await frame.waitFor(
    `"${expected}" on the screen`,
    // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point, not hidden text
    (wanted) => document.body.innerText.includes(wanted),
    expected,
  );
}

/** Opens the host page and waits for the widget's `ready` and its first question in the frame. */
async function openHost(context: EngineContext, path = "/") {
  const page = await context.newPage();
  await page.goto(`${host.origin}${path}`);
  await widgetEvent(page, "ready");
  const frame = page.frame("#survey iframe");
  await untilShown(frame, firstQuestion);
  return { page, frame };
}

const iframeHeight = (page: EnginePage) =>
  page.evaluate(
    () => document.querySelector("#survey iframe")?.getBoundingClientRect().height ?? -1,
    undefined,
  );

const contentHeight = (frame: EngineFrame) =>
  frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height), undefined);

/** Polls `check` (in Node, across documents) until it is true; a ceiling, not a wait. */
async function until(what: string, check: () => Promise<boolean>, ceilingMs = 15_000) {
  const deadline = Date.now() + ceilingMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited ${ceilingMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the iframe is as tall as its content (within a pixel); answers that height. */
async function heightFollows(page: EnginePage, frame: EngineFrame): Promise<number> {
  let content = 0;
  let shown = 0;
  try {
    await until("the iframe's height to follow its content", async () => {
      content = await contentHeight(frame);
      shown = await iframeHeight(page);
      return Math.abs(shown - content) <= 1;
    });
  } catch (error) {
    throw new Error(`${String(error)}: iframe ${shown} px, content ${content} px`);
  }
  return content;
}

/** The saved indicator in the frame reads "Gemt". */
async function untilSaved(frame: EngineFrame): Promise<void> {
  await frame.waitFor(
    `"${text.saved}" in the frame`,
    (saved) => document.querySelector(".klynge-survey__saved")?.textContent?.trim() === saved,
    text.saved,
  );
}

async function answerAll(frame: EngineFrame): Promise<void> {
  await frame.click({ text: "I høj grad" });
  await untilSaved(frame);
  await frame.click({ role: "button", name: text.next });
  await untilShown(frame, text.previous);
  await frame.click({ role: "button", name: text.next });
  await untilShown(frame, text.complete);
  await frame.click({ role: "button", name: text.complete });
}

/**
 * What a first-party page of the widget's origin sees of the iframe's draft when the host is of
 * the widget's own site (another port): Chromium and Firefox key a frame's storage by the top
 * page's site, so the same; WebKit by its origin, so nothing (seen in WebKitGTK 2.50).
 */
const sameSiteFrameStorage: Record<EngineName, "shared" | "partitioned"> = {
  chromium: "shared",
  firefox: "shared",
  webkit: "partitioned",
};

const partitionTitle = (engine: EngineName) =>
  sameSiteFrameStorage[engine] === "shared"
    ? `a cross-site iframe's storage is partitioned: the answer is saved ("Gemt") in the frame's storage and back after a reload, unsent the embed says "findes kun i denne browser", and a first-party page of the widget's origin has none of it (framed by its own site, it does)`
    : `a cross-site iframe's storage is partitioned, and so is a same-site one (keyed by the top page's origin, not its site): the answer is saved ("Gemt") in the frame's storage and back after a reload, unsent the embed says "findes kun i denne browser", and a first-party page of the widget's origin has neither`;

describe.each(engineNames)("%s", { timeout: 90_000 }, (engine) => {
  const held = holdEngine(engine);
  beforeAll(held.launch, 60_000);
  afterAll(held.close);
  afterEach(held.closeContexts);
  beforeEach(() => widget.reset());

  /** As a GP's everyday browser (Chromium: not incognito, see the last test). */
  const newContext = (): Promise<EngineContext> => held.newContext({ everydayProfile: true });

  test(`${engine}: embed across two sites: resize messages reach the host and the iframe's height follows its content, page 1 → page 2 → thank-you`, async () => {
    const { page, frame } = await openHost(await newContext());
    const first = await heightFollows(page, frame);
    expect(first).toBeGreaterThan(240);
    await frame.click({ text: "I høj grad" });
    await untilSaved(frame);
    await frame.click({ role: "button", name: text.next });
    await untilShown(frame, text.previous);
    const second = await heightFollows(page, frame);
    expect(second).not.toBe(first);
    await frame.click({ role: "button", name: text.next });
    await untilShown(frame, text.complete);
    await frame.click({ role: "button", name: text.complete });
    await untilShown(frame, text.thanks);
    const done = await heightFollows(page, frame);
    expect(done).toBeLessThan(second);

    const { messages, events } = await recorded(page);
    const resizes = events.filter((e) => e.type === "resize").map((e) => e.detail.height);
    expect(resizes).toEqual(expect.arrayContaining([first, second, done]));
    expect(events.filter((e) => e.type === "page").map((e) => e.detail)).toContainEqual({
      index: 1,
      count: 3,
    });
    expect(new Set(messages.map((m) => m.origin))).toEqual(new Set([widgetSite]));
    expect(widget.stats.created).toBe(1);
  });

  test(`${engine}: embed across two sites: a resize from another origin, from a frame of the widget's origin that is not its iframe, or with another embedId is ignored; the iframe's own is obeyed`, async () => {
    const { page, frame } = await openHost(await newContext());
    await heightFollows(page, frame);
    const before = await iframeHeight(page);
    const embedId = await page.evaluate(
      () =>
        new URL(
          document.querySelector<HTMLIFrameElement>("#survey iframe")?.src ?? "",
        ).searchParams.get("embedId"),
      undefined,
    );
    expect(embedId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    const hostile = JSON.stringify(resizeMessage(embedId ?? "", 1234));
    const eventsBefore = (await recorded(page)).events.length;
    for (const origin of [stranger.origin, widgetSite]) {
      await page.evaluate(
        (src) => {
          const iframe = document.createElement("iframe");
          iframe.src = src;
          document.getElementById("others")?.append(iframe);
          return true;
        },
        `${origin}/foreign.html#${encodeURIComponent(hostile)}`,
      );
    }
    const posted = (count: number) =>
      page.waitFor(
        `${count} messages asking for 1234 px`,
        (n) =>
          window.__messages.filter((m) => JSON.stringify(m.data).includes("1234")).length === n,
        count,
      );
    await posted(2);
    await frame.evaluate(
      (message) => parent.postMessage(message, "*"),
      resizeMessage("another-embed-id", 1234),
    );
    await posted(3);
    const { messages, events } = await recorded(page);
    const origins = messages
      .filter((m) => JSON.stringify(m.data).includes("1234"))
      .map((m) => m.origin);
    expect(origins.sort()).toEqual([stranger.origin, widgetSite, widgetSite].sort());
    expect(await iframeHeight(page)).toBe(before);
    expect(
      events.slice(eventsBefore).filter((e) => e.type === "resize" && e.detail.height === 1234),
    ).toEqual([]);

    // Control: the same message from the widget's iframe with its embedId is obeyed.
    await frame.evaluate(
      (message) => parent.postMessage(message, "*"),
      resizeMessage(embedId ?? "", 1234),
    );
    await until("the iframe to be 1234 px", async () => (await iframeHeight(page)) === 1234);
  });

  test(`${engine}: embed across two sites: no answer reaches the host; its message log never holds an answer's code or text, unless the round allows the host and the host asked`, async () => {
    const context = await newContext();
    const { page, frame } = await openHost(context);
    await answerAll(frame);
    await widgetEvent(page, "complete");
    await untilShown(frame, text.thanks);
    const { messages, events } = await recorded(page);
    const complete = events.find((e) => e.type === "complete");
    expect(complete?.detail).toEqual({ responseId: expect.any(String), queued: false });
    const everything = JSON.stringify(messages);
    for (const answer of ["answers", "i-hoej-grad", "I høj grad", "rehab.kendskab"]) {
      expect(everything).not.toContain(answer);
    }
    expect(new Set(messages.map((m) => m.origin))).toEqual(new Set([widgetSite]));
    expect(widget.stats.created).toBe(1);

    // Control: a round that allows this host, and a host that asks: the log does hold it.
    const shared = await openHost(context, "/share");
    await answerAll(shared.frame);
    await widgetEvent(shared.page, "complete");
    const sharedLog = await recorded(shared.page);
    expect(JSON.stringify(sharedLog.messages)).toContain("i-hoej-grad");
    expect(sharedLog.events.find((e) => e.type === "complete")?.detail.answers).toEqual({
      "rehab.kendskab": { choice: "i-hoej-grad" },
    });
  });

  test(`${engine}: ${partitionTitle(engine)}`, async () => {
    const context = await newContext();
    const { page, frame } = await openHost(context);
    await frame.click({ text: "I høj grad" });
    await untilSaved(frame);
    const answer = { "rehab.kendskab": { choice: "i-hoej-grad" } };
    expect(await storedDrafts(frame)).toEqual([answer]);

    await page.reload();
    await widgetEvent(page, "ready");
    await frame.waitFor(
      "the saved answer back in the frame",
      () => document.querySelector("input:checked") !== null,
      undefined,
    );

    widget.setUnreachable(true);
    await frame.click({ role: "button", name: text.next });
    await untilShown(frame, text.previous);
    await frame.click({ role: "button", name: text.next });
    await untilShown(frame, text.complete);
    await frame.click({ role: "button", name: text.complete });
    await untilShown(frame, "findes kun i denne browser");
    expect(widget.rows.size).toBe(0);
    widget.setUnreachable(false);
    await untilShown(frame, text.allSent);
    expect(widget.stats.created).toBe(1);
    expect(JSON.parse([...widget.rows.values()][0] ?? "{}").answers).toEqual(answer);

    // The widget's origin as a first party, in the same browser (a tab opened after the frame's
    // work, so no background tab is clicked): no database of its own, where the frame has one.
    const firstParty = await context.newPage();
    await firstParty.goto(`${widgetSite}/`);
    expect(await storedDrafts(firstParty)).toBeNull();
    // Framed by its own site (another port of 127.0.0.1), the widget's storage is the first
    // party's in Chromium and Firefox: the control that the first-party look can find a draft.
    const sameSite = await openHost(context, "/same-site");
    await sameSite.frame.click({ text: "I nogen grad" });
    await untilSaved(sameSite.frame);
    const sameSiteDraft = [{ "rehab.kendskab": { choice: "i-nogen-grad" } }];
    expect(await storedDrafts(sameSite.frame)).toEqual(sameSiteDraft);
    await firstParty.goto(`${widget.origin}/`);
    expect(await storedDrafts(firstParty)).toEqual(
      sameSiteFrameStorage[engine] === "shared" ? sameSiteDraft : null,
    );
  });

  if (engine === "chromium") {
    test('chromium: its incognito contexts (the driver\'s own) refuse a cross-site iframe IndexedDB altogether, where a first-party page has it (why the tests above use an everyday profile); the embed then keeps the answers in the tab and says so, never "Gemt"', async () => {
      const incognito = await held.newContext();
      const { page, frame } = await openHost(incognito);
      await frame.click({ text: "I høj grad" });
      await frame.waitFor(
        `"${text.savedInMemory}" and the notice in the frame`,
        (saved) =>
          document.querySelector(".klynge-survey__saved")?.textContent?.trim() === saved &&
          document.querySelector(".klynge-survey__memory") !== null,
        text.savedInMemory,
      );
      const openProbe = () =>
        new Promise<string>((resolve) => {
          const request = indexedDB.open("klynge-probe");
          request.onsuccess = () => {
            request.result.close();
            resolve("opened");
          };
          request.onerror = () => resolve(`${request.error?.name}: ${request.error?.message}`);
        });
      expect(await page.frame("#survey iframe").evaluate(openProbe, undefined)).toBe(
        "UnknownError: The user denied permission to access the database.",
      );
      const firstParty = await incognito.newPage();
      await firstParty.goto(`${widgetSite}/`);
      expect(await firstParty.evaluate(openProbe, undefined)).toBe("opened");
    });
  }
});
