import { launchChromiumEngine } from "./chromiumEngine.js";
import type { EngineBrowser, EngineName } from "./engine.js";
import { launchFirefoxEngine } from "./firefoxEngine.js";
import { launchWebKitEngine } from "./webkitEngine.js";

export function launchEngine(engine: EngineName): Promise<EngineBrowser> {
  switch (engine) {
    case "chromium":
      return launchChromiumEngine();
    case "firefox":
      return launchFirefoxEngine();
    case "webkit":
      return launchWebKitEngine();
  }
}
