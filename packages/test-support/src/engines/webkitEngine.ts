import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import { createEnginePage, type FramePrimitives } from "./createEnginePage.js";
import type { EngineBrowser, Key } from "./engine.js";
import { startXvfb } from "./startXvfb.js";
import { elementKey, WebDriverSession } from "./webDriverSession.js";

/** Debian's `webkit2gtk-driver` (installed by scripts/ensure-browsers.mjs). */
export const webkitDriverPath = process.env.WEBKIT_DRIVER_PATH ?? "/usr/bin/WebKitWebDriver";

/** MiniBrowser, WebKitGTK's test browser, under /usr/lib/<triplet>/webkit2gtk-4.x/. */
export function findMiniBrowser(): string | undefined {
  if (process.env.WEBKIT_MINIBROWSER_PATH) return process.env.WEBKIT_MINIBROWSER_PATH;
  const lib = "/usr/lib";
  for (const triplet of existsSync(lib) ? readdirSync(lib) : []) {
    for (const api of ["webkit2gtk-4.1", "webkit2gtk-4.0", "webkitgtk-6.0"]) {
      const candidate = `${lib}/${triplet}/${api}/MiniBrowser`;
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** W3C WebDriver's code points for the keys (the spec's "normalised key value" table). */
const webDriverKeys: Record<Key, string> = {
  Tab: "\uE004",
  Enter: "\uE007",
  Space: "\uE00D",
  ArrowUp: "\uE013",
  ArrowDown: "\uE015",
};

/**
 * Script, click and typing in whichever document `run` puts the session in; `reveal` brings an
 * element of that document into the window's view first, where the driver's click does not.
 */
function framePrimitives(
  session: WebDriverSession,
  run: <T>(command: () => Promise<T>) => Promise<T>,
  reveal: (element: string) => Promise<void> = async () => undefined,
): FramePrimitives {
  return {
    evaluateExpression: (expression) =>
      run(() =>
        session.send("POST", "/execute/sync", { script: `return (${expression});`, args: [] }),
      ),
    clickSelector: (selector) =>
      run(async () => {
        const element = await session.find(selector);
        await reveal(element);
        await session.send("POST", `/element/${element}/click`);
      }),
    typeInto: (selector, text) =>
      run(async () => {
        const element = await session.find(selector);
        await session.send("POST", `/element/${element}/value`, { text });
      }),
  };
}

/**
 * WebKitWebDriver scrolls only an element's own document: a button low in an iframe stays below
 * the host page's fold and its click hits nothing (seen: no click event, no error), and the
 * frame's own `scrollIntoView` does not scroll a cross-origin parent. So the host page is
 * scrolled to put the element mid-window, and the session steps back into the frame.
 */
function revealInFrame(session: WebDriverSession, iframeSelector: string) {
  return async (element: string): Promise<void> => {
    const [top, height] = (await session.send("POST", "/execute/sync", {
      script: "const box = arguments[0].getBoundingClientRect(); return [box.top, box.height];",
      args: [{ [elementKey]: element }],
    })) as [number, number];
    await session.send("POST", "/frame/parent", {});
    const iframe = { [elementKey]: await session.find(iframeSelector) };
    await session.send("POST", "/execute/sync", {
      script:
        "const box = arguments[0].getBoundingClientRect(); scrollBy(0, box.top + arguments[1] + arguments[2] / 2 - innerHeight / 2); return true;",
      args: [iframe, top, height],
    });
    await session.send("POST", "/frame", { id: iframe });
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function untilReady(driverUrl: string, exited: Promise<unknown>): Promise<void> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + 15_000;
  while (!gone && Date.now() < deadline) {
    try {
      const response = await fetch(`${driverUrl}/status`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`WebKitWebDriver at ${driverUrl} did not come up${gone ? " (it exited)" : ""}`);
}

/**
 * WebKitGTK's MiniBrowser in automation mode, in an Xvfb of its own (it has no headless mode),
 * through WebKitWebDriver and plain W3C WebDriver. A context is a WebDriver session: a browser
 * of its own, so a storage of its own; its pages are the session's windows.
 */
export async function launchWebKitEngine(): Promise<EngineBrowser> {
  const miniBrowser = findMiniBrowser();
  if (miniBrowser === undefined) {
    throw new Error(
      "MiniBrowser not found: run `node scripts/ensure-browsers.mjs` (webkit2gtk-driver)",
    );
  }
  const xvfb = await startXvfb();
  const port = await freePort();
  const driver = spawn(webkitDriverPath, [`--port=${port}`], {
    env: { ...process.env, DISPLAY: xvfb.display },
    stdio: ["ignore", "ignore", "ignore"],
  });
  const exited = once(driver, "exit");
  const driverUrl = `http://127.0.0.1:${port}`;
  try {
    await untilReady(driverUrl, exited);
  } catch (error) {
    driver.kill("SIGKILL");
    await xvfb.stop();
    throw error;
  }
  const sessions = new Set<WebDriverSession>();
  const capabilities = {
    alwaysMatch: {
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": { binary: miniBrowser, args: ["--automation"] },
    },
  };

  return {
    engine: "webkit",
    capabilities: { offline: false },
    async newContext() {
      const session = await WebDriverSession.create(driverUrl, capabilities);
      sessions.add(session);
      let first: string | undefined = await session.currentWindow();
      return {
        async newPage() {
          const window = first ?? (await session.newWindow());
          first = undefined;
          const inWindow = <T>(command: () => Promise<T>) => session.in(window, command);
          return createEnginePage({
            ...framePrimitives(session, inWindow),
            goto: (url) => inWindow(async () => void (await session.send("POST", "/url", { url }))),
            reload: () => inWindow(async () => void (await session.send("POST", "/refresh"))),
            press: (key) =>
              inWindow(async () => {
                const value = webDriverKeys[key];
                await session.send("POST", "/actions", {
                  actions: [
                    {
                      type: "key",
                      id: "keyboard",
                      actions: [
                        { type: "keyDown", value },
                        { type: "keyUp", value },
                      ],
                    },
                  ],
                });
              }),
            frame: (iframe) =>
              framePrimitives(
                session,
                (command) => session.inFrame(window, iframe, command),
                revealInFrame(session, iframe),
              ),
            close: () => session.closeWindow(window),
          });
        },
        async setOffline() {
          throw new Error("webkit: WebDriver has no network emulation; the test must say so");
        },
        async close() {
          sessions.delete(session);
          await session.delete();
        },
      };
    },
    async close() {
      await Promise.all([...sessions].map((session) => session.delete().catch(() => undefined)));
      if (driver.exitCode === null && driver.signalCode === null) driver.kill("SIGTERM");
      await exited;
      await xvfb.stop();
    },
  };
}
