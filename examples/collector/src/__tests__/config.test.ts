import { describe, expect, it } from "vitest";
import {
  ConfigError,
  demoLinkSecret,
  demoSessionSecret,
  readConfig,
  unsafeSettings,
} from "../config.js";

const safe = {
  KLYNGE_PUBLIC_URL: "https://klynge.kiap.dk",
  KLYNGE_OIDC_ISSUER: "https://broker.mitid-erhverv.example",
  KLYNGE_OIDC_CLIENT_ID: "klynge",
  KLYNGE_OIDC_CLIENT_SECRET: "a-secret-from-the-provider",
  KLYNGE_SESSION_SECRET: "x".repeat(48),
  KLYNGE_ALLOWED_EMAIL_DOMAINS: "kiap.dk, Vejle.dk",
  KLYNGE_ADMIN_EMAILS: "Admin@kiap.dk",
  KLYNGE_EMBEDDERS: "https://www.kiap.dk",
  KLYNGE_LINK_SECRET: "y".repeat(48),
};

describe("the collector's configuration", () => {
  it("reads every setting from the environment, and a safe one has no problems", () => {
    const config = readConfig(safe);
    expect(config.oidc.allowedEmailDomains).toEqual(["kiap.dk", "vejle.dk"]);
    expect(config.adminEmails).toEqual(["admin@kiap.dk"]);
    expect(config.sessionHours).toBe(8);
    expect(config.trustProxy).toBe(false);
    expect(config.mail).toBeUndefined();
    expect(unsafeSettings(config)).toEqual([]);
    const mailing = readConfig({
      ...safe,
      KLYNGE_SMTP_URL: "smtp://127.0.0.1:2525",
      KLYNGE_MAIL_FROM: "KiAP <klynge@kiap.dk>",
    });
    expect(mailing.mail).toEqual({
      smtpUrl: "smtp://127.0.0.1:2525",
      from: "KiAP <klynge@kiap.dk>",
    });
  });

  it("says which setting is missing or malformed", () => {
    const { KLYNGE_OIDC_ISSUER: _, ...withoutIssuer } = safe;
    expect(() => readConfig(withoutIssuer)).toThrow(ConfigError);
    expect(() => readConfig(withoutIssuer)).toThrow(/KLYNGE_OIDC_ISSUER/);
    expect(() => readConfig({ ...safe, KLYNGE_EMBEDDERS: "kiap.dk" })).toThrow(/KLYNGE_EMBEDDERS/);
    expect(() => readConfig({ ...safe, KLYNGE_SESSION_HOURS: "otte" })).toThrow(
      /KLYNGE_SESSION_HOURS/,
    );
    const { KLYNGE_LINK_SECRET: __, ...withoutLinkSecret } = safe;
    expect(() => readConfig(withoutLinkSecret)).toThrow(/KLYNGE_LINK_SECRET is not set/);
    expect(() => readConfig({ ...safe, KLYNGE_LINK_SECRET: "kort" })).toThrow(
      /KLYNGE_LINK_SECRET must be at least 32/,
    );
    expect(() => readConfig({ ...safe, KLYNGE_SMTP_URL: "http://mail.example" })).toThrow(
      /KLYNGE_SMTP_URL/,
    );
    expect(() => readConfig({ ...safe, KLYNGE_SMTP_URL: "smtp://127.0.0.1:2525" })).toThrow(
      /KLYNGE_MAIL_FROM is not set/,
    );
  });

  it("finds each unsafe production setting: no HTTPS, a default secret, an open admin", () => {
    const problems = unsafeSettings(
      readConfig({
        ...safe,
        KLYNGE_PUBLIC_URL: "http://klynge.kiap.dk",
        KLYNGE_OIDC_ISSUER: "http://idp.example",
        KLYNGE_SESSION_SECRET: demoSessionSecret,
        KLYNGE_LINK_SECRET: demoLinkSecret,
        KLYNGE_ALLOWED_EMAIL_DOMAINS: "",
        KLYNGE_ADMIN_EMAILS: "",
        KLYNGE_EMBEDDERS: "http://www.kiap.dk",
      }),
    );
    expect(problems.map((p) => p.split(" ")[0])).toEqual([
      "KLYNGE_PUBLIC_URL",
      "KLYNGE_OIDC_ISSUER",
      "KLYNGE_SESSION_SECRET",
      "KLYNGE_LINK_SECRET",
      "KLYNGE_ALLOWED_EMAIL_DOMAINS",
      "KLYNGE_ADMIN_EMAILS",
      "KLYNGE_EMBEDDERS",
    ]);
    const outside = unsafeSettings(
      readConfig({ ...safe, KLYNGE_ADMIN_EMAILS: "someone@gmail.com" }),
    );
    expect(outside).toEqual([
      expect.stringMatching(/outside the allowed domains: someone@gmail\.com/),
    ]);
  });
});
