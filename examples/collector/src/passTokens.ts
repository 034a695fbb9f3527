import { createHash, createHmac } from "node:crypto";
import { invitationHeader, meetingKeyHeader, passTokenSchema } from "@klynge/engine/contract";

/** What a respondent's token is for; part of what is signed, so a key is never a valid token. */
export type PassKind = "invitation" | "meeting-key";

/**
 * The token of an invitation or meeting key: HMAC-SHA256 of its id under the link secret,
 * base64url (43 characters, 256 bits). Made again from the id whenever a mail needs the link;
 * the database keeps only `hashPass(token)`, so a copy of it opens nothing.
 */
export function derivePass(secret: string, kind: PassKind, id: string): string {
  return createHmac("sha256", secret)
    .update(`klynge ${kind} ${id.toLowerCase()}`)
    .digest("base64url");
}

/** The stored form of a token or key: SHA-256, hex. */
export const hashPass = (token: string): string => createHash("sha256").update(token).digest("hex");

/** The respondent's credential as a request carries it (headers only; never the URL). */
export type Credential =
  | { readonly kind: "invitation"; readonly hash: string }
  | { readonly kind: "meeting-key"; readonly hash: string }
  /** A header whose value cannot be a token: unknown, like any token the round does not have. */
  | { readonly kind: "malformed" }
  | { readonly kind: "none" };

/** Reads the invitation header, else the meeting-key header. */
export function credentialOf(headers: Readonly<Record<string, unknown>>): Credential {
  for (const [name, kind] of [
    [invitationHeader, "invitation"],
    [meetingKeyHeader, "meeting-key"],
  ] as const) {
    const value = headers[name];
    if (value === undefined) continue;
    if (typeof value !== "string" || !passTokenSchema.safeParse(value).success) {
      return { kind: "malformed" };
    }
    return { kind, hash: hashPass(value) };
  }
  return { kind: "none" };
}

/** The link a member opens: the survey's frame page, the token in the fragment (never sent). */
export function invitationLink(publicUrl: string, roundId: string, token: string): string {
  return `${publicUrl}/frame/?round=${encodeURIComponent(roundId)}#invitation=${token}`;
}

/** The link that enrols a tablet: the meeting app, the key in the fragment. */
export function meetingKeyLink(publicUrl: string, roundId: string, key: string): string {
  return `${publicUrl}/app/?round=${encodeURIComponent(roundId)}#key=${key}`;
}
