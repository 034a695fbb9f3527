import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const loadEnglishModule = fileURLToPath(new URL("./src/embed/loadEnglish.ts", import.meta.url));
const lazyPrefix = "\0klynge-lazy-english:";
const vendor = /[\\/]node_modules[\\/](survey-core|survey-react-ui|react|react-dom|scheduler)[\\/]/;
// Loaded after the first question, on purpose: the English words, the refusal screen, the uploader
// and the reading of a refusal's body (in this build, by loadLater below), the contract's sentences
// (apiErrors), and the early store, read here only when the page's inline script did not run.
// Not the store in memory: IndexedDB may give up when the device is offline.
const splitOff =
  /[\\/](locales[\\/](en|contractSentences)\.ts|PassRefused\.tsx|contract[\\/]apiErrors\.ts|embed[\\/]earlyStore\.ts|sync[\\/](uploader|backoffDelay|connectivityEvents|runWithLock|lockManagerLike|syncStatusStore|syncStatus|readRefusal)\.ts)$/;

/**
 * The English catalogues (the widget's `locales/en.ts`, the engine's) in a chunk of their own: the
 * catalogue object starts as a copy of the Danish one and gets the English words when
 * `loadEnglish()` (src/embed/loadEnglish.ts) has loaded the chunk.
 */
function lazyEnglish(): Plugin {
  return {
    name: "klynge-lazy-english",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (importer === undefined || !/[\\/](messages|catalogues)\.ts$/.test(importer)) return null;
      if (!/^\.\.?\/(locales\/)?en\.js$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved === null ? null : `${lazyPrefix}${resolved.id}`;
    },
    load(id) {
      if (!id.startsWith(lazyPrefix)) return null;
      const english = id.slice(lazyPrefix.length);
      const danish = english.replace(/en\.ts$/, "da.ts");
      return [
        `import { da } from ${JSON.stringify(danish)};`,
        `import { registerEnglishLoader } from ${JSON.stringify(loadEnglishModule)};`,
        "export const en = { ...da };",
        `registerEnglishLoader(() => import(${JSON.stringify(english)}).then((m) => { Object.assign(en, m.en); }));`,
      ].join("\n");
    },
  };
}

/**
 * What the answer page loads later: `loadUploader.ts` (useUploader), `loadReadRefusal.ts` and
 * `contractText.ts` (the catalogues' words for a refusal) as their `…Later.ts` siblings, which
 * import the code in a chunk of its own when asked.
 */
function loadLater(): Plugin {
  return {
    name: "klynge-load-later",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (!/\/(loadUploader|loadReadRefusal|contractText)\.js$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (
        resolved === null ||
        !/[\\/](hooks[\\/]loadUploader|sync[\\/]loadReadRefusal|locales[\\/]contractText)\.ts$/.test(
          resolved.id,
        )
      )
        return null;
      return resolved.id.replace(/\.ts$/, "Later.ts");
    },
  };
}

// The engine's figures (aggregation, anonymity, export): the answer page never runs them. The
// question types' figures come with a type only where the whole type is read (`withFigures`).
const figures = /[\\/]engine[\\/]src[\\/](aggregation|anonymity|export)[\\/]/;

/**
 * Fails the build when the page's entry holds a module split off to be loaded later (splitOff), or
 * imports one of our own chunks statically: either would otherwise come up front silently. And
 * when any chunk holds the engine's figures, which the answer page has no use for.
 */
function nothingOfOursUpFront(): Plugin {
  return {
    name: "klynge-nothing-of-ours-up-front",
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== "chunk") continue;
        const counting = chunk.moduleIds.filter((id) => figures.test(id));
        if (counting.length > 0) {
          this.error(
            `${chunk.fileName} holds ${counting.join(", ")}: the answer page counts nothing.`,
          );
        }
        if (!chunk.isEntry) continue;
        // The English stubs (lazyEnglish) stay: they are what loads the words later.
        const early = chunk.moduleIds.filter((id) => !id.startsWith("\0") && splitOff.test(id));
        if (early.length > 0) {
          this.error(`${chunk.fileName} holds ${early.join(", ")}, split off to be loaded later.`);
        }
        const ours = chunk.imports.filter((file) => !/(^|\/)(vendor|rolldown-runtime)-/.test(file));
        if (ours.length > 0) {
          this.error(
            `${chunk.fileName} imports ${ours.join(", ")} statically: one of our chunks would come before the first question (a module in splitOff that the first page needs, or one shared with a later chunk outside the "app" group).`,
          );
        }
      }
    },
  };
}

// The iframe page: frame/index.html → dist/frame/ (relative URLs, so it can be served anywhere).
// SurveyJS and React go to one vendor chunk (a year in the cache, unchanged by our releases); what
// the first question does not need (the English words, the refusal screen) comes in chunks of its
// own, after it.
export default defineConfig({
  root: fileURLToPath(new URL("./frame/", import.meta.url)),
  base: "./",
  plugins: [lazyEnglish(), loadLater(), nothingOfOursUpFront()],
  resolve: { conditions: ["@klynge/source", "module", "browser", "production"] },
  build: {
    outDir: fileURLToPath(new URL("./dist/frame/", import.meta.url)),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: "vendor", test: vendor },
            // The rest in one chunk, but for what is split off on purpose (a shared-module chunk
            // of its own would be one more request before the first question).
            { name: "app", test: (id) => !vendor.test(id) && !splitOff.test(id) },
          ],
        },
      },
    },
  },
});
