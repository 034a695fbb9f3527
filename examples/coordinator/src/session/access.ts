import type { MemberRole } from "@klynge/engine/contract";
import type { PageName } from "../useHashRoute.js";
import type { SignedInSession } from "./sessionState.js";

/** What the signed-in person is in the chosen cluster; the collector's access table decides the same. */
export interface Access {
  /** KiAP's admin: clusters, staff, approved sites, the audit trail, any cluster's rounds. */
  readonly admin: boolean;
  /** The role in the chosen cluster; null when none (or no cluster is chosen). */
  readonly role: MemberRole | null;
}

export function accessIn(session: SignedInSession, clusterId: string | null): Access {
  const membership = session.memberships.find((m) => m.cluster.id === clusterId);
  return { admin: session.user.admin, role: membership?.role ?? null };
}

const memberPages: Record<MemberRole, readonly PageName[]> = {
  coordinator: ["edit", "versions", "new-round", "rounds", "invitations", "results"],
  municipality: ["versions", "rounds", "results"],
};
const adminPages: readonly PageName[] = [
  "clusters",
  "staff",
  "origins",
  "packages",
  "audit",
  "rounds",
];

/**
 * The pages offered, in the order of the navigation: the role's pages in the chosen cluster,
 * then KiAP's. Only what the role may do is offered; the server refuses the rest anyway.
 */
export function pagesFor(access: Access): PageName[] {
  const pages = [
    ...(access.role === null ? [] : memberPages[access.role]),
    ...(access.admin ? adminPages : []),
  ];
  return [...new Set(pages)];
}

/** The page shown when the address names none: KiAP's clusters, else the cluster's rounds. */
export function homePage(pages: readonly PageName[]): PageName | undefined {
  return pages.find((p) => p === "clusters") ?? pages.find((p) => p === "rounds") ?? pages[0];
}

/** What a page may offer beyond reading, by the access table (`examples/collector/src/access.ts`). */
export const may = {
  /** Publish versions, create rounds, upload referrals, close, export and delete answers. */
  coordinate: (access: Access) => access.role === "coordinator",
  /** Invitations and their mails, the open link, meeting keys. */
  invite: (access: Access) => access.role === "coordinator",
  /** Reports and the deck. */
  readReports: (access: Access) => access.role !== null,
};
