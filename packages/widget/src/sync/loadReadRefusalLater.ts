import type { readRefusal } from "./readRefusal.js";

/** `loadReadRefusal` in the frame's build: the reader in a chunk of its own, loaded when asked. */
export function loadReadRefusal(): Promise<typeof readRefusal> {
  return import("./readRefusal.js").then((m) => m.readRefusal);
}
