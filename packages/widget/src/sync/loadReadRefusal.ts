import { readRefusal } from "./readRefusal.js";

/**
 * `readRefusal`, for a reply that refuses. The frame's build puts `loadReadRefusalLater.ts` in its
 * place (vite.frame.config.ts), so the answer page loads it only for a refusal; an app that
 * bundles the widget gets it with the rest, without a chunk and loader of its own.
 */
export function loadReadRefusal(): Promise<typeof readRefusal> {
  return Promise.resolve(readRefusal);
}
