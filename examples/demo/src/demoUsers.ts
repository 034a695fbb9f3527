import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface DemoUser {
  readonly email: string;
  readonly name: string;
  readonly password: string;
}

export interface DemoUsers {
  /** KiAP's admin: clusters, staff, roles, approved sites, the audit. */
  readonly admin: DemoUser;
  /** Klynge Syd's coordinator. */
  readonly coordinator: DemoUser;
  /** Vejle Kommune's contact, linked to Klynge Syd. */
  readonly municipality: DemoUser;
  /** Klynge Nord's coordinator: sees nothing of Klynge Syd. */
  readonly otherCoordinator: DemoUser;
}

const people: Record<keyof DemoUsers, Omit<DemoUser, "password">> = {
  admin: { email: "admin@kiap.example", name: "Karen KiAP" },
  coordinator: { email: "koordinator@klynge-syd.example", name: "Anne Koordinator" },
  municipality: { email: "kontakt@vejle.example", name: "Bo Kommune" },
  otherCoordinator: { email: "koordinator@klynge-nord.example", name: "Carl Nord" },
};

/** The e-mail domains the demo's collector lets sign in. */
export const demoDomains = [
  "kiap.example",
  "klynge-syd.example",
  "klynge-nord.example",
  "vejle.example",
];

/**
 * The demo's staff, with passwords made once per data folder (kept there, readable by its owner
 * only) so a restart keeps them; the demo prints them.
 */
export function demoUsers(dataDir: string): DemoUsers {
  const file = join(dataDir, "demo-users.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as DemoUsers;
  const users = Object.fromEntries(
    Object.entries(people).map(([role, person]) => [
      role,
      { ...person, password: randomBytes(9).toString("base64url") },
    ]),
  ) as unknown as DemoUsers;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(users, null, 2), { mode: 0o600 });
  return users;
}
