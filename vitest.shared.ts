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
    test: { name, environment, include: ["src/**/__tests__/**/*.test.{ts,tsx}"] },
  });
}
