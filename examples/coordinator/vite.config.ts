import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

/**
 * The coordinator's pages, built to dist/ with relative URLs so the collector can serve them
 * under any path (e.g. /coordinator/), next to ../api/, ../app/ and ../embed.js.
 * "@klynge/source" first, so the workspace packages run from src/ with no build step.
 */
export default defineConfig({
  base: "./",
  plugins: [react()],
  resolve: { conditions: ["@klynge/source", ...defaultClientConditions] },
  server: { host: "127.0.0.1", port: 5175, strictPort: true },
});
