import { defineProject, mergeConfig } from "vitest/config";
import { klyngeProject } from "../../vitest.shared.ts";

// Node: the demo's seed, and the whole story in a real Chromium (sign-in through the local
// OpenID provider, the embedded survey, the staff pages), on an embedded PostgreSQL of the
// project's own (the collector's globalSetup, through src/__tests__/postgresServer.ts).
export default mergeConfig(
  klyngeProject("demo", "node"),
  defineProject({
    test: { globalSetup: ["./src/__tests__/postgresServer.ts"] },
  }),
);
