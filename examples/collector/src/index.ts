export { type AccessRule, accessTable, type Role, type Scope } from "./access.js";
export {
  type CollectorConfig,
  ConfigError,
  demoLinkSecret,
  demoSessionSecret,
  type MailConfig,
  type OidcConfig,
  readConfig,
  unsafeSettings,
} from "./config.js";
export { type Database, openDatabase } from "./database.js";
export { type InProcessCaller, inProcessCaller } from "./inProcessCaller.js";
export { derivePass, type PassKind } from "./passTokens.js";
export { scrambleRows } from "./scramble.js";
export {
  buildCollector,
  type CollectorOptions,
  type StaticFile,
  type StaticSite,
} from "./server.js";
