import { klyngeProject } from "../../vitest.shared.ts";

// Node: the meeting app's tests drive a real Chromium (playwright-core) against the built app.
export default klyngeProject("meeting-app", "node");
