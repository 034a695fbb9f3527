// @vitest-environment node
import { readFileSync } from "node:fs";
import type { Round } from "@klynge/engine";
import { seriousViolations } from "@klynge/test-support/axe";
import { launchChromium } from "@klynge/test-support/chromium";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { firstQuestion, rehab, round, text } from "./fixtures/meetingRound.js";
import {
  buildMeetingApp,
  type CollectorServer,
  type RespondentAccess,
  startMeetingServer,
} from "./fixtures/meetingServer.js";

// The meeting app as a tablet at the cluster meeting uses it, in a real Chromium: one online
// visit installs the Workbox service worker; then with the network cut, a reload still opens the
// app (from the service worker: the server marks everything no-store), three GPs answer in turn on
// one tablet, and back online each response is stored once. Unsent answers also travel by file
// to another device. axe-core checks the survey, thank-you and results screens.

/** A round that takes answers only with a credential: the tablets enrol with a meeting key. */
const keyedRound: Round = { ...round, id: "klynge-syd.2027-05", label: "Klyngemøde, maj 2027" };
const meetingKey = "MeetingKey_0123456789abcdefghijkl";
const access: RespondentAccess = {
  closedRounds: new Set([keyedRound.id]),
  invitations: new Map(),
  meetingKeys: new Map(),
};

let built: { dir: string; remove(): void };
let server: CollectorServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let pageErrors: string[] = [];

beforeAll(async () => {
  built = await buildMeetingApp();
  server = await startMeetingServer(
    built.dir,
    new Map([
      [round.id, { round, version: rehab }],
      [keyedRound.id, { round: keyedRound, version: rehab, k: 5 }],
    ]),
    access,
  );
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  built?.remove();
});

beforeEach(() => {
  server.reset();
  access.meetingKeys.clear();
  pageErrors = [];
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  expect(pageErrors).toEqual([]);
});

/** A tablet: its own profile (IndexedDB, service worker, Cache Storage), 10-inch landscape. */
async function newTablet(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    hasTouch: true,
    acceptDownloads: true,
  });
  contexts.push(context);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  return { context, page };
}

/** The one online visit before the meeting: the app shell cached, the round kept on the device. */
async function visitOnline(page: Page): Promise<void> {
  await page.goto(`${server.origin}/app/?round=${round.id}`);
  await page.getByText(text.offlineReady).waitFor();
  await startRespondent(page);
}

/** Past the intro each respondent sees first, to the first question. */
async function startRespondent(page: Page): Promise<void> {
  await page.getByRole("button", { name: text.start }).click();
  await page.getByText(firstQuestion).waitFor();
}

/** Answers the first question with `option`, then goes through every page to "Færdig". */
async function answerAndFinish(page: Page, option: string): Promise<void> {
  if (await page.getByRole("button", { name: text.start }).isVisible()) await startRespondent(page);
  await page.getByText(firstQuestion).waitFor();
  // As a GP taps it: on the option's text (SurveyJS draws its own radio over the input).
  await page.locator("label").filter({ hasText: option }).first().click();
  await page
    .getByRole("radio", { name: option, exact: true, checked: true })
    .waitFor({ state: "attached" });
  for (let pageNo = 0; pageNo < 10; pageNo += 1) {
    const complete = page.getByRole("button", { name: text.complete });
    if (await complete.isVisible()) {
      await complete.click();
      await page.getByRole("heading", { name: text.thanks }).waitFor();
      return;
    }
    await page.getByRole("button", { name: text.next }).click();
  }
  throw new Error("no Færdig button after 10 pages");
}

async function unsentCounter(page: Page): Promise<string> {
  return (await page.locator(".meeting-unsent").textContent()) ?? "";
}

