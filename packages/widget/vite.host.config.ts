import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The host script: src/embed/embedScript.ts → dist/embed.js, one classic script (IIFE) a site
// loads with <script src>. No React, no SurveyJS, no zod: it must stay a few KB.
export default defineConfig({
  resolve: { conditions: ["@klynge/source", "module", "browser", "production"] },
  build: {
    outDir: fileURLToPath(new URL("./dist/", import.meta.url)),
    emptyOutDir: false,
    lib: {
      entry: fileURLToPath(new URL("./src/embed/embedScript.ts", import.meta.url)),
      formats: ["iife"],
      name: "KlyngeEmbed",
      fileName: () => "embed.js",
    },
    minify: true,
  },
});
