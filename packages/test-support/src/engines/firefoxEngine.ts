import puppeteer, { type ElementHandle, type Frame, type Page } from "puppeteer-core";
import { automatedPagePrimitives, createEnginePage } from "./createEnginePage.js";
import type { EngineBrowser } from "./engine.js";

/** Debian's Firefox ESR (installed by scripts/ensure-browsers.mjs); FIREFOX_PATH overrides it. */
export const firefoxPath = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";

/** Loopback only here: no update checks, no remote settings, no captive-portal probe. */
export const firefoxPrefs: Readonly<Record<string, boolean | string>> = {
  "app.update.enabled": false,
  "network.captive-portal-service.enabled": false,
  "network.connectivity-service.enabled": false,
  "services.settings.server": "http://127.0.0.1:9/",
};

/** Firefox ESR, headless, through WebDriver BiDi with puppeteer-core (it downloads nothing). */
export async function launchFirefoxEngine(): Promise<EngineBrowser> {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: firefoxPath,
    headless: true,
    extraPrefsFirefox: { ...firefoxPrefs },
  });
  return {
    engine: "firefox",
    capabilities: { offline: true },
    async newContext() {
      const context = await browser.createBrowserContext();
      const pages: Page[] = [];
      let offline = false;
      return {
        async newPage() {
          const page = await context.newPage();
          page.setDefaultTimeout(15_000);
          if (offline) await page.setOfflineMode(true);
          pages.push(page);
          return createEnginePage(
            automatedPagePrimitives<Page | Frame>(page, {
              typeInto: (frame, selector, text) => frame.type(selector, text),
              async contentFrame(selector) {
                const iframe = await page.waitForSelector(selector);
                if (iframe === null) throw new Error(`firefox: no ${selector}`);
                return (iframe as ElementHandle<HTMLIFrameElement>).contentFrame();
              },
            }),
          );
        },
        // BiDi emulates it per page (navigator.onLine, the events, failing requests).
        async setOffline(value) {
          offline = value;
          await Promise.all(pages.filter((p) => !p.isClosed()).map((p) => p.setOfflineMode(value)));
        },
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
