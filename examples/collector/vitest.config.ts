import { defineProject, mergeConfig } from "vitest/config";
import { klyngeProject } from "../../vitest.shared.ts";

// Node: the collector on a real PostgreSQL: one embedded server for the run (globalSetup), a
// fresh database per suite on it (src/__tests__/fixtures/databases.ts).
export default mergeConfig(
  klyngeProject("collector", "node"),
  defineProject({ test: { globalSetup: ["./src/__tests__/fixtures/postgresServer.ts"] } }),
);
