import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// Tests run packages from src/ through the "@klynge/source" export condition. Node tests
// resolve through Vite's ssr environment, which does not read `resolve.conditions`: without
// the ssr entry, a workspace package would silently resolve to its (stale or missing) dist/.
const sourceConditions = ["@klynge/source"];

export function klyngeProject(name: string, environment: "node" | "happy-dom" = "node") {
  return defineProject({
    resolve: { conditions: [...sourceConditions, "module", "browser", "development|production"] },
    ssr: {
      resolve: { conditions: [...sourceConditions, "module", "node", "development|production"] },
    },
    test: {
      name,
      environment,
      include: ["src/**/__tests__/**/*.test.{ts,tsx}"],
      // A ceiling, not a wait: tests wait for events, and on a busy CI machine a component test
      // that takes 1 s alone took more than Vitest's default 5 s.
      testTimeout: 30_000,
      hookTimeout: 60_000,
      setupFiles: [fileURLToPath(new URL("./vitest.setup.ts", import.meta.url))],
    },
  });
}
