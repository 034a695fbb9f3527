import * as z from "zod/mini";

/**
 * How a respondent (who has no account) is let in: the request header that carries a personal
 * invitation's token, or a meeting key enrolled on a tablet. Headers, never the URL: a URL
 * reaches logs and Referer headers; links carry the token in the fragment (`#invitation=…`),
 * which the browser does not send.
 */
export const invitationHeader = "x-klynge-invitation";
export const meetingKeyHeader = "x-klynge-meeting-key";

/** A token or key as it travels: 22 to 64 base64url characters (at least 128 bits). */
export const passTokenSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{22,64}$/));

/**
 * `GET …/pass`: what the respondent's credential (in its header) lets them do now, so a spent
 * link is said before anyone answers. `usable`: an answer sent now would be stored (a meeting
 * key: inside its window and under its cap; answers already given upload until `graceUntil`).
 * Refused as the PUT would be: no credential and no open link 401 `pass_required`, a token or key
 * the round does not know 403 `pass_unknown`, a revoked or expired key 403
 * `meeting_key_revoked` / `meeting_key_expired`.
 */
export const passStatusSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("invitation"), usable: z.boolean() }),
  z.object({
    kind: z.literal("meeting-key"),
    usable: z.boolean(),
    validUntil: z.iso.datetime({ offset: true }),
    graceUntil: z.iso.datetime({ offset: true }),
    remaining: z.number().check(z.int(), z.gte(0)),
  }),
  z.object({ kind: z.literal("open-link"), usable: z.boolean() }),
]);
export type PassStatus = z.output<typeof passStatusSchema>;
