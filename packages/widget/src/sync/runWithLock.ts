import type { LockManagerLike } from "./lockManagerLike.js";

/**
 * Runs `task` if no other holder (tab) has the lock `name`; true when it ran. Without Web Locks, or
 * when they refuse (e.g. SecurityError in an opaque origin), it runs anyway: the uploader's
 * idempotent PUT makes a second uploader harmless, only wasteful.
 */
export async function runWithLock(
  locks: LockManagerLike | undefined,
  name: string,
  task: () => Promise<void>,
): Promise<boolean> {
  if (!locks) {
    await task();
    return true;
  }
  let ran = false;
  try {
    await locks.request(name, { ifAvailable: true }, async (lock) => {
      if (lock === null) return;
      ran = true;
      await task();
    });
  } catch {
    if (!ran) {
      await task();
      return true;
    }
  }
  return ran;
}
