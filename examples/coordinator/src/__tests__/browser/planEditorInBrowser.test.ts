// @vitest-environment node
import { seriousViolations } from "@klynge/test-support/axe";
import { describe, expect, test } from "vitest";
import { bundledPageInChromium } from "./fixtures/chromiumPage.js";

// The meeting plan editor in a real Chromium, at a phone's width and a projector's: nothing wider
// than the screen, items moved and saved with the keyboard alone, axe-core clean.

const chromiumPage = bundledPageInChromium({
  entry: new URL("./fixtures/planPage.ts", import.meta.url),
  title: "Mødeplan",
});

describe("meeting plan editor in Chromium", () => {
  for (const width of [360, 1280] as const) {
    test(`at ${width} px it fits the screen, moves and saves by keyboard, and axe finds nothing serious`, async () => {
      const { context, page, errors } = await chromiumPage.open(width);
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
