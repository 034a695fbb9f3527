// @vitest-environment node
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { buildIifeBundle } from "@klynge/test-support/bundle";
import { launchChromium } from "@klynge/test-support/chromium";
import { type PageServer, startPageServer } from "@klynge/test-support/embedServers";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

// The meeting plan editor in a real Chromium, at a phone's width and a projector's: nothing wider
// than the screen, items moved and saved with the keyboard alone, axe-core clean.

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);
const css = readFileSync(new URL("../../coordinator.css", import.meta.url), "utf8");

let server: PageServer;
let browser: Browser;

beforeAll(async () => {
  const mode = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  const script = await buildIifeBundle(
    new URL("./fixtures/planPage.ts", import.meta.url),
    "klyngePlanPage",
  ).finally(() => {
    process.env.NODE_ENV = mode;
  });
  const html = [
    '<!doctype html><html lang="da"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Mødeplan</title><style>${css}</style></head>`,
    `<body><div id="root"></div><script>window.process = { env: { NODE_ENV: "production" } };</script>`,
    `<script>${script}</script></body></html>`,
  ].join("");
  server = await startPageServer((path) => (path === "/" ? html : undefined));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

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

describe("meeting plan editor in Chromium", () => {
  for (const width of [360, 1280] as const) {
    test(`at ${width} px it fits the screen, moves and saves by keyboard, and axe finds nothing serious`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(String(error)));
      await page.goto(`${server.origin}/`);
      await page.getByRole("heading", { name: /^Mødeplan for runden/ }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      expect(await seriousViolations(page)).toEqual([]);

      const legend = page.locator("legend").filter({ hasText: /^Punkt 4:/ });
      const title = (await legend.textContent())?.replace(/^Punkt 4: Blok – /, "") ?? "";
      await page.getByRole("button", { name: `Flyt «${title}» op` }).focus();
      await page.keyboard.press("Enter");
      await page
        .locator("legend")
        .filter({ hasText: `Punkt 3: Blok – ${title}` })
        .waitFor();
      expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
        `Flyt «${title}» op`,
      );
      const minutes = page
        .locator("fieldset", { has: page.locator("legend", { hasText: /^Punkt 1:/ }) })
        .getByLabel("Minutter", { exact: true });
      await minutes.fill("15");
      await page.getByText("Mødet varer i alt 155 minutter (2 t 35 min).").waitFor();
      await page.getByRole("button", { name: "Gem mødeplanen" }).focus();
      await page.keyboard.press("Enter");
      await page.getByText("Mødeplanen er gemt.").waitFor();
      expect(errors).toEqual([]);
      await context.close();
    }, 60_000);
  }
});
