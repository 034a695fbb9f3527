// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inProcessCaller } from "@klynge/example-collector";
import type { Browser, BrowserContext, ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium } from "../../../../../packages/engine/src/__tests__/fixtures/chromium.js";
import {
  type BuiltDir,
  buildEmbed,
  type PageServer,
  startPageServer,
  viteBuildInto,
} from "../../../../../packages/widget/src/__tests__/browser/fixtures/embedServers.js";
import {
  freshDatabase,
  type TestDatabase,
} from "../../../../collector/src/__tests__/fixtures/databases.js";
import { demoRounds } from "../../seed.js";
import { type Demo, startDemo } from "../../startDemo.js";

// The whole story in a real Chromium, wired as `pnpm start` wires it (startDemo): the local
// OpenID provider, the collector with the built pages under their security headers, the mock
// kiap.dk page on another origin. Every page is watched for Content-Security-Policy violations.

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);
const coordinatorDir = fileURLToPath(new URL("../../../../coordinator/", import.meta.url));
const meetingDir = fileURLToPath(new URL("../../../../meeting-app/", import.meta.url));

let embed: BuiltDir;
let coordinator: BuiltDir;
let meeting: BuiltDir;
let database: TestDatabase;
let demo: Demo;
let attacker: PageServer;
let browser: Browser;
const dataDir = mkdtempSync(join(tmpdir(), "klynge-demo-e2e-"));

beforeAll(async () => {
  [embed, coordinator, meeting] = await Promise.all([
    buildEmbed(),
    viteBuildInto("klynge-coordinator-", [
      { configFile: join(coordinatorDir, "vite.config.ts"), root: coordinatorDir },
    ]),
    viteBuildInto("klynge-meeting-", [
      { configFile: join(meetingDir, "vite.config.ts"), root: meetingDir },
    ]),
  ]);
  database = await freshDatabase();
  demo = await startDemo({
    dataDir,
    db: database.db,
    built: { widget: embed.dir, meetingApp: meeting.dir, coordinator: coordinator.dir },
  });
  expect(demo.seeded).toMatch(/^seeded/);
  attacker = await startPageServer(() =>
    [
      "<!doctype html><title>not kiap.dk</title>",
      `<iframe id="staff" src="${demo.collector}/coordinator/"></iframe>`,
      `<iframe id="survey" src="${demo.collector}/frame/?round=${demoRounds.followUp}"></iframe>`,
    ].join(""),
  );
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await attacker?.close();
  await demo?.close();
  await database?.drop();
  embed?.remove();
  coordinator?.remove();
  meeting?.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A page whose CSP violations, page errors and console errors are collected. */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${String(error)}`));
  page.on("console", (message: ConsoleMessage) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) {
      problems.push(`csp: ${message.text()}`);
    }
  });
  return { page, problems };
}

async function newContext(width = 1280, height = 900): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height } });
  context.setDefaultTimeout(20_000);
  return context;
}

/**
 * axe-core's serious and critical violations on the page as it is now. axe is run through the
 * DevTools protocol: the page's CSP rightly refuses it as a script tag.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; nodes: { target: unknown }[] };
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target).slice(0, 3))}`);
}

async function respondents(roundId: string): Promise<number> {
  const municipality = await inProcessCaller(demo.app, demo.db, demo.users.municipality.email);
  const reply = await municipality.request({ method: "GET", url: `/api/report?rounds=${roundId}` });
  return reply.json().report.rounds[0].respondents.value;
}

describe("demo, end to end", () => {
  test("a GP answers the survey embedded in the kiap.dk page, under the collector's CSP; the answer is counted", async () => {
    expect(await respondents(demoRounds.followUp)).toBe(27);
    const context = await newContext();
    const { page, problems } = await watchedPage(context);
    await page.goto(`${demo.kiap}/`);
    const frame = page.frameLocator("iframe");
    await frame.getByText("Kender du Vejle Kommunes nye sundhedscenter i Bredballe?").waitFor();
    await frame
      .locator("label")
      .filter({ hasText: "Ja, og jeg har henvist dertil" })
      .first()
      .click();
    for (let step = 0; step < 10; step += 1) {
      const done = frame.getByRole("button", { name: "Færdig" });
      if (await done.isVisible()) {
        await done.click();
        break;
      }
      await frame.getByRole("button", { name: "Videre" }).click();
    }
    await page.getByText(/Hændelse klynge:complete – svar .* \(modtaget\)/).waitFor();
    expect(await respondents(demoRounds.followUp)).toBe(28);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  test("another site cannot frame the staff pages (the browser refuses), nor the survey unless it is an embedder", async () => {
    const context = await newContext();
    const page = await context.newPage();
    const refusals: string[] = [];
    page.on("console", (message) => {
      if (/frame-ancestors/.test(message.text())) refusals.push(message.text());
    });
    await page.goto(`${attacker.origin}/`);
    await expect.poll(() => refusals.length).toBe(2);
    expect(refusals.filter((text) => text.includes("frame-ancestors 'none'"))).toHaveLength(1);
    expect(
      refusals.filter((text) => text.includes(`frame-ancestors 'self' ${demo.kiap}`)),
    ).toHaveLength(1);
    // The control: on the embedder's page (the kiap.dk mock) the survey frame loads.
    await page.goto(`${demo.kiap}/`);
    await page.frameLocator("iframe").getByRole("button", { name: "Videre" }).waitFor();
    await context.close();
  }, 60_000);

  test("the meeting app runs under the collector's CSP: its service worker, the survey, no violation", async () => {
    const context = await newContext(800, 1280);
    const { page, problems } = await watchedPage(context);
    await page.goto(`${demo.collector}/app/?round=${demoRounds.followUp}`);
    await page.getByText("Appen er klar til brug uden net på denne enhed.").waitFor();
    // The page that installed the worker is not controlled by it; the next load is.
    await page.reload();
    await page.getByRole("button", { name: "Videre" }).waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
