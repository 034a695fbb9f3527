// @vitest-environment node
import { seriousViolationsIn } from "@klynge/test-support/axe";
import { type EnginePage, engineNames, holdEngine } from "@klynge/test-support/engines";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { firstQuestion, rehab, round, text } from "./fixtures/meetingRound.js";
import {
  buildMeetingApp,
  type CollectorServer,
  startMeetingServer,
} from "./fixtures/meetingServer.js";

// The meeting app offline from its service worker in each of the three engines, written once
// over @klynge/test-support/engines. Offline is the server stopped (connections refused), the
// same in every engine: WebKit's WebDriver has no network switch, and a venue without a network
// looks the same to the app. The Chromium-only meetingAppInBrowser.test.ts covers the rest.

let built: { dir: string; remove(): void };
let server: CollectorServer;

beforeAll(async () => {
  built = await buildMeetingApp();
  server = await startMeetingServer(built.dir, new Map([[round.id, { round, version: rehab }]]));
}, 120_000);

afterAll(async () => {
  await server?.close();
  built?.remove();
});

/** Waits until the page shows `expected` (rendered text: not what is hidden). */
async function untilShown(page: EnginePage, expected: string): Promise<void> {
  await page.waitFor(
    `"${expected}" on the screen`,
    // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point, not hidden text
    (wanted) => document.body.innerText.includes(wanted),
    expected,
  );
}

/** The first visible button (button or input) named `name`, if any. */
function buttonShown(page: EnginePage, name: string): Promise<boolean> {
  return page.evaluate(
    (wanted) =>
      [...document.querySelectorAll<HTMLElement>("button, input[type=button]")].some(
        (button) =>
          ((button as HTMLInputElement).value || button.textContent || "").trim() === wanted &&
          button.getBoundingClientRect().height > 0,
      ),
    name,
  );
}

/** Past the intro each respondent sees first, to the first question. */
async function startRespondent(page: EnginePage): Promise<void> {
  await page.click({ role: "button", name: text.start });
  await untilShown(page, firstQuestion);
}

/** Answers the first question with `option`, then goes through every page to "Færdig". */
async function answerInEngine(page: EnginePage, option: string): Promise<void> {
  await page.click({ text: option });
  await page.waitFor(
    `"${option}" chosen`,
    (label) =>
      [...document.querySelectorAll("input:checked")].some(
        (input) => input.closest("label")?.textContent?.trim() === label,
      ),
    option,
  );
  for (let pageNo = 0; pageNo < 10; pageNo += 1) {
    if (await buttonShown(page, text.complete)) {
      await page.click({ role: "button", name: text.complete });
      await untilShown(page, text.thanks);
      return;
    }
    // A page is known by its first question (SurveyJS names each with data-name).
    const firstOnPage = () =>
      document.querySelector(".sd-question[data-name]")?.getAttribute("data-name");
    const before = await page.evaluate(firstOnPage, undefined);
    await page.click({ role: "button", name: text.next });
    await page.waitFor(
      "the next page",
      (shown) =>
        document.querySelector(".sd-question[data-name]")?.getAttribute("data-name") !== shown,
      before,
    );
  }
  throw new Error("no Færdig button after 10 pages");
}

describe.each(engineNames)("%s", { timeout: 120_000 }, (engine) => {
  const held = holdEngine(engine);
  beforeAll(held.launch, 60_000);
  afterAll(held.close);
  beforeEach(() => server.reset());
  afterEach(async () => {
    await held.closeContexts();
    await server.start();
  });

  test(`${engine}: one online visit installs the service worker; with the server down a reload opens the app from it, an answer is kept on the device, and stored once when the server is back; axe-core on the thank-you and results screens`, async () => {
    const page = await (await held.newContext()).newPage();
    await page.goto(`${server.origin}/app/?round=${round.id}`);
    await untilShown(page, text.offlineReady);
    // The page that installed the worker is not controlled by it; the next load is.
    await page.reload();
    await page.waitFor(
      "the page controlled by the service worker",
      () => navigator.serviceWorker.controller !== null,
      undefined,
    );

    await server.stop();
    await page.reload();
    await untilShown(page, text.fromDevice);
    // Served by the worker (every reply of the server was no-store, and it is down now).
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.state, undefined)).toBe(
      "activated",
    );
    await startRespondent(page);
    await answerInEngine(page, "I nogen grad");
    await untilShown(page, text.unsent(1));
    expect(server.stats.puts).toBe(0);
    // axe-core on the thank-you screen, offline.
    expect(await seriousViolationsIn(page)).toEqual([]);

    await server.start();
    await untilShown(page, text.allSent);
    expect(server.stats.created).toBe(1);
    const [row] = [...server.rows.values()];
    expect(JSON.parse(row ?? "{}").answers["rehab.kendskab"]).toEqual({ choice: "i-nogen-grad" });

    // The tablet's own results (one answer, under k: every figure withheld), axe-core clean.
    await page.click({ role: "button", name: text.results });
    await untilShown(page, "1 besvarelse på denne enhed");
    expect(await seriousViolationsIn(page)).toEqual([]);
  });
});
