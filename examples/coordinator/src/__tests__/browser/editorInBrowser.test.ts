// @vitest-environment node
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { seriousViolations } from "@klynge/test-support/axe";
import { describe, expect, test } from "vitest";
import { bundledPageInChromium } from "./fixtures/chromiumPage.js";

// The questionnaire editor in a real Chromium, at a phone's width and a desktop's: nothing wider
// than the screen, the preview beside the questions on the desktop, a refused "Udgiv" focusing the
// error summary whose link reaches the field, and axe-core clean with the errors shown.

const resolve = createRequire(import.meta.url).resolve;
const styles = [
  "survey-core/survey-core.fontless.css",
  "@klynge/widget/klynge-survey.css",
  "@klynge/widget/editor.css",
].map((name) => readFileSync(resolve(name), "utf8"));

const chromiumPage = bundledPageInChromium({
  entry: new URL("./fixtures/editorPage.ts", import.meta.url),
  title: "Tilpas spørgeskema",
  styles,
});

const pageHeight = (page: import("playwright-core").Page) =>
  page.evaluate(() => document.documentElement.scrollHeight);

describe("questionnaire editor in Chromium", () => {
  for (const width of [390, 1280] as const) {
    test(`at ${width} px it fits the screen, leads from a refused 'Udgiv' to the field, and axe finds nothing serious`, async () => {
      const { context, page, errors } = await chromiumPage.open(width);
      await page.getByRole("heading", { name: /^Tilpas spørgeskemaet:/ }).waitFor();
      const loaded = await pageHeight(page);

      await page.getByLabel("Type for nyt spørgsmål").selectOption("single");
      await page.getByRole("button", { name: "Tilføj spørgsmål", exact: true }).click();
      const card = page.getByRole("article", { name: /^Spørgsmål 9:/ });
      // Nothing shouts before anything was touched.
      expect(await card.locator(".klynge-editor__issues").count()).toBe(0);
      await page.getByRole("button", { name: "Udgiv" }).click();
      const summary = page.getByRole("alert").filter({ hasText: "Der er et problem" });
      await summary.waitFor();
      expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await summary.getByRole("link", { name: "Spørgsmål 9: Skriv spørgsmålets tekst" }).click();
      const text = card.getByLabel("Spørgsmål (dansk)");
      expect(await text.evaluate((el) => el === document.activeElement)).toBe(true);

      await text.fill("Har I en fast kontaktperson i kommunen?");
      await card.getByLabel("Svarmulighed 1 (dansk)").fill("Ja");
      await card.getByLabel("Svarmulighed 2 (dansk)").fill("Nej");
      await page.getByRole("heading", { name: /^Spørgsmål 9: Har I en fast/ }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      const edited = await pageHeight(page);

      // The preview shows on a desktop; on a phone it would follow every question, so it waits to
      // be asked for.
      const show = page.getByRole("button", { name: "Vis forhåndsvisning" });
      if (width < 1200) {
        expect(await show.getAttribute("aria-expanded")).toBe("false");
        await show.click();
      } else expect(await show.count()).toBe(0);
      const survey = page.locator(".klynge-editor__survey");
      await survey.getByText("Har I en fast kontaktperson i kommunen?").waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      expect(await seriousViolations(page)).toEqual([]);
      // Reported in the closing note: the page's height as loaded and with one local question.
      console.info(
        `editor page at ${width} px: ${loaded} px as loaded, ${edited} px with a local question`,
      );

      const preview = await page.getByRole("region", { name: "Forhåndsvisning" }).boundingBox();
      const list = await page.getByRole("region", { name: "Spørgsmål", exact: true }).boundingBox();
      if (preview === null || list === null) throw new Error("preview or questions not shown");
      if (width >= 1200) {
        // Beside the questions, and still in view once the questions are scrolled far down.
        expect(preview.x).toBeGreaterThanOrEqual(list.x + list.width);
        await page.getByRole("article", { name: /^Spørgsmål 6:/ }).scrollIntoViewIfNeeded();
        expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(900);
        const stuck = await page.getByRole("region", { name: "Forhåndsvisning" }).boundingBox();
        expect(stuck?.y).toBe(0);
      } else {
        expect(preview.y).toBeGreaterThan(list.y + list.height);
      }
      expect(errors).toEqual([]);
      await context.close();
    }, 90_000);
  }
});
