import { generateKeyPair, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { type JWK, Provider } from "oidc-provider";
import { createAccountStore, type SeedUser } from "./accountStore.js";
import { interactionRoutes } from "./interactionRoutes.js";
import { type ClientRegistration, providerConfiguration } from "./providerConfiguration.js";
import { contentSecurityPolicy, securityHeaders } from "./securityHeaders.js";

export interface IdentityProviderOptions {
  /** The interface to listen on; default `"127.0.0.1"`. */
  readonly host?: string;
  /** The port; default `0`, a free port. */
  readonly port?: number;
  readonly users: readonly SeedUser[];
  readonly clients: readonly ClientRegistration[];
  /** How long a login at the provider lasts, counted from the login, to the whole second; default 8 hours. */
  readonly sessionTtlSeconds?: number;
}

export interface IdentityProvider {
  /** `http://host:port`, the issuer identifier and the base of every endpoint. */
  readonly issuer: string;
  /** Stops the server and closes every open connection. */
  close(): Promise<void>;
}

const generateRsaKeyPair = promisify(generateKeyPair);

async function createSigningKey(): Promise<JWK> {
  const { privateKey } = await generateRsaKeyPair("rsa", { modulusLength: 2048 });
  return {
    ...privateKey.export({ format: "jwk" }),
    kid: randomBytes(8).toString("base64url"),
    use: "sig",
    alg: "RS256",
  } as JWK;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function originsOf(uris: readonly string[]): string[] {
  return [...new Set(uris.map((uri) => new URL(uri).origin))];
}

function assertOptions(options: IdentityProviderOptions): void {
  const ttl = options.sessionTtlSeconds;
  if (ttl !== undefined && !(Number.isSafeInteger(ttl) && ttl > 0)) {
    throw new TypeError(
      `startIdentityProvider: sessionTtlSeconds must be a positive whole number of seconds, got ${ttl}.`,
    );
  }
  if (options.clients.length === 0) {
    throw new TypeError("startIdentityProvider: register at least one client (clients: [...]).");
  }
}

export async function startIdentityProvider(
  options: IdentityProviderOptions,
): Promise<IdentityProvider> {
  assertOptions(options);
  const host = options.host ?? "127.0.0.1";
  const [accounts, signingKey] = await Promise.all([
    createAccountStore(options.users),
    createSigningKey(),
  ]);

  // The issuer carries the port, so the server listens before the provider exists.
  const server = createServer();
  const address = await listen(server, options.port ?? 0, host);
  const issuer = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;

  const provider = new Provider(
    issuer,
    providerConfiguration({
      accounts,
      clients: options.clients,
      sessionTtlSeconds: options.sessionTtlSeconds ?? 8 * 60 * 60,
      signingKey,
      cookieKeys: [randomBytes(32).toString("base64url")],
    }),
  );
  const formTargets = originsOf(
    options.clients.flatMap((client) => [
      ...client.redirectUris,
      ...(client.postLogoutRedirectUris ?? []),
    ]),
  );
  provider.use(securityHeaders(contentSecurityPolicy(formTargets)));
  provider.use(interactionRoutes(provider, accounts, new URL(issuer).origin));
  server.on("request", provider.callback());

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
