import { launchChromium } from "../chromium.js";
import { automatedPagePrimitives, createEnginePage } from "./createEnginePage.js";
import type { EngineBrowser } from "./engine.js";

/** Debian's Chromium through playwright-core, as every other browser test drives it. */
export async function launchChromiumEngine(): Promise<EngineBrowser> {
  const browser = await launchChromium();
  return {
    engine: "chromium",
    capabilities: { offline: true },
    async newContext() {
      const context = await browser.newContext();
      context.setDefaultTimeout(15_000);
      return {
        async newPage() {
          const page = await context.newPage();
          return createEnginePage(
            automatedPagePrimitives(page, (selector, text) =>
              page.locator(selector).pressSequentially(text),
            ),
          );
        },
        setOffline: (offline) => context.setOffline(offline),
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
