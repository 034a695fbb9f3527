import type { MemberRole } from "@klynge/engine/contract";

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const rolePart = /: (coordinator|municipality)$/;

/**
 * What an audit line is about, in words where the pages know them: a staff member's id becomes
 * their name, a role its name ("…: coordinator" → "…: Koordinator"). Anything else as written.
 */
export function describeTarget(
  target: string,
  names: ReadonlyMap<string, string>,
  roles: Readonly<Record<MemberRole, string>>,
): string {
  return target
    .replace(uuid, (id) => names.get(id.toLowerCase()) ?? id)
    .replace(rolePart, (_, role: MemberRole) => `: ${roles[role]}`);
}
