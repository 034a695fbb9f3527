import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply } from "fastify";
import fp from "fastify-plugin";

export interface SecurityOptions {
  /** Sites that may frame `/frame/` (the survey), besides the collector itself. */
  readonly embedders: readonly string[];
  /** HTTPS in front: adds HSTS and `upgrade-insecure-requests`. */
  readonly https: boolean;
}

/** The directives every page gets; pages differ only in who may frame them. */
function directives(
  https: boolean,
  frameAncestors: readonly string[],
  scriptHashes: readonly string[] = [],
) {
  return {
    defaultSrc: ["'self'"],
    // Inline scripts only by hash: the frame page's early save (framePages.ts), never 'unsafe-inline'.
    scriptSrc: ["'self'", ...scriptHashes],
    // SurveyJS 3 writes its theme variables into a <style> element at run time, and React and
    // SurveyJS set style attributes: styles may be inline, scripts may not.
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:", "blob:"],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    frameSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: frameAncestors.length === 0 ? ["'none'"] : [...frameAncestors],
    upgradeInsecureRequests: https ? [] : null,
    scriptSrcAttr: ["'none'"],
  };
}

/** Serializes directives as helmet does, for pages that replace the default policy. */
function policyText(d: ReturnType<typeof directives>): string {
  return Object.entries(d)
    .filter(([, value]) => value !== null)
    .map(([name, value]) => {
      const directive = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      return value?.length ? `${directive} ${value.join(" ")}` : directive;
    })
    .join("; ");
}

/**
 * Security headers on every response, refusals and 404s included (helmet): a CSP with scripts
 * from this origin only and no framing, `nosniff`, no referrer. The survey's frame page may be
 * framed by the configured embedders; the host script may be loaded by any site.
 */
export const securityPlugin = fp(async (app: FastifyInstance, options: SecurityOptions) => {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: directives(options.https, []) },
    crossOriginResourcePolicy: { policy: "same-origin" },
    crossOriginOpenerPolicy: { policy: "same-origin" },
    referrerPolicy: { policy: "no-referrer" },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000 } : false,
    frameguard: { action: "deny" },
  });
  const frameAncestors = ["'self'", ...options.embedders];
  const framePolicy = policyText(directives(options.https, frameAncestors));
  app.decorate("pageHeaders", {
    /** The survey in an iframe on the embedders' pages; its inline scripts by these hashes. */
    frame(reply: FastifyReply, scriptHashes: readonly string[] = []) {
      reply.header(
        "content-security-policy",
        scriptHashes.length === 0
          ? framePolicy
          : policyText(directives(options.https, frameAncestors, scriptHashes)),
      );
      reply.removeHeader("x-frame-options");
    },
    /** A script any site may load with `<script src>` (the host script). */
    crossOriginScript(reply: FastifyReply) {
      reply.header("cross-origin-resource-policy", "cross-origin");
    },
  });
  // Limits are per route (sign-in, uploads); keyed by the client address, which the rate
  // limiter keeps in memory only.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({ statusCode: context.statusCode }),
  });
});

declare module "fastify" {
  interface FastifyInstance {
    pageHeaders: {
      frame(reply: FastifyReply, scriptHashes?: readonly string[]): void;
      crossOriginScript(reply: FastifyReply): void;
    };
  }
}
