// What the app needs to know of the page's inline early save (bootEarlySave.ts) without carrying
// it: where the script leaves its handle, the handle's shape, and whether the page may save early.

/** Where the inline script leaves its handle for the app (`window.klyngeEarlySave`). */
export const earlySaveGlobal = "klyngeEarlySave";

/** The early save as the app sees it when it boots. */
export interface EarlySave {
  /**
   * Stops saving (the app takes over the page's answers) and resolves once the stored record has
   * been put back into the page and no write is open: the page then holds everything saved.
   */
  settle(): Promise<void>;
  /**
   * Deletes the record this page last read or wrote, once the app's draft holds its answers;
   * kept if another tab has written since.
   */
  clear(): Promise<void>;
}

/**
 * Whether the page may save early: opened directly, or with an invitation of its own. A framed page
 * without one gets its GP's invitation from the host only after it loaded, so its early record
 * would be keyed as the open link's and shown to the next GP who opens the host's page in this
 * browser; there the page's answers are carried by the app alone.
 */
export function earlySaveAllowed(win: Window, invitation: string | undefined): boolean {
  if (invitation !== undefined) return true;
  try {
    return win.top === win.self;
  } catch {
    return false;
  }
}
