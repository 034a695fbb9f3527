import { existsSync, readFileSync } from "node:fs";
import { brotliCompressSync, gzipSync } from "node:zlib";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";
import { type FramePrerenderer, framePageRoutes, type RoundDocumentLoader } from "./framePages.js";

/** A directory of built pages served under a prefix. */
export interface StaticSite {
  /** URL prefix, e.g. "/app/". */
  readonly prefix: string;
  /** Absolute directory (a Vite build: `index.html`, `assets/` with content-hashed names). */
  readonly root: string;
  /** `frame`: may be framed by the embedders (the survey page); `page`: by no one. */
  readonly kind: "frame" | "page";
}

/** A small file served at a path from memory, compressed once (the host script, any site may load it). */
export interface StaticFile {
  readonly path: string;
  /** Absolute file path. */
  readonly file: string;
  readonly type: string;
}

const hashed = /[.-][A-Za-z0-9_-]{8,}\.(?:js|css|woff2?|png|svg|webp)(?:\.br|\.gz)?$/;

/**
 * Built pages as a production web server serves them: brotli or gzip made at build time
 * (`scripts/precompress.mjs`), content-hashed assets cached for a year as immutable, everything
 * else revalidated on each load (`no-cache`: an updated page is seen at once).
 */
export async function staticSites(
  app: FastifyInstance,
  sites: readonly StaticSite[],
  files: readonly StaticFile[],
  frame: {
    readonly roundDocument: RoundDocumentLoader;
    readonly prerender: boolean | FramePrerenderer;
  },
): Promise<void> {
  const prerenderer =
    typeof frame.prerender === "object"
      ? frame.prerender
      : frame.prerender && sites.some((site) => site.kind === "frame")
        ? await loadPrerenderer(app)
        : undefined;
  await app.register(async (scope) => {
    // These routes belong to the authorization table's "pages" row (public).
    scope.addHook("onRoute", (route) => {
      route.config = { ...route.config, access: "pages" };
    });
    for (const [i, site] of sites.entries()) {
      if (site.kind === "frame") {
        framePageRoutes(scope, site, {
          prerenderer,
          roundDocument: frame.roundDocument,
          headers: (reply, scriptHashes) => app.pageHeaders.frame(reply, scriptHashes),
          log: (error) => {
            app.log.error({ message: (error as Error).message }, "first page not rendered");
          },
        });
      }
      await scope.register(fastifyStatic, {
        root: site.root,
        prefix: site.prefix,
        decorateReply: i === 0,
        // The frame's index is served by framePageRoutes (with the round's first page).
        index: site.kind === "frame" ? false : ["index.html"],
        preCompressed: true,
        cacheControl: false,
        setHeaders(reply: FastifyReply, path: string) {
          reply.header(
            "cache-control",
            hashed.test(path) ? "public, max-age=31536000, immutable" : "no-cache",
          );
          if (site.kind === "frame") app.pageHeaders.frame(reply);
        },
      });
    }
    for (const one of files) {
      if (!existsSync(one.file)) continue;
      const plain = readFileSync(one.file);
      const encoded = {
        br: brotliCompressSync(plain),
        gzip: gzipSync(plain, { level: 9 }),
      } as const;
      scope.get(one.path, (request, reply) => {
        const accepted = String(request.headers["accept-encoding"] ?? "");
        const encoding = (["br", "gzip"] as const).find((e) => accepted.includes(e));
        reply
          .header("content-type", one.type)
          .header("cache-control", "no-cache")
          .header("vary", "accept-encoding");
        app.pageHeaders.crossOriginScript(reply);
        if (encoding === undefined) return reply.send(plain);
        return reply.header("content-encoding", encoding).send(encoded[encoding]);
      });
    }
  });
}

/** The widget's server side: React and SurveyJS in Node, loaded only for a frame site. */
const prerendererModule = "@klynge/widget/server";

/**
 * The widget's server renderer. Its types are checked against `FramePrerenderer` in the frame
 * page's test (whose tsconfig has the DOM types the widget's sources need), not here.
 */
async function loadPrerenderer(app: FastifyInstance): Promise<FramePrerenderer | undefined> {
  try {
    return (await import(prerendererModule)) as FramePrerenderer;
  } catch (error) {
    app.log.warn(
      { message: (error as Error).message },
      "@klynge/widget/server not loaded: the survey page is served without its first page",
    );
    return undefined;
  }
}
