import { errors, type Interaction, type KoaContextWithOIDC, type Provider } from "oidc-provider";
import type { AccountStore } from "./accountStore.js";
import { type Message, messages } from "./messages.js";
import { renderErrorPage, renderLoginPage } from "./pages.js";
import { readForm } from "./readForm.js";
import type { Middleware } from "./securityHeaders.js";

const interactionPath = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/;
// An e-mail and a password; anything larger is not a login.
const formLimitBytes = 4 * 1024;

function sendPage(ctx: KoaContextWithOIDC, status: number, html: string): void {
  ctx.status = status;
  ctx.type = "text/html; charset=utf-8";
  ctx.body = html;
}

function sendError(ctx: KoaContextWithOIDC, status: number, message: Message): void {
  sendPage(ctx, status, renderErrorPage(message));
}

/**
 * A login form posted from another site (or another port of this host, which is the same
 * site) is refused. `Sec-Fetch-Site` is the signal: the page's `Referrer-Policy: no-referrer`
 * makes browsers send `Origin: null` even for a same-origin POST. Without either header (an
 * old browser, a test's fetch) the SameSite interaction cookie bound to the uid still guards.
 */
function isCrossOrigin(ctx: KoaContextWithOIDC, issuerOrigin: string): boolean {
  const site = ctx.get("sec-fetch-site");
  if (site !== "") return site !== "same-origin";
  const origin = ctx.get("origin");
  return origin !== "" && origin !== "null" && origin !== issuerOrigin;
}

function stringParam(interaction: Interaction, name: string): string | undefined {
  const value = interaction.params[name];
  return typeof value === "string" ? value : undefined;
}

function stringList(value: unknown): readonly string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === "string")
    : [];
}

/**
 * The registered clients are first-party: consent is granted without a screen, for exactly what
 * the prompt reports missing (the requested OpenID scopes and claims).
 */
async function grantConsent(
  ctx: KoaContextWithOIDC,
  provider: Provider,
  interaction: Interaction,
): Promise<void> {
  const accountId = interaction.session?.accountId;
  const clientId = stringParam(interaction, "client_id");
  if (accountId === undefined || clientId === undefined) {
    sendError(ctx, 400, messages.interactionExpired);
    return;
  }
  const existing =
    interaction.grantId === undefined ? undefined : await provider.Grant.find(interaction.grantId);
  const grant = existing ?? new provider.Grant({ accountId, clientId });
  const missing = interaction.prompt.details;
  const scopes = stringList(missing.missingOIDCScope);
  if (scopes.length > 0) grant.addOIDCScope(scopes.join(" "));
  const claims = stringList(missing.missingOIDCClaims);
  if (claims.length > 0) grant.addOIDCClaims([...claims]);
  const grantId = await grant.save();
  await provider.interactionFinished(
    ctx.req,
    ctx.res,
    { consent: existing === undefined ? { grantId } : {} },
    { mergeWithLastSubmission: true },
  );
  ctx.respond = false;
}

async function showInteraction(
  ctx: KoaContextWithOIDC,
  provider: Provider,
  uid: string,
): Promise<void> {
  const interaction = await provider.interactionDetails(ctx.req, ctx.res);
  if (interaction.uid !== uid) {
    sendError(ctx, 400, messages.interactionExpired);
    return;
  }
  switch (interaction.prompt.name) {
    case "login": {
      const email = stringParam(interaction, "login_hint");
      const clientId = stringParam(interaction, "client_id") ?? "";
      const page = renderLoginPage({
        uid,
        clientId,
        failed: false,
        ...(email === undefined ? {} : { email }),
      });
      sendPage(ctx, 200, page);
      return;
    }
    case "consent":
      await grantConsent(ctx, provider, interaction);
      return;
    default:
      sendError(ctx, 400, messages.interactionExpired);
  }
}

async function submitLogin(
  ctx: KoaContextWithOIDC,
  provider: Provider,
  accounts: AccountStore,
  issuerOrigin: string,
  uid: string,
): Promise<void> {
  if (isCrossOrigin(ctx, issuerOrigin)) {
    sendError(ctx, 403, messages.crossSiteRefused);
    return;
  }
  const interaction = await provider.interactionDetails(ctx.req, ctx.res);
  const form = await readForm(ctx.req, formLimitBytes);
  if (!form.success) {
    const unsupported = form.error === "unsupported_media_type";
    if (!unsupported) ctx.set("Connection", "close");
    sendError(
      ctx,
      unsupported ? 415 : 413,
      unsupported ? messages.formContentType : messages.formTooLarge,
    );
    return;
  }
  if (
    interaction.uid !== uid ||
    form.data.get("uid") !== uid ||
    interaction.prompt.name !== "login"
  ) {
    sendError(ctx, 400, messages.interactionExpired);
    return;
  }
  const email = form.data.get("email") ?? "";
  const account = await accounts.verifyPassword(email, form.data.get("password") ?? "");
  if (account === undefined) {
    const clientId = stringParam(interaction, "client_id") ?? "";
    sendPage(ctx, 200, renderLoginPage({ uid, clientId, email, failed: true }));
    return;
  }
  await provider.interactionFinished(
    ctx.req,
    ctx.res,
    { login: { accountId: account.sub } },
    { mergeWithLastSubmission: false },
  );
  ctx.respond = false;
}

/** `GET /interaction/:uid` (the login form, or automatic consent) and `POST /interaction/:uid/login`. */
export function interactionRoutes(
  provider: Provider,
  accounts: AccountStore,
  issuerOrigin: string,
): Middleware {
  return async (ctx, next) => {
    const match = interactionPath.exec(ctx.path);
    if (match === null) {
      await next();
      return;
    }
    const uid = match[1] ?? "";
    const isLogin = match[2] !== undefined;
    ctx.set("Cache-Control", "no-store");
    try {
      if (!isLogin && (ctx.method === "GET" || ctx.method === "HEAD")) {
        await showInteraction(ctx, provider, uid);
      } else if (isLogin && ctx.method === "POST") {
        await submitLogin(ctx, provider, accounts, issuerOrigin, uid);
      } else {
        ctx.set("Allow", isLogin ? "POST" : "GET, HEAD");
        sendError(ctx, 405, messages.methodNotAllowed);
      }
    } catch (error) {
      // No interaction cookie, or its interaction has expired or was already used.
      if (error instanceof errors.SessionNotFound) {
        sendError(ctx, 400, messages.interactionExpired);
        return;
      }
      throw error;
    }
  };
}
