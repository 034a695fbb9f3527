// @vitest-environment node
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium } from "../../../../../packages/engine/src/__tests__/fixtures/chromium.js";
import {
  type BuiltDir,
  buildEmbed,
  type PageServer,
  startPageServer,
  viteBuildInto,
} from "../../../../../packages/widget/src/__tests__/browser/fixtures/embedServers.js";
import { openPglite } from "../../database.js";
import { kiapPage } from "../../demo/kiapPage.js";
import { demoRounds, seedDemo } from "../../demo/seed.js";
import { buildCollector } from "../../server.js";

// The whole story in a real Chromium, as the demo runs it: the seeded collector (PGlite) serves
// the iframe page, the host script and the coordinator's pages; a kiap.dk-like page on another
// origin embeds the follow-up survey with one tag; a GP answers it there; the results page then
// counts that answer.

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);
const coordinatorDir = fileURLToPath(new URL("../../../../coordinator/", import.meta.url));

let embed: BuiltDir;
let coordinator: BuiltDir;
let app: Awaited<ReturnType<typeof buildCollector>>;
let closeDb: () => Promise<void>;
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
  const db = await openPglite();
  closeDb = () => db.close();
  app = await buildCollector({
    db,
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
  await closeDb?.();
  embed?.remove();
  coordinator?.remove();
});

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
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      type Violation = { id: string; impact: string | null; nodes: { target: unknown }[] };
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } })
        .axe;
      return (await axe.run()).violations;
    });
    expect(
      violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target).slice(0, 3))}`),
    ).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
