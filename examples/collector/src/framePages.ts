import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { QuestionnaireVersion } from "@klynge/engine";
import { roundIdSchema } from "@klynge/engine/contract";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** The widget's server side (`@klynge/widget/server`), loaded only when a frame site is served. */
export interface FramePrerenderer {
  renderFirstPage(
    version: QuestionnaireVersion,
    options: { readonly locale: "da" | "en"; readonly k?: number },
  ): string;
  fillFramePage(
    indexHtml: string,
    roundDocument: unknown,
    firstPage: string,
    earlySave?: string,
  ): { readonly html: string; readonly inlineScripts: readonly string[] } | undefined;
}

/** A round's document for its page, or undefined for a round the collector does not know. */
export type RoundDocumentLoader = (
  roundId: string,
) => Promise<{ readonly version: QuestionnaireVersion; readonly k?: number } | undefined>;

/** Enough for the rounds and locales in use; a content-addressed key is never stale. */
const cacheSize = 64;

/** A Map that forgets its oldest entry beyond `cacheSize`. */
function remember<V>(cache: Map<string, V>, key: string, make: () => V): V {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const value = make();
  cache.set(key, value);
  if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
  return value;
}

interface Encoded {
  readonly etag: string;
  /** The CSP sources of the page's inline scripts (`'sha256-…'`). */
  readonly scriptHashes: readonly string[];
  readonly plain: Buffer;
  readonly br: Buffer;
  readonly gzip: Buffer;
}

function etagOf(html: string): string {
  return `"${createHash("sha256").update(html).digest("base64url").slice(0, 27)}"`;
}

/** A CSP source allowing exactly this inline script. */
function scriptHash(script: string): string {
  return `'sha256-${createHash("sha256").update(script).digest("base64")}'`;
}

function encode(html: string, etag = etagOf(html), scriptHashes: readonly string[] = []): Encoded {
  const plain = Buffer.from(html);
  return {
    etag,
    scriptHashes,
    plain,
    br: brotliCompressSync(plain, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 9,
        [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
      },
    }),
    gzip: gzipSync(plain, { level: 9 }),
  };
}

/**
 * The frame page (`{prefix}` and `{prefix}index.html`) served by the collector itself: for
 * `?round=<id>` of a round it knows, the built page with the round document embedded and the first
 * page rendered by the widget's own components, so a GP sees and can answer the first question
 * before the scripts arrive. Any other request (no round, a malformed or unknown one) gets the
 * built page as it is: the page says no more than `GET /api/rounds/:round` does. `no-cache` with
 * an ETag; brotli or gzip made once per distinct page. With the first page goes the site's
 * `early-save.js` (the widget's build), inlined: the page saves its answers before the bundle has
 * arrived; the page's CSP allows that one script by its hash, and no other inline script.
 */
export function framePageRoutes(
  scope: FastifyInstance,
  site: { readonly prefix: string; readonly root: string },
  options: {
    readonly prerenderer: FramePrerenderer | undefined;
    readonly roundDocument: RoundDocumentLoader;
    /** The page's headers (CSP and framing), its inline scripts allowed by these hashes. */
    readonly headers: (reply: FastifyReply, scriptHashes: readonly string[]) => void;
    /** A first page that could not be rendered (the built page is served instead). */
    readonly log: (error: unknown) => void;
  },
): void {
  const indexFile = join(site.root, "index.html");
  if (!existsSync(indexFile)) return;
  const indexHtml = readFileSync(indexFile, "utf8");
  const plainPage = encode(indexHtml);
  const earlySaveFile = join(site.root, "early-save.js");
  const earlySave = existsSync(earlySaveFile) ? readFileSync(earlySaveFile, "utf8") : undefined;
  const firstPages = new Map<string, string>();
  const pages = new Map<string, Encoded>();
  const { prerenderer } = options;

  async function pageFor(request: FastifyRequest): Promise<Encoded> {
    const query = request.query as Record<string, unknown>;
    const parsed = roundIdSchema.safeParse(query.round);
    if (prerenderer === undefined || !parsed.success) return plainPage;
    const document = await options.roundDocument(parsed.data);
    if (document === undefined) return plainPage;
    const locale = query.locale === "en" ? "en" : "da";
    const { version, k } = document;
    let filled: ReturnType<FramePrerenderer["fillFramePage"]>;
    try {
      const firstPage = remember(firstPages, `${version.hash}/${locale}/${k ?? ""}`, () =>
        prerenderer.renderFirstPage(version, { locale, ...(k === undefined ? {} : { k }) }),
      );
      filled = prerenderer.fillFramePage(indexHtml, document, firstPage, earlySave);
    } catch (error) {
      // The page works without its first page: a rendering bug costs speed, not the survey.
      options.log(error);
      return plainPage;
    }
    if (filled === undefined) return plainPage;
    const { html, inlineScripts } = filled;
    const etag = etagOf(html);
    return remember(pages, etag, () => encode(html, etag, inlineScripts.map(scriptHash)));
  }

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const page = await pageFor(request);
    reply
      .header("content-type", "text/html; charset=utf-8")
      .header("cache-control", "no-cache")
      .header("vary", "accept-encoding")
      .header("etag", page.etag);
    options.headers(reply, page.scriptHashes);
    if (request.headers["if-none-match"] === page.etag) return reply.code(304).send();
    const accepted = String(request.headers["accept-encoding"] ?? "");
    const encoding = (["br", "gzip"] as const).find((e) => accepted.includes(e));
    if (encoding === undefined) return reply.send(page.plain);
    return reply.header("content-encoding", encoding).send(page[encoding]);
  };
  scope.get(site.prefix, handler);
  scope.get(`${site.prefix}index.html`, handler);
}
