import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

// "@klynge/source" first, so the workspace packages run from src/ with no build step.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ["@klynge/source", ...defaultClientConditions] },
  server: { host: "127.0.0.1", port: 5173, strictPort: true },
});
