import type { Adapter, AdapterFactory, AdapterPayload } from "oidc-provider";

// The models that carry a grantId and die with their grant (as in oidc-provider's own adapter).
const grantBound = new Set([
  "AccessToken",
  "AuthorizationCode",
  "RefreshToken",
  "DeviceCode",
  "BackchannelAuthenticationRequest",
  "PreAuthorizedCode",
]);

interface Entry {
  readonly model: string;
  readonly payload: AdapterPayload;
  readonly expiresAt: number;
}

/**
 * oidc-provider's storage, in memory, for one provider instance. Unlike the library's own
 * development adapter (shared by every instance in the process, and announced by a console
 * warning), an entry here expires exactly `expiresIn` seconds after it is written, so a short
 * session TTL ends the session on time.
 */
export function createMemoryAdapter(now: () => number = Date.now): AdapterFactory {
  const entries = new Map<string, Entry>();
  const sessionIdByUid = new Map<string, string>();
  let writes = 0;

  function read(key: string): AdapterPayload | undefined {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  function sweep(): void {
    const time = now();
    for (const [key, entry] of entries) {
      if (entry.expiresAt <= time) entries.delete(key);
    }
    for (const [uid, id] of sessionIdByUid) {
      if (!entries.has(`Session:${id}`)) sessionIdByUid.delete(uid);
    }
  }

  return (model: string): Adapter => {
    const keyFor = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        writes += 1;
        if (writes % 200 === 0) sweep();
        const expiresAt =
          expiresIn === undefined ? Number.POSITIVE_INFINITY : now() + expiresIn * 1000;
        entries.set(keyFor(id), { model, payload, expiresAt });
        if (model === "Session" && payload.uid !== undefined) sessionIdByUid.set(payload.uid, id);
      },
      async find(id) {
        return read(keyFor(id));
      },
      async findByUid(uid) {
        const id = sessionIdByUid.get(uid);
        return id === undefined ? undefined : read(keyFor(id));
      },
      async findByUserCode() {
        return undefined;
      },
      async consume(id) {
        const payload = read(keyFor(id));
        if (payload !== undefined) payload.consumed = Math.floor(now() / 1000);
      },
      async destroy(id) {
        const payload = read(keyFor(id));
        entries.delete(keyFor(id));
        if (payload?.uid !== undefined && sessionIdByUid.get(payload.uid) === id) {
          sessionIdByUid.delete(payload.uid);
        }
      },
      async revokeByGrantId(grantId) {
        for (const [key, entry] of entries) {
          if (grantBound.has(entry.model) && entry.payload.grantId === grantId) entries.delete(key);
        }
      },
    };
  };
}
