import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Frame, Page } from "playwright-core";
import { launchChromium, spawnChromium } from "../chromium.js";
import { automatedPagePrimitives, createEnginePage } from "./createEnginePage.js";
import type { EngineBrowser, EngineContext } from "./engine.js";

/** An engine context over a Playwright context; `close` ends whatever the context runs in. */
function engineContext(context: BrowserContext, close: () => Promise<void>): EngineContext {
  context.setDefaultTimeout(15_000);
  return {
    async newPage() {
      const page = await context.newPage();
      return createEnginePage(
        automatedPagePrimitives<Page | Frame>(page, {
          typeInto: (frame, selector, text) => frame.locator(selector).pressSequentially(text),
          async contentFrame(selector) {
            const iframe = await page.waitForSelector(selector, { state: "attached" });
            const frame = await iframe.contentFrame();
            if (frame === null) throw new Error(`chromium: ${selector} is not a frame`);
            return frame;
          },
        }),
      );
    },
    setOffline: (offline) => context.setOffline(offline),
    close,
  };
}

/**
 * Debian's Chromium through playwright-core, as every other browser test drives it. Its contexts
 * are incognito; an everyday profile is a Chromium of its own on a fresh profile directory.
 */
export async function launchChromiumEngine(): Promise<EngineBrowser> {
  const browser = await launchChromium();
  return {
    engine: "chromium",
    capabilities: { offline: true },
    async newContext(options) {
      if (options?.everydayProfile === true) {
        const dir = mkdtempSync(join(tmpdir(), "klynge-chromium-profile-"));
        const own = await spawnChromium(dir);
        return engineContext(own.context, async () => {
          await own.close();
          // Chromium's helper processes can still be writing in the profile just after the
          // browser exits (ENOTEMPTY in a CI run): Node's retries, then a leftover temp folder
          // rather than a failed test.
          await rm(dir, { recursive: true, force: true, maxRetries: 10 }).catch((error) =>
            console.warn(`chromium profile ${dir} left behind: ${error}`),
          );
        });
      }
      const context = await browser.newContext();
      return engineContext(context, () => context.close());
    },
    close: () => browser.close(),
  };
}
