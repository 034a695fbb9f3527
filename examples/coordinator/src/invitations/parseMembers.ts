import { invitationLimits, parseWithSchema, routes } from "@klynge/engine/contract";

/** A member as read from one pasted line. */
export interface PastedMember {
  /** 1-based, as the coordinator counts the lines in the box. */
  readonly line: number;
  readonly name: string;
  readonly email?: string;
}

/** Why a pasted line (or the whole paste) cannot be invited as it stands. */
export type MemberIssue =
  | { readonly code: "bad_email"; readonly line: number; readonly received: string }
  | { readonly code: "two_emails"; readonly line: number }
  | { readonly code: "no_name"; readonly line: number; readonly received: string }
  | { readonly code: "name_too_long"; readonly line: number; readonly limit: number }
  | {
      readonly code: "duplicate_email";
      readonly line: number;
      readonly firstLine: number;
      readonly email: string;
    }
  | { readonly code: "already_invited"; readonly line: number; readonly email: string }
  | { readonly code: "too_many"; readonly limit: number; readonly received: number };

export interface PastedMembers {
  /** The lines read without a fault, in order. */
  readonly members: readonly PastedMember[];
  readonly issues: readonly MemberIssue[];
}

const body = routes.createInvitations.body;
/** `Anne Hansen <anne@praksis.dk>`, as a mail program copies an address. */
const angled = /^(.*?)\s*<([^<>]*)>$/;

/** The name and e-mail parts of one line: `;` or a tab (two cells from Excel) or `Name <e-mail>`. */
function split(line: string): { name: string; emails: string[] } {
  const match = angled.exec(line);
  if (match !== null) return { name: (match[1] ?? "").trim(), emails: [(match[2] ?? "").trim()] };
  const parts = line
    .split(/[;\t]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  // "Hansen, Anne" is a name; "Anne Hansen, anne@praksis.dk" a name and an e-mail.
  if (parts.length === 1 && parts[0]?.includes("@") === true && parts[0].includes(",")) {
    parts.splice(0, 1, ...(parts[0] ?? "").split(",").map((part) => part.trim()));
  }
  return {
    name: parts.filter((part) => !part.includes("@")).join(" "),
    emails: parts.filter((part) => part.includes("@")),
  };
}

/**
 * The members pasted into the invitation box, one a line: a name and an e-mail, or a name alone.
 * Each line is checked with the contract's own schema for `createInvitations`, so what is shown
 * as read is what the collector takes. An e-mail twice in the paste, or already invited to the
 * round (`invitedEmails`), is an issue at its line: the collector would make a second link.
 */
export function parseMembers(text: string, invitedEmails: readonly string[] = []): PastedMembers {
  const members: PastedMember[] = [];
  const issues: MemberIssue[] = [];
  const seen = new Map<string, number>();
  const invited = new Set(invitedEmails.map((email) => email.toLowerCase()));
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === "") continue;
    const { name, emails } = split(trimmed);
    if (emails.length > 1) {
      issues.push({ code: "two_emails", line });
      continue;
    }
    const email = emails[0];
    if (name === "") {
      issues.push({ code: "no_name", line, received: email ?? trimmed });
      continue;
    }
    const checked = parseWithSchema(body, {
      members: [{ name, ...(email === undefined ? {} : { email }) }],
    });
    if (!checked.success) {
      const field = checked.issues[0]?.path[2];
      issues.push(
        field === "email"
          ? { code: "bad_email", line, received: email ?? "" }
          : { code: "name_too_long", line, limit: 200 },
      );
      continue;
    }
    const [member] = (checked.data as { members: { name: string; email?: string }[] }).members;
    const normalised = member?.email;
    if (normalised !== undefined) {
      const first = seen.get(normalised);
      if (first !== undefined) {
        issues.push({ code: "duplicate_email", line, firstLine: first, email: normalised });
        continue;
      }
      seen.set(normalised, line);
      if (invited.has(normalised)) {
        issues.push({ code: "already_invited", line, email: normalised });
        continue;
      }
    }
    members.push({ line, name, ...(normalised === undefined ? {} : { email: normalised }) });
  }
  if (members.length > invitationLimits.members) {
    issues.push({ code: "too_many", limit: invitationLimits.members, received: members.length });
  }
  return { members, issues };
}
