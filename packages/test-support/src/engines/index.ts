export type {
  ContextOptions,
  EngineBrowser,
  EngineCapabilities,
  EngineContext,
  EngineFrame,
  EngineName,
  EnginePage,
  Key,
  Target,
  TargetRole,
} from "./engine.js";
export { engineNames } from "./engine.js";
export { firefoxPath } from "./firefoxEngine.js";
export { type HeldEngine, holdEngine } from "./holdEngine.js";
export { launchEngine } from "./launchEngine.js";
export type { ProfileBrowser, ProfileLaunch } from "./launchOnProfile.js";
export { launchOnProfile } from "./launchOnProfile.js";
export { findMiniBrowser, webkitDriverPath } from "./webkitEngine.js";
