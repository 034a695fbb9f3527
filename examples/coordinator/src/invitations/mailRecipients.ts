import type { InvitationEntry, InvitationList } from "@klynge/engine/contract";

export type MailKind = "invitation" | "reminder";

/**
 * Who a mail of `kind` would go to, by the rule the contract states for `sendInvitations`: named
 * members with an e-mail whose link is not used; an invitation only to those not mailed before.
 * A preview for the confirmation; the collector's reply says what was sent.
 */
export function mailRecipients(list: InvitationList, kind: MailKind): InvitationEntry[] {
  return list.invitations.filter(
    (entry) =>
      entry.name !== null &&
      entry.email !== null &&
      !entry.used &&
      (kind === "reminder" || entry.mailedOn === null),
  );
}
