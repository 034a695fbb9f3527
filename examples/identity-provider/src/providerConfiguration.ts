import type { Configuration, JWK } from "oidc-provider";
import type { AccountStore } from "./accountStore.js";
import { createMemoryAdapter } from "./memoryAdapter.js";
import { messages } from "./messages.js";
import { renderErrorPage, renderLogoutPage, renderSignedOutPage } from "./pages.js";

export interface ClientRegistration {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris?: readonly string[];
  /** How the client authenticates at the token endpoint; default `"client_secret_basic"`. */
  readonly tokenEndpointAuthMethod?: "client_secret_basic" | "client_secret_post";
}

export interface ProviderConfigurationInput {
  readonly accounts: AccountStore;
  readonly clients: readonly ClientRegistration[];
  readonly sessionTtlSeconds: number;
  readonly signingKey: JWK;
  readonly cookieKeys: readonly string[];
}

const accessTokenTtlSeconds = 10 * 60;

function epochSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function providerConfiguration({
  accounts,
  clients,
  sessionTtlSeconds,
  signingKey,
  cookieKeys,
}: ProviderConfigurationInput): Configuration {
  return {
    adapter: createMemoryAdapter(),
    clients: clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: [...client.redirectUris],
      post_logout_redirect_uris: [...(client.postLogoutRedirectUris ?? [])],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: client.tokenEndpointAuthMethod ?? "client_secret_basic",
      id_token_signed_response_alg: "RS256",
    })),
    jwks: { keys: [signingKey] },
    responseTypes: ["code"],
    pkce: { required: () => true },
    scopes: ["openid", "email", "profile"],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Scope claims go into the ID token too: the collector reads the user from the ID token alone.
    conformIdTokenClaims: false,
    clientAuthMethods: ["client_secret_basic", "client_secret_post"],
    enabledJWA: { idTokenSigningAlgValues: ["RS256"] },
    // The relying party is a server; no browser script calls these endpoints across origins.
    clientBasedCORS: () => false,
    async findAccount(_ctx, sub) {
      const account = accounts.findBySub(sub);
      if (account === undefined) return undefined;
      return {
        accountId: account.sub,
        claims: () => ({
          sub: account.sub,
          email: account.email,
          email_verified: true,
          name: account.name,
        }),
      };
    },
    // Distinct names: cookies are not separated by port, and the collector on the same host
    // must not read or overwrite these.
    cookies: {
      names: {
        session: "klynge_idp_session",
        interaction: "klynge_idp_interaction",
        resume: "klynge_idp_resume",
      },
      long: { httpOnly: true, sameSite: "lax" },
      short: { httpOnly: true, sameSite: "lax" },
      keys: cookieKeys,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.type = "text/html; charset=utf-8";
          ctx.body = renderLogoutPage(form);
        },
        async postLogoutSuccessSource(ctx) {
          ctx.type = "text/html; charset=utf-8";
          ctx.body = renderSignedOutPage(ctx.oidc.client?.clientId);
        },
      },
    },
    async renderError(ctx, out) {
      const description = out.error_description === undefined ? "" : `: ${out.error_description}`;
      ctx.type = "text/html; charset=utf-8";
      ctx.body = renderErrorPage(messages.requestRefused, `${out.error}${description}`);
    },
    ttl: {
      AccessToken: accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 10 * 60,
      Interaction: 30 * 60,
      // Outlives the session by an access token's lifetime, so a code or token issued at the
      // session's last second can still be used.
      Grant: sessionTtlSeconds + accessTokenTtlSeconds,
      // Counted from the login, not renewed by each authorization request that uses the session.
      Session: (_ctx, session) =>
        session.loginTs === undefined
          ? sessionTtlSeconds
          : Math.max(1, session.loginTs + sessionTtlSeconds - epochSeconds()),
    },
  };
}
