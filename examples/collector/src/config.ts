import { isOrigin } from "@klynge/engine/contract";

/** How staff sign in: an OpenID Connect provider (MitID Erhverv's broker, a region's IdP). */
export interface OidcConfig {
  /** The issuer URL; discovery is read from `{issuer}/.well-known/openid-configuration`. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** E-mail domains whose staff may sign in, e.g. ["kiap.dk", "vejle.dk"]; empty: any domain. */
  readonly allowedEmailDomains: readonly string[];
}

/** Where invitation mails go out: an SMTP server (nodemailer). */
export interface MailConfig {
  /** e.g. `smtp://127.0.0.1:2525`, `smtps://user:password@smtp.example.dk`. */
  readonly smtpUrl: string;
  /** The mails' sender, e.g. `KiAP Klynge <klynge@kiap.dk>`. */
  readonly from: string;
}

export interface CollectorConfig {
  /** Where users reach the service, e.g. `https://klynge.kiap.dk`; the sign-in callback lives under it. */
  readonly publicUrl: string;
  readonly oidc: OidcConfig;
  /** Signs the sign-in and CSRF cookies; at least 32 characters. */
  readonly sessionSecret: string;
  /** A staff session ends this long after sign-in. Default 8 hours. */
  readonly sessionHours: number;
  /** Sites that may show the survey in an iframe (`frame-ancestors` of `/frame/`). */
  readonly embedders: readonly string[];
  /** Staff who are KiAP admins from the start (they sign in with these e-mails). */
  readonly adminEmails: readonly string[];
  /** Trust `X-Forwarded-*` from a reverse proxy: false, true, or the proxy's addresses. */
  readonly trustProxy: boolean | string;
  /**
   * How often the retention job looks for raw answers to delete (and the scramble for rows to
   * rewrite). Default 60 minutes; 0: never.
   */
  readonly retentionCheckMinutes: number;
  /**
   * Makes each invitation's token and meeting key from its id (HMAC-SHA256), so a reminder can
   * carry the member's own link although the database keeps only the token's hash. At least 32
   * characters; changing it makes the links not yet mailed unknown to reminders.
   */
  readonly linkSecret: string;
  /** Invitation mails; absent: `sendInvitations` refuses (`mail_not_configured`). */
  readonly mail?: MailConfig | undefined;
}

/** The session secret the demo uses; refused in production. */
export const demoSessionSecret = "klynge-demo-secret-do-not-use-in-production";

/** The link secret the demo uses; refused in production. */
export const demoLinkSecret = "klynge-demo-link-secret-do-not-use-in-production";

/** The shortest link secret the collector takes. */
const linkSecretChars = 32;

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

const list = (value: string | undefined): string[] =>
  (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim();
  if (value === undefined || value === "") {
    throw new ConfigError(
      `${name} is not set. See "Running it for real" in the collector's README.`,
    );
  }
  return value;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new ConfigError(`${name} must be a number of 0 or more; it is "${raw}".`);
  }
  return value;
}

/** The collector's settings from environment variables (documented in the collector's README). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): CollectorConfig {
  const publicUrl = required(env, "KLYNGE_PUBLIC_URL").replace(/\/+$/, "");
  if (!URL.canParse(publicUrl)) {
    throw new ConfigError(`KLYNGE_PUBLIC_URL is not a URL: "${publicUrl}".`);
  }
  const embedders = list(env.KLYNGE_EMBEDDERS);
  const badEmbedder = embedders.find((origin) => !isOrigin(origin));
  if (badEmbedder !== undefined) {
    throw new ConfigError(
      `KLYNGE_EMBEDDERS lists "${badEmbedder}", which is not an origin like https://kiap.dk.`,
    );
  }
  const proxy = env.KLYNGE_TRUST_PROXY?.trim() ?? "";
  const linkSecret = required(env, "KLYNGE_LINK_SECRET");
  if (linkSecret.length < linkSecretChars) {
    throw new ConfigError(
      `KLYNGE_LINK_SECRET must be at least ${linkSecretChars} characters; e.g. openssl rand -base64 48.`,
    );
  }
  const smtpUrl = env.KLYNGE_SMTP_URL?.trim() ?? "";
  if (smtpUrl !== "" && !/^smtps?:\/\//.test(smtpUrl)) {
    throw new ConfigError(`KLYNGE_SMTP_URL must be smtp:// or smtps://; it is "${smtpUrl}".`);
  }
  return {
    publicUrl,
    oidc: {
      issuer: required(env, "KLYNGE_OIDC_ISSUER"),
      clientId: required(env, "KLYNGE_OIDC_CLIENT_ID"),
      clientSecret: required(env, "KLYNGE_OIDC_CLIENT_SECRET"),
      allowedEmailDomains: list(env.KLYNGE_ALLOWED_EMAIL_DOMAINS).map((d) => d.toLowerCase()),
    },
    sessionSecret: required(env, "KLYNGE_SESSION_SECRET"),
    sessionHours: positive(env, "KLYNGE_SESSION_HOURS", 8),
    embedders,
    adminEmails: list(env.KLYNGE_ADMIN_EMAILS).map((e) => e.toLowerCase()),
    trustProxy: proxy === "" || proxy === "false" ? false : proxy === "true" ? true : proxy,
    retentionCheckMinutes: positive(env, "KLYNGE_RETENTION_CHECK_MINUTES", 60),
    linkSecret,
    mail: smtpUrl === "" ? undefined : { smtpUrl, from: required(env, "KLYNGE_MAIL_FROM") },
  };
}

/**
 * What makes a configuration unsafe for real users; `main.ts` refuses to start with any of these
 * unless `KLYNGE_ALLOW_UNSAFE=demo` (the demo on localhost). Empty: safe to run.
 */
export function unsafeSettings(config: CollectorConfig): string[] {
  const problems: string[] = [];
  const https = (url: string) => URL.canParse(url) && new URL(url).protocol === "https:";
  if (!https(config.publicUrl)) {
    problems.push("KLYNGE_PUBLIC_URL must be https:// (cookies are only Secure over HTTPS).");
  }
  if (!https(config.oidc.issuer)) problems.push("KLYNGE_OIDC_ISSUER must be https://.");
  if (config.sessionSecret === demoSessionSecret || config.sessionSecret.length < 32) {
    problems.push(
      "KLYNGE_SESSION_SECRET must be a random value of at least 32 characters, not the demo's.",
    );
  }
  if (config.linkSecret === demoLinkSecret || config.linkSecret.length < linkSecretChars) {
    problems.push(
      "KLYNGE_LINK_SECRET must be a random value of at least 32 characters, not the demo's.",
    );
  }
  if (config.oidc.allowedEmailDomains.length === 0) {
    problems.push(
      "KLYNGE_ALLOWED_EMAIL_DOMAINS is empty: anyone the identity provider knows could be registered as staff.",
    );
  }
  if (config.adminEmails.length === 0) {
    problems.push("KLYNGE_ADMIN_EMAILS is empty: no one could manage clusters and roles.");
  }
  const outside = config.adminEmails.filter(
    (email) =>
      config.oidc.allowedEmailDomains.length > 0 &&
      !config.oidc.allowedEmailDomains.includes(email.split("@")[1] ?? ""),
  );
  if (outside.length > 0) {
    problems.push(
      `KLYNGE_ADMIN_EMAILS has addresses outside the allowed domains: ${outside.join(", ")}.`,
    );
  }
  if (config.embedders.some((origin) => origin.startsWith("http:"))) {
    problems.push("KLYNGE_EMBEDDERS must list https:// sites only.");
  }
  return problems;
}
