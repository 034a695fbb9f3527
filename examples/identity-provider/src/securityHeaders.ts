import type { KoaContextWithOIDC } from "oidc-provider";
import { pageStyleHash } from "./pages.js";

export type Middleware = (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>;

/**
 * The Content-Security-Policy of every response. No script runs on these pages; oidc-provider
 * adds the hash of its one inline script (the auto-submitting form_post page) to `script-src`
 * itself, and then the `'none'` beside it is dropped. `form-action` must also allow the
 * clients' origins: browsers apply it to the redirects that follow a form submission (login →
 * redirect_uri, logout → post_logout_redirect_uri).
 */
export function contentSecurityPolicy(formTargets: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'none'",
    `style-src ${pageStyleHash}`,
    `form-action ${["'self'", ...formTargets].join(" ")}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join("; ");
}

function withoutNoneBesideHashes(policy: string): string {
  return policy
    .split(";")
    .map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (name !== "script-src" || !sources.some((source) => source.startsWith("'sha256-"))) {
        return directive.trim();
      }
      return [name, ...sources.filter((source) => source !== "'none'")].join(" ");
    })
    .join("; ");
}

export function securityHeaders(policy: string): Middleware {
  return async (ctx, next) => {
    ctx.set("Content-Security-Policy", policy);
    ctx.set("X-Frame-Options", "DENY");
    ctx.set("X-Content-Type-Options", "nosniff");
    ctx.set("Referrer-Policy", "no-referrer");
    await next();
    // A handler that wrote the response itself (interactionFinished) has already sent the headers.
    if (ctx.res.headersSent) return;
    const current = ctx.response.get("Content-Security-Policy");
    if (current !== "" && current !== policy) {
      ctx.set("Content-Security-Policy", withoutNoneBesideHashes(current));
    }
  };
}
