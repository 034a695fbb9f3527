// @vitest-environment node

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inProcessCaller } from "@klynge/example-collector";
import { freshDatabase, type TestDatabase } from "@klynge/example-collector/testing/databases";
import { templateVersion } from "@klynge/question-bank";
import { seriousViolations } from "@klynge/test-support/axe";
import { launchChromium } from "@klynge/test-support/chromium";
import {
  type BuiltDir,
  buildEmbed,
  type PageServer,
  startPageServer,
  viteBuildInto,
} from "@klynge/test-support/embedServers";
import { workspacePath } from "@klynge/test-support/workspace";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { demoRounds } from "../../seed.js";
import { type Demo, startDemo } from "../../startDemo.js";
import { demoPages } from "./fixtures/demoPages.js";

// The whole story in a real Chromium, wired as `pnpm start` wires it (startDemo): the local
// OpenID provider, the collector with the built pages under their security headers, the mock
// kiap.dk page on another origin. Every page is watched for Content-Security-Policy violations.

const coordinatorDir = workspacePath("examples/coordinator/");
const meetingDir = workspacePath("examples/meeting-app/");

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

const { watchedPage, newContext, signInOnStaffPages, tabTo } = demoPages(
  () => browser,
  () => demo,
);

/** The names in the staff pages' main navigation. */
async function navigation(page: Page): Promise<string[]> {
  const nav = page.getByRole("navigation", { name: "Sider" });
  await nav.waitFor();
  return (await nav.getByRole("link").allTextContents()).map((t) => t.trim());
}

async function respondents(roundId: string): Promise<number> {
  const municipality = await inProcessCaller(demo.app, demo.db, demo.users.municipality.email);
  const reply = await municipality.request({ method: "GET", url: `/api/report?rounds=${roundId}` });
  return reply.json().report.rounds[0].respondents.value;
}