describe("meeting app", () => {
  test("opens offline from the service worker; three respondents in kiosk mode; back online each stored once", async () => {
    const { context, page } = await newTablet();
    await visitOnline(page);
    // The page that installed the worker is not controlled by it; the next load is.
    await page.reload();
    await startRespondent(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await context.setOffline(true);
    await page.reload();
    await page.getByText(text.fromDevice).waitFor();
    // The intro each respondent sees first, then the survey: both clean.
    await page.getByRole("button", { name: text.start }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await startRespondent(page);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    // Control: the checker does find a serious violation when there is one.
    await page.evaluate(() => document.body.append(document.createElement("button")));
    expect(await seriousViolations(page)).toEqual([
      expect.stringMatching(/^button-name \(critical\)/),
    ]);
    await page.evaluate(() => document.body.lastElementChild?.remove());

    const options = ["I høj grad", "I nogen grad", "Slet ikke"];
    for (const [i, option] of options.entries()) {
      await answerAndFinish(page, option);
      await page.getByText(text.queued).waitFor();
      expect(await unsentCounter(page)).toBe(text.unsent(i + 1));
      if (i === 0) expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("button", { name: text.nextRespondent }).click();
      // A fresh respondent: the intro again, and nothing of the previous answers on screen.
      await startRespondent(page);
      expect(await page.getByRole("radio", { checked: true }).count()).toBe(0);
    }
    expect(server.stats.puts).toBe(0);

    await page.getByRole("button", { name: text.results }).click();
    await page.getByText("3 besvarelser på denne enhed", { exact: false }).waitFor();
    // Three is under k = 5: the engine withholds every figure.
    expect(await page.locator(".meeting-table").count()).toBe(0);
    expect(await page.getByText("Skjult: færre end 5 har besvaret spørgsmålet.").count()).toBe(
      rehab.questionnaire.questions.length,
    );
    expect(await seriousViolations(page)).toEqual([]);

    await context.setOffline(false);
    await page.getByText(text.allSent).waitFor();
    expect(server.rows.size).toBe(3);
    expect(server.stats.created).toBe(3);
    expect(server.stats.conflicts).toBe(0);
    const chosen = [...server.rows.values()]
      .map((row) => JSON.parse(row).answers["rehab.kendskab"].choice)
      .sort();
    expect(chosen).toEqual(["i-hoej-grad", "i-nogen-grad", "slet-ikke"]);
    const channels = new Set([...server.rows.values()].map((row) => JSON.parse(row).channel));
    expect([...channels]).toEqual(["kiosk"]);
    // Sent responses stay on the tablet for its own results.
    expect(await page.getByText("3 besvarelser på denne enhed", { exact: false }).count()).toBe(1);
  }, 120_000);

  test("'Start forfra' deletes the answers on screen; the next respondent starts empty", async () => {
    const { page } = await newTablet();
    await visitOnline(page);
    await page.locator("label").filter({ hasText: "I nogen grad" }).first().click();
    await page.getByText("Gemt", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Start forfra", exact: true }).click();
    await page.getByRole("button", { name: "Ja, slet og start forfra" }).click();
    // The confirmation closes once the draft is deleted and a fresh survey is mounted.
    await page.getByRole("button", { name: "Start forfra", exact: true }).waitFor();
    await startRespondent(page);
    expect(await page.getByRole("radio", { checked: true }).count()).toBe(0);
    // Not hidden on screen only: the draft is gone from the device.
    await page.reload();
    await startRespondent(page);
    expect(await page.getByRole("radio", { checked: true }).count()).toBe(0);
    expect(await page.getByRole("radio").count()).toBeGreaterThan(0);
    expect(server.stats.puts).toBe(0);
  }, 60_000);

  test("a tablet enrolled with a meeting key: offline answers upload with the key; after the key is revoked a response is refused, said so, not counted as unsent, and still exportable", async () => {
    const hour = 60 * 60_000;
    access.meetingKeys.set(meetingKey, {
      roundId: keyedRound.id,
      revoked: false,
      validUntil: new Date(Date.now() + 2 * hour).toISOString(),
      graceUntil: new Date(Date.now() + 4 * hour).toISOString(),
      cap: 10,
      used: 0,
    });
    const { context, page } = await newTablet();
    // Enrolment, once, online: the link carries the key in its fragment.
    await page.goto(`${server.origin}/app/?round=${keyedRound.id}#key=${meetingKey}`);
    await page.getByText(text.offlineReady).waitFor();
    await page.getByText(text.enrolled).waitFor();
    await page.getByText(/Mødenøgle: svar tages imod til .* 10 svar tilbage\./).waitFor();
    expect(page.url()).toBe(`${server.origin}/app/?round=${keyedRound.id}`);
    // The intro says the cluster's k from the round document.
    await page.getByText("tal fra færre end 5 personer vises ikke", { exact: false }).waitFor();

    // Kept on the device: a visit without the link still answers with the key.
    await page.reload();
    await page.getByText(/10 svar tilbage/).waitFor();
    await context.setOffline(true);
    for (const option of ["I høj grad", "I nogen grad", "Slet ikke"]) {
      await answerAndFinish(page, option);
      await page.getByText(text.queued).waitFor();
      await page.getByRole("button", { name: text.nextRespondent }).click();
    }
    expect(await unsentCounter(page)).toBe(text.unsent(3));
    expect(server.stats.puts).toBe(0);

    await context.setOffline(false);
    await page.getByText(text.allSent).waitFor();
    expect(server.rows.size).toBe(3);
    expect([...server.headersById.values()]).toEqual([
      { meetingKey },
      { meetingKey },
      { meetingKey },
    ]);
    expect(access.meetingKeys.get(meetingKey)?.used).toBe(3);

    // The coordinator revokes the key; the fourth respondent answers.
    const key = access.meetingKeys.get(meetingKey);
    if (key !== undefined) key.revoked = true;
    await answerAndFinish(page, "I mindre grad");
    const refusal = page.getByRole("alert").filter({ hasText: text.notReceived });
    await refusal.getByText(text.revoked, { exact: false }).waitFor();
    expect(await page.getByText(text.queued).count()).toBe(0);
    expect(await page.getByText(/sendes automatisk/).count()).toBe(0);
    expect(await unsentCounter(page)).toBe("1 svar afvist");
    expect(await page.locator(".meeting-unsent").getAttribute("data-unsent")).toBe("0");
    expect(await seriousViolations(page)).toEqual([]);
    expect(server.rows.size).toBe(3);
    expect(server.stats.refused).toBe(1);

    // The tablet's list: three sent, one refused with the reason, none waiting.
    await page.getByRole("button", { name: text.status }).click();
    const items = page.locator(".meeting-status__item");
    await expect.poll(() => items.count()).toBe(4);
    expect(await page.locator(".meeting-status__item--sent").count()).toBe(3);
    expect(await page.locator(".meeting-status__item--waiting").count()).toBe(0);
    const refused = page.locator(".meeting-status__item--refused");
    expect(await refused.textContent()).toContain(`Afvist: ${text.revoked}`);
    expect(await seriousViolations(page)).toEqual([]);

    // Still on the device, and exportable.
    await page.getByRole("button", { name: text.transfer }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: text.exportButton }).click(),
    ]);
    const exported = JSON.parse(readFileSync(await download.path(), "utf8")) as {
      responses: { answers: Record<string, { choice: string }> }[];
    };
    expect(exported.responses.map((r) => r.answers["rehab.kendskab"]?.choice)).toEqual([
      "i-mindre-grad",
    ]);
  }, 120_000);

  test("unsent responses travel by file to another device, which sends them; duplicates are ignored", async () => {
    const first = await newTablet();
    await visitOnline(first.page);
    await first.context.setOffline(true);
    await answerAndFinish(first.page, "I høj grad");
    await first.page.getByRole("button", { name: text.nextRespondent }).click();
    await answerAndFinish(first.page, "I mindre grad");
    expect(await unsentCounter(first.page)).toBe(text.unsent(2));

    await first.page.getByRole("button", { name: text.transfer }).click();
    const [download] = await Promise.all([
      first.page.waitForEvent("download"),
      first.page.getByRole("button", { name: text.exportButton }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^klynge-usendte-svar-.*\.json$/);
    const file = readFileSync(await download.path(), "utf8");
    const exported = JSON.parse(file) as { responses: { id: string }[]; versions: unknown[] };
    expect(exported.responses).toHaveLength(2);
    expect(exported.versions).toHaveLength(1);

    // Another device, online, that never saw these answers.
    const second = await newTablet();
    await visitOnline(second.page);
    await second.page.getByRole("button", { name: text.transfer }).click();
    const input = second.page.getByLabel(text.importLabel);
    await input.setInputFiles({
      name: "svar.json",
      mimeType: "application/json",
      buffer: Buffer.from(file),
    });
    await second.page.getByText("2 svar indlæst, 0 fandtes allerede, 0 afvist.").waitFor();
    await second.page.getByText(text.allSent).waitFor();
    expect(server.rows.size).toBe(2);
    expect(new Set(server.rows.keys())).toEqual(
      new Set(exported.responses.map((r) => `${round.id}/${r.id}`)),
    );

    // The same file again, and a tampered copy: nothing new, the tampered answer refused.
    await input.setInputFiles({
      name: "svar.json",
      mimeType: "application/json",
      buffer: Buffer.from(file),
    });
    await second.page.getByText("0 svar indlæst, 2 fandtes allerede, 0 afvist.").waitFor();
    const tampered = JSON.parse(file);
    tampered.responses[0].id = "00000000-0000-4000-8000-000000000099";
    tampered.responses[0].answers["rehab.kendskab"] = { choice: "maaske" };
    await input.setInputFiles({
      name: "svar.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(tampered)),
    });
    await second.page.getByText("0 svar indlæst, 1 fandtes allerede, 1 afvist.").waitFor();
    await second.page
      .getByText("Afvist svar 00000000-0000-4000-8000-000000000099:", { exact: false })
      .waitFor();
    await second.page.getByRole("button", { name: text.results }).click();
    await second.page.getByText("2 besvarelser på denne enhed", { exact: false }).waitFor();

    // The first tablet comes online at last: the same bodies again, stored once.
    await first.context.setOffline(false);
    await first.page.getByText(text.allSent).waitFor();
    expect(server.rows.size).toBe(2);
    expect(server.stats.created).toBe(2);
    expect(server.stats.repeated).toBe(2);
    expect(server.stats.conflicts).toBe(0);
  }, 120_000);
});
