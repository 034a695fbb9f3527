import { invitationHeader, meetingKeyHeader, passTokenSchema } from "@klynge/engine/contract";
import * as z from "zod/mini";

/**
 * A respondent's credential (respondents have no account): a GP's personal invitation, or the
 * meeting key a tablet was enrolled with. It travels in a request header, never in a URL.
 */
export const respondentPassSchema = z.strictObject({
  kind: z.enum(["invitation", "meeting-key"]),
  token: passTokenSchema,
});
export type RespondentPass = z.output<typeof respondentPassSchema>;

/** The header that carries `pass` to the collector (the contract's). */
export function passHeaders(pass: RespondentPass | undefined): Record<string, string> {
  if (pass === undefined) return {};
  return { [pass.kind === "invitation" ? invitationHeader : meetingKeyHeader]: pass.token };
}

/** Both absent, or the same kind and token. */
export function samePass(a: RespondentPass | undefined, b: RespondentPass | undefined): boolean {
  return a?.kind === b?.kind && a?.token === b?.token;
}
