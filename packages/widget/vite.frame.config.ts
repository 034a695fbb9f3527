import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The iframe page: frame/index.html → dist/frame/ (relative URLs, so it can be served anywhere).
export default defineConfig({
  root: fileURLToPath(new URL("./frame/", import.meta.url)),
  base: "./",
  resolve: { conditions: ["@klynge/source", "module", "browser", "production"] },
  build: {
    outDir: fileURLToPath(new URL("./dist/frame/", import.meta.url)),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
  },
});
