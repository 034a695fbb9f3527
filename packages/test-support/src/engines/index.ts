export type {
  EngineBrowser,
  EngineCapabilities,
  EngineContext,
  EngineName,
  EnginePage,
  Key,
  Target,
  TargetRole,
} from "./engine.js";
export { engineNames } from "./engine.js";
export { firefoxPath } from "./firefoxEngine.js";
export { launchEngine } from "./launchEngine.js";
export type { ProfileBrowser, ProfileLaunch } from "./launchOnProfile.js";
export { launchOnProfile } from "./launchOnProfile.js";
export { findMiniBrowser, webkitDriverPath } from "./webkitEngine.js";
