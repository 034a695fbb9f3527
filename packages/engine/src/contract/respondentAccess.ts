import * as z from "zod/mini";
import { integerSchema, trimmedTextSchema } from "../questionnaire/primitives.js";
import { daySchema, uuidSchema } from "./ids.js";
import { emailSchema } from "./staff.js";

// The respondent's own part (headers, token, `GET …/pass`) is in respondentPass.ts, apart from
// the coordinator's schemas here, so the answer page carries only it.

export const invitationLimits = { members: 500 } as const;

/** `POST …/invitations`: the members by name (and e-mail, for the mails), or a number of anonymous links. */
export const invitationRequestSchema = z.union([
  z.strictObject({
    members: z
      .array(
        z.strictObject({
          name: trimmedTextSchema(200),
          email: z.optional(emailSchema),
        }),
      )
      .check(z.minLength(1), z.maxLength(invitationLimits.members)),
  }),
  z.strictObject({ anonymous: integerSchema(1, invitationLimits.members) }),
]);
export type InvitationRequest = z.output<typeof invitationRequestSchema>;

/**
 * An invitation as the coordinator sees it: whom it is for, whether it was used — never which
 * response used it, nor when (the server does not know either).
 */
export const invitationEntrySchema = z.object({
  id: uuidSchema,
  /** Null for an anonymous link. */
  name: z.nullable(z.string()),
  email: z.nullable(z.string()),
  used: z.boolean(),
  /** The last day an invitation or reminder mail was sent to it. */
  mailedOn: z.nullable(daySchema),
  /**
   * The link to hand out (its token in the fragment), for an anonymous link or a member without
   * an e-mail; a member with an e-mail gets it by mail only.
   */
  link: z.optional(z.string()),
});
export type InvitationEntry = z.output<typeof invitationEntrySchema>;

export const invitationListSchema = z.object({
  /** Invitations made; the round's response rate is counted against it. */
  invited: z.number().check(z.int(), z.gte(0)),
  used: z.number().check(z.int(), z.gte(0)),
  /** Responses that came with a meeting key or through the open link (no invitation used). */
  withoutInvitation: z.number().check(z.int(), z.gte(0)),
  /** Named invitations not used first, then the rest; anonymous links with their link. */
  invitations: z.array(invitationEntrySchema),
});
export type InvitationList = z.output<typeof invitationListSchema>;

/** `POST …/invitations/mail`: send the invitation, or a reminder to those who have not answered. */
export const invitationMailSchema = z.strictObject({
  kind: z.enum(["invitation", "reminder"]),
  /** Plain text; `{navn}` and `{link}` are filled in per member (and `{runde}`, `{klynge}`). */
  subject: trimmedTextSchema(200),
  text: z.string().check(z.minLength(1), z.maxLength(10_000), z.includes("{link}")),
});
export type InvitationMail = z.output<typeof invitationMailSchema>;

/** A meeting key: tablets enrolled with it take answers in its window, up to its cap. */
export const meetingKeyEntrySchema = z.object({
  id: uuidSchema,
  /** Answers are taken from this moment … */
  validFrom: z.iso.datetime({ offset: true }),
  /** … until this one; answers given before it and uploaded within the grace period count too. */
  validUntil: z.iso.datetime({ offset: true }),
  graceUntil: z.iso.datetime({ offset: true }),
  /** At most this many answers: the members who had not answered when the key was made. */
  cap: z.number().check(z.int(), z.gte(0)),
  used: z.number().check(z.int(), z.gte(0)),
  revoked: z.boolean(),
  /**
   * The enrolment link (the key in its fragment), while the key is neither revoked nor past its
   * grace period (another tablet may be enrolled later); absent after.
   */
  link: z.optional(z.string()),
});
export type MeetingKeyEntry = z.output<typeof meetingKeyEntrySchema>;

export const meetingKeyRequestSchema = z.strictObject({
  /** How long the meeting's window lasts from now, in hours. */
  hours: integerSchema(1, 72),
});
