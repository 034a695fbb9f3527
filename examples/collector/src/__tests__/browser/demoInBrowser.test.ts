// @vitest-environment node
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium } from "../../../../../packages/engine/src/__tests__/fixtures/chromium.js";
import {
  type BuiltDir,
  buildEmbed,
  type PageServer,
  startPageServer,
  viteBuildInto,
} from "../../../../../packages/widget/src/__tests__/browser/fixtures/embedServers.js";
import { kiapPage } from "../../demo/kiapPage.js";
import { demoRounds, seedDemo } from "../../demo/seed.js";
import { buildCollector } from "../../server.js";
import { freshPostgres, type TestDatabase } from "../fixtures/databases.js";
import { rehab } from "../fixtures/rounds.js";

// The whole story in a real Chromium, as the demo runs it: the seeded collector (on the run's
// PostgreSQL server, fixtures/postgresServer.ts) serves the iframe page, the host script and the
// coordinator's pages; a kiap.dk-like page on another origin embeds the follow-up survey with
// one tag; a GP answers it there; the results page then counts that answer.

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);
const coordinatorDir = fileURLToPath(new URL("../../../../coordinator/", import.meta.url));

let embed: BuiltDir;
let coordinator: BuiltDir;
let app: Awaited<ReturnType<typeof buildCollector>>;
let database: TestDatabase;
let collector: string;
let kiap: PageServer;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  embed = await buildEmbed();
  coordinator = await viteBuildInto("klynge-coordinator-", [
    { configFile: join(coordinatorDir, "vite.config.ts"), root: coordinatorDir },
  ]);
  // The kiap.dk page is made on request, once the collector's origin is known.
  kiap = await startPageServer((path) =>
    path === "/" ? kiapPage({ collector, round: demoRounds.followUp }) : undefined,
  );
  database = await freshPostgres();
  app = await buildCollector({
    db: database.db,
    sites: [
      {
        prefix: "/frame/",
        root: join(embed.dir, "frame"),
        headers: { "content-security-policy": `frame-ancestors 'self' ${kiap.origin}` },
      },
      { prefix: "/coordinator/", root: coordinator.dir },
    ],
    files: [{ path: "/embed.js", file: join(embed.dir, "embed.js"), type: "text/javascript" }],
  });
  expect(await seedDemo(app)).toMatch(/^seeded/);
  collector = await app.listen({ host: "127.0.0.1", port: 0 });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await kiap?.close();
  await app?.close();
  await database?.drop();
  embed?.remove();
  coordinator?.remove();
});

/** axe-core's serious and critical violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; nodes: { target: unknown }[] };
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target).slice(0, 3))}`);
}

/** Presses Tab until `target` has the focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator, maxPresses = 120): Promise<void> {
  for (let press = 0; press < maxPresses; press += 1) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${target} was not reached with ${maxPresses} presses of Tab`);
}

async function respondents(roundId: string): Promise<number> {
  const report = (await app.inject(`/api/report?rounds=${roundId}`)).json();
  return report.report.rounds[0].respondents.value;
}

describe("demo, end to end", () => {
  test("a GP answers the survey embedded in the kiap.dk page; the results page counts the answer", async () => {
    expect(await respondents(demoRounds.followUp)).toBe(27);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(20_000);
    const page: Page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    await page.goto(`${kiap.origin}/`);
    const frame = page.frameLocator("iframe");
    // The follow-up's locally added question, answered in the frame.
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

    await page.goto(
      `${collector}/coordinator/#/resultater?rounds=${demoRounds.baseline},${demoRounds.followUp}`,
    );
    const followUpRow = page
      .getByRole("row")
      .filter({ hasText: "Opfølgning, oktober 2026" })
      .first();
    await followUpRow.waitFor();
    // Respondents 28 of 40 invited: the answer given above is counted.
    const cells = await followUpRow.getByRole("cell").allTextContents();
    expect(cells).toContain("28");
    expect(cells.some((cell) => /^70\s%$/.test(cell))).toBe(true);
    await page
      .getByText("Kender du Vejle Kommunes nye sundhedscenter i Bredballe?")
      .first()
      .waitFor();
    // The results page is what the meeting sees: axe-core finds nothing serious on it.
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);

  test("the coordinator adapts the questionnaire (a bank question out, a local multi-choice in), the draft survives a reload, the round is answered, and the report has the local question and not the removed one", async () => {
    const removedText =
      rehab.questionnaire.questions.find((q) => q.id === "rehab.oplysninger")?.text.da ?? "";
    const localText = "Hvilke af kommunens nye tilbud har du hørt om?";
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(20_000);
    const page: Page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    await page.goto(`${collector}/coordinator/#/tilpas`);
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
    // Published: "Ny runde" opens on the new version.
    await page.getByRole("heading", { name: "Ny runde" }).waitFor();
    await page.getByLabel("Klynge", { exact: true }).fill("Klynge Syd");
    await page.getByLabel("Rundens navn").fill("Baseline, marts 2027");
    const roundId = await page.getByLabel("Rundens id").inputValue();
    await page.getByRole("button", { name: "Opret runde" }).click();
    await page.getByText(`Runden ${roundId} er oprettet.`).waitFor();
    const created = (await app.inject(`/api/rounds/${roundId}`)).json();
    expect(created.version.label).toBe("Klynge Syd + Vejle Kommune, marts 2027");
    expect(created.version.lineage.base).toBe(rehab.hash);

    // A GP answers the new version in the widget (the iframe page, opened directly).
    await page.goto(`${collector}/frame/?round=${encodeURIComponent(roundId)}`);
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
    // One respondent is below k, so the report withholds the count: the round list has it.
    const stored = async () =>
      (await app.inject("/api/rounds"))
        .json()
        .rounds.find((entry: { round: { id: string } }) => entry.round.id === roundId)?.responses;
    await expect.poll(stored).toBe(1);
    const report = (await app.inject(`/api/report?rounds=${roundId}`)).json().report;
    const ids = report.questions.map((q: { id: string }) => q.id);
    const local = report.questions.find((q: { text: { da: string } }) => q.text.da === localText);
    expect(local?.type).toBe("multi");
    expect(ids).not.toContain("rehab.oplysninger");
    expect(ids).toHaveLength(rehab.questionnaire.questions.length);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
