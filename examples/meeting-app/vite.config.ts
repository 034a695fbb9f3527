import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

/**
 * The meeting app, built to dist/ with relative URLs (served under any path, e.g. /app/).
 * vite-plugin-pwa writes the web app manifest and a Workbox service worker that precaches the
 * whole app shell (HTML, JS, CSS, icons): after one online visit the app opens with no network.
 * Only GET navigations and precached files are answered by the service worker; uploads (PUT)
 * and the API are never routed through it.
 */
export default defineConfig({
  base: "./",
  plugins: [
    react(),
    VitePWA({
      // A new version waits until the coordinator taps "Opdatér": never a reload mid-answer.
      registerType: "prompt",
      injectRegister: false,
      // The glob below already precaches every icon.
      includeManifestIcons: false,
      manifest: {
        id: "./",
        name: "Klynge – mødeapp",
        short_name: "Klynge",
        description:
          "Spørgeskemaer til klyngemøder mellem almen praksis og kommune – virker uden net.",
        lang: "da",
        start_url: "./",
        scope: "./",
        display: "standalone",
        orientation: "any",
        background_color: "#ffffff",
        theme_color: "#0b4f5c",
        icons: [
          { src: "icons/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "icons/icon-512.png", sizes: "512x512", type: "image/png" },
          {
            src: "icons/icon-maskable-512.png",
            sizes: "512x512",
            type: "image/png",
            purpose: "maskable",
          },
        ],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,png,webmanifest}"],
        // SurveyJS and React are one ~1.8 MB chunk; Workbox's default limit is 2 MiB.
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        navigateFallback: "index.html",
        navigateFallbackDenylist: [/\/api\//],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: { conditions: ["@klynge/source", ...defaultClientConditions] },
  server: { host: "127.0.0.1", port: 5174, strictPort: true },
});
