import { loadContractText } from "../locales/contractTextLater.js";
import type { readRefusal } from "./readRefusal.js";

/**
 * `loadReadRefusal` in the frame's build: the reader in a chunk of its own, loaded when asked, with
 * the contract's sentences that say what the refusal means (it never waits on them failing).
 */
export function loadReadRefusal(): Promise<typeof readRefusal> {
  return Promise.all([import("./readRefusal.js"), loadContractText()]).then(([m]) => m.readRefusal);
}
