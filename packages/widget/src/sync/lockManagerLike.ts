/** The part of the Web Locks API (`navigator.locks`) the uploader uses; injectable for tests. */
export interface LockManagerLike {
  /** With `ifAvailable`, calls back at once with `null` when another holder has the lock. */
  request(
    name: string,
    options: { ifAvailable: boolean },
    callback: (lock: object | null) => Promise<void>,
  ): Promise<void>;
}

/** `navigator.locks` where the browser has it (not in old Safari, not outside secure contexts). */
export function browserLocks(): LockManagerLike | undefined {
  if (typeof navigator === "undefined") return undefined;
  const locks: LockManagerLike | null | undefined = navigator.locks;
  return locks ?? undefined;
}
