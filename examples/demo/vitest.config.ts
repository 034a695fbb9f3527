import { klyngeProject } from "../../vitest.shared.ts";

// Node: the demo's seed, and the whole story in a real Chromium (sign-in through the local
// OpenID provider, the embedded survey, the results page).
export default klyngeProject("demo", "node");
