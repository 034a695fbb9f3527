/** The part of `navigator.storage` used, so callers and tests can pass their own. */
export interface PersistenceManager {
  persist?(): Promise<boolean>;
  persisted?(): Promise<boolean>;
}

export type PersistenceResult = "persisted" | "denied" | "unsupported";

function defaultStorageManager(): PersistenceManager | undefined {
  return typeof navigator === "undefined" ? undefined : navigator.storage;
}

/**
 * Asks the browser not to evict this origin's storage under pressure (the meeting app's
 * offline promise depends on it). Asks only when not yet persisted: Firefox shows a prompt.
 */
export async function requestPersistence(
  storageManager: PersistenceManager | undefined = defaultStorageManager(),
): Promise<PersistenceResult> {
  if (typeof storageManager?.persist !== "function") return "unsupported";
  try {
    if ((await storageManager.persisted?.()) === true) return "persisted";
    return (await storageManager.persist()) ? "persisted" : "denied";
  } catch {
    // Thrown in some sandboxed or insecure contexts: treated as not available there.
    return "unsupported";
  }
}
