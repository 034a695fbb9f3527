import { createHash, randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

export interface SeedUser {
  readonly email: string;
  readonly name: string;
  readonly password: string;
  /** The subject identifier; default: derived from the e-mail, so it is stable across restarts. */
  readonly sub?: string;
}

export interface Account {
  readonly sub: string;
  readonly email: string;
  readonly name: string;
}

export interface AccountStore {
  findBySub(sub: string): Account | undefined;
  /** The account when the password is right; `undefined` for a wrong password or an unknown e-mail alike. */
  verifyPassword(email: string, password: string): Promise<Account | undefined>;
}

interface StoredAccount extends Account {
  readonly salt: Buffer;
  readonly hash: Buffer;
}

const keyLength = 32;
// Node's defaults (N = 2^14, r = 8, p = 1): about 16 MiB and a few tens of milliseconds per hash.
const scryptOptions: ScryptOptions = { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

function hashPassword(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFC"), salt, keyLength, scryptOptions, (error, key) =>
      error === null ? resolve(key) : reject(error),
    );
  });
}

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function deriveSub(email: string): string {
  return createHash("sha256").update(`klynge-idp:${email}`).digest("base64url");
}

export async function createAccountStore(users: readonly SeedUser[]): Promise<AccountStore> {
  const byEmail = new Map<string, StoredAccount>();
  const bySub = new Map<string, StoredAccount>();
  for (const user of users) {
    const email = normalizeEmail(user.email);
    const sub = user.sub ?? deriveSub(email);
    if (email === "" || user.password === "") {
      throw new TypeError(
        `startIdentityProvider: every user needs an e-mail and a password (got e-mail "${user.email}").`,
      );
    }
    if (byEmail.has(email)) {
      throw new TypeError(
        `startIdentityProvider: the e-mail "${user.email}" is seeded twice; e-mails are compared case-insensitively.`,
      );
    }
    if (bySub.has(sub)) {
      throw new TypeError(
        `startIdentityProvider: the sub "${sub}" is seeded twice; give each user its own sub.`,
      );
    }
    const salt = randomBytes(16);
    const account: StoredAccount = {
      sub,
      email: user.email.trim(),
      name: user.name,
      salt,
      hash: await hashPassword(user.password, salt),
    };
    byEmail.set(email, account);
    bySub.set(sub, account);
  }

  // An unknown e-mail is checked against this hash, so it costs as much time as a wrong password.
  const decoySalt = randomBytes(16);
  const decoyHash = await hashPassword(randomBytes(16).toString("base64url"), decoySalt);

  return {
    findBySub(sub) {
      const account = bySub.get(sub);
      return account === undefined ? undefined : { sub, email: account.email, name: account.name };
    },
    async verifyPassword(email, password) {
      const account = byEmail.get(normalizeEmail(email));
      const hash = await hashPassword(password, account?.salt ?? decoySalt);
      const matches = timingSafeEqual(hash, account?.hash ?? decoyHash);
      return matches && account !== undefined
        ? { sub: account.sub, email: account.email, name: account.name }
        : undefined;
    },
  };
}
