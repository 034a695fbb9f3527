import { loadContractText } from "../locales/contractTextLater.js";
import type { Uploader } from "../sync/uploader.js";

/**
 * `loadUploader` in the frame's build: the uploader in a chunk of its own, loaded when asked, with
 * the contract's sentences that say what a refusal means (it never waits on them failing).
 */
export function loadUploader(): Promise<typeof Uploader> {
  return Promise.all([import("../sync/uploader.js"), loadContractText()]).then(([m]) => m.Uploader);
}
