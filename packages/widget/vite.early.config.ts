import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The frame page's inline script: src/embed/earlySaveEntry.ts → dist/frame/early-save.js, one
// classic script (IIFE) that a server filling the page (`fillFramePage`) puts in it, allowed by
// its hash. Built after the frame (whose build empties dist/frame/). No React, no SurveyJS, no zod.
export default defineConfig({
  resolve: { conditions: ["@klynge/source", "module", "browser", "production"] },
  build: {
    outDir: fileURLToPath(new URL("./dist/frame/", import.meta.url)),
    emptyOutDir: false,
    lib: {
      entry: fileURLToPath(new URL("./src/embed/earlySaveEntry.ts", import.meta.url)),
      formats: ["iife"],
      name: "KlyngeEarlySave",
      fileName: () => "early-save.js",
    },
    minify: true,
  },
});