describe("demo, end to end", () => {
  test("a GP answers the survey embedded in the kiap.dk page, under the collector's CSP and the host page's own; the answer is counted", async () => {
    expect(await respondents(demoRounds.followUp)).toBe(27);
    const context = await newContext();
    const { page, problems } = await watchedPage(context);
    // The host page under a CSP of its own, as a region's IT would approve it: its inline script
    // by hash (it writes the "Hændelse klynge:complete" line below), embed.js and frames from the
    // collector only.
    const hostPage = await page.goto(`${demo.kiap}/`);
    expect(hostPage?.headers()["content-security-policy"]).toContain(`frame-src ${demo.collector}`);
    const frame = page.frameLocator("iframe");
    // The intro's line (how long it takes, who sees what) above the first question, which the
    // collector sent as HTML (rendered by the widget's components); then the form takes over.
    const sent = await (
      await fetch(`${demo.collector}/frame/?round=${demoRounds.followUp}`)
    ).text();
    expect(sent).toContain(`<div id="klynge-prerender">`);
    expect(sent).toContain("Kender du Vejle Kommunes nye sundhedscenter i Bredballe?");
    await frame.locator("#klynge-prerender").waitFor({ state: "detached" });
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
    await page.getByRole("button", { name: "Begynd" }).click();
    await page.getByRole("button", { name: "Videre" }).waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  test("each role signs in on the staff pages through the OpenID provider and is offered what it may do; the results page reads right; signing out says so", async () => {
    const context = await newContext();
    const { page, problems } = await watchedPage(context);
    const results = `#/resultater?rounds=${demoRounds.baseline},${demoRounds.followUp}`;

    await signInOnStaffPages(page, "coordinator", results);
    expect(await navigation(page)).toEqual(
      expect.arrayContaining(["Tilpas spørgeskema", "Ny runde", "Runder", "Resultater"]),
    );
    const followUpRow = page
      .getByRole("row")
      .filter({ hasText: "Opfølgning, oktober 2026" })
      .first();
    await followUpRow.waitFor();
    const counted = await respondents(demoRounds.followUp);
    const cells = await followUpRow.getByRole("cell").allTextContents();
    expect(cells).toContain(String(counted));
    await page
      .getByText("Kender du Vejle Kommunes nye sundhedscenter i Bredballe?")
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${demo.collector}/coordinator/#/runder`);
    await page.getByRole("button", { name: "Hent svar (CSV)" }).first().waitFor();
    await page.getByRole("button", { name: "Log ud" }).click();
    // Signed out here, then at the provider (it asks to confirm).
    await page.getByRole("button", { name: /Ja, log mig ud/ }).click();
    await page.getByText("Du er logget ud.").waitFor();

    await signInOnStaffPages(page, "municipality", results);
    const municipalityPages = await navigation(page);
    expect(municipalityPages).toEqual(
      expect.arrayContaining(["Versioner", "Runder", "Resultater"]),
    );
    expect(municipalityPages).not.toContain("Ny runde");
    expect(municipalityPages).not.toContain("Tilpas spørgeskema");
    await followUpRow.waitFor();
    await page.goto(`${demo.collector}/coordinator/#/runder`);
    await page.getByText("Opfølgning, oktober 2026").first().waitFor();
    expect(await page.getByRole("button", { name: "Hent svar (CSV)" }).count()).toBe(0);
    await context.clearCookies();

    await signInOnStaffPages(page, "admin", "#/revisionslog");
    expect(await navigation(page)).toEqual(
      expect.arrayContaining(["Klynger", "Personale", "Godkendte sider", "Revisionslog"]),
    );
    // The coordinator's and the municipality's sign-ins and report reads are in the trail.
    await page.getByText(demo.users.municipality.name).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.clearCookies();

    // Klynge Nord's coordinator sees Klynge Nord, and none of Klynge Syd's rounds.
    await signInOnStaffPages(page, "otherCoordinator", "#/runder");
    await page.getByText("Klyngen har ingen runder endnu.").waitFor();
    expect(await page.getByText("Opfølgning, oktober 2026").count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  test("the coordinator adapts the questionnaire by keyboard (a bank question out, a local multi-choice in, dragged to place 3 by its handle), the draft survives a reload, publishes it on the server, creates the round; a GP answers; the report has the local question and not the removed one", async () => {
    const rehab = templateVersion("rehab");
    const removedText =
      rehab.questionnaire.questions.find((q) => q.id === "rehab.oplysninger")?.text.da ?? "";
    const localText = "Hvilke af kommunens nye tilbud har du hørt om?";
    const context = await newContext();
    const { page, problems } = await watchedPage(context);
    await signInOnStaffPages(page, "coordinator", "#/tilpas");
    await page.getByRole("button", { name: `Fjern: ${removedText}` }).waitFor();
    // Keyboard only: Tab to "Fjern", Enter; Tab to the type, arrows; Tab to "Tilføj", Enter;
    // focus then lands in the new question's Danish text, where typing goes.
    await tabTo(page, page.getByRole("button", { name: `Fjern: ${removedText}` }));
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: `Fortryd fjernelse: ${removedText}` }).waitFor();
    const type = page.getByLabel("Type for nyt spørgsmål");
    await tabTo(page, type);
    await page.keyboard.press("Home");
    for (let i = 0; i < 4 && (await type.inputValue()) !== "multi"; i += 1) {
      await page.keyboard.press("ArrowDown");
    }
    expect(await type.inputValue()).toBe("multi");
    await tabTo(page, page.getByRole("button", { name: "Tilføj spørgsmål", exact: true }));
    await page.keyboard.press("Enter");
    const questionText = page.getByLabel("Spørgsmål (dansk)");
    await expect
      .poll(() => questionText.evaluate((el) => el === document.activeElement))
      .toBe(true);
    await page.keyboard.type(localText);
    // Its drag handle moves it by keyboard (Space, arrows, Space) from last place to place 3;
    // each key waits for what the screen reader is told, as the sensor listens from then on.
    const last = rehab.questionnaire.questions.length;
    const told = (text: string) => page.getByText(text).waitFor({ state: "attached" });
    await page.getByRole("button", { name: `Træk: ${localText}` }).focus();
    await page.keyboard.press("Space");
    await told(`${localText} er taget op, på plads ${last} af ${last}.`);
    for (let place = last - 1; place >= 3; place -= 1) {
      await page.keyboard.press("ArrowUp");
      await told(`${localText} er over plads ${place} af ${last}.`);
    }
    await page.keyboard.press("Space");
    await told(`${localText} er sat på plads 3 af ${last}.`);
    await page.getByRole("article", { name: `Spørgsmål 3: ${localText}` }).waitFor();
    await page.getByLabel("Svarmulighed 1 (dansk)").fill("Træning for ældre");
    await page.getByLabel("Svarmulighed 2 (dansk)").fill("Madskole");
    await page.getByLabel("Tilføj «Ved ikke»").check();
    await page.getByText("Kladde gemt").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // A closed tab loses nothing: the draft comes back after a reload.
    await page.reload();
    await page.getByText("Kladden fra sidst er hentet.").waitFor();
    expect(await page.getByLabel("Spørgsmål (dansk)").inputValue()).toBe(localText);
    expect(await page.getByRole("button", { name: `Fjern: ${removedText}` }).count()).toBe(0);

    await page.getByLabel("Versionens navn").fill("Klynge Syd + Vejle Kommune, marts 2027");
    await page.getByRole("button", { name: "Udgiv" }).click();
    // Published on the server: "Ny runde" opens on the new version.
    await page.getByRole("heading", { name: "Ny runde" }).waitFor();
    await page.getByLabel("Rundens navn").fill("Baseline, marts 2027");
    await page.getByLabel("Antal inviterede (valgfri)").fill("40");
    // The field holds what follows the cluster's prefix, which stands beside it.
    const roundId = `klynge-syd.${await page.getByLabel("Rundens id").inputValue()}`;
    await page.getByRole("button", { name: "Opret runde" }).click();
    await page.getByText("Runden Baseline, marts 2027 er oprettet.").waitFor();
    const document = (await demo.app.inject(`/api/rounds/${roundId}`)).json();
    expect(document.version.label).toBe("Klynge Syd + Vejle Kommune, marts 2027");
    expect(document.version.lineage.base).toBe(rehab.hash);

    // The round takes answers through its open link (the staff pages do not set it yet).
    const coordinator = await inProcessCaller(demo.app, demo.db, demo.users.coordinator.email);
    const opened = await coordinator.request({
      method: "PUT",
      url: `/api/rounds/${roundId}/open-link`,
      payload: { open: true },
    });
    expect(opened.statusCode).toBe(200);
    // A GP answers the new version in the widget (the iframe page, opened directly).
    await page.goto(`${demo.collector}/frame/?round=${encodeURIComponent(roundId)}`);
    await page.locator("#klynge-prerender").waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Videre" }).waitFor();
    let answered = false;
    for (let step = 0; step < 10; step += 1) {
      expect(await page.getByText(removedText).count()).toBe(0);
      if (!answered && (await page.getByText(localText).first().isVisible())) {
        await page.locator("label").filter({ hasText: "Madskole" }).first().click();
        answered = true;
      }
      const done = page.getByRole("button", { name: "Færdig" });
      if (await done.isVisible()) {
        await done.click();
        break;
      }
      await page.getByRole("button", { name: "Videre" }).click();
    }
    expect(answered).toBe(true);
    const stored = async () =>
      (await coordinator.request({ method: "GET", url: "/api/clusters/klynge-syd/rounds" }))
        .json()
        .rounds.find((entry: { round: { id: string } }) => entry.round.id === roundId)?.responses;
    await expect.poll(stored).toBe(1);
    const report = (
      await coordinator.request({ method: "GET", url: `/api/report?rounds=${roundId}` })
    ).json().report;
    const ids = report.questions.map((q: { id: string }) => q.id);
    const local = report.questions.find((q: { text: { da: string } }) => q.text.da === localText);
    expect(local?.type).toBe("multi");
    expect(ids).not.toContain("rehab.oplysninger");
    expect(ids).toHaveLength(rehab.questionnaire.questions.length);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});
