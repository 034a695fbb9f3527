import { Subscribable } from "../core/subscribable.js";

/** The part of `BroadcastChannel` the store uses, so tests and other runtimes can pass their own. */
export interface ChangeChannel {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

export type CreateChangeChannel = (name: string) => ChangeChannel;

/** `BroadcastChannel` when this runtime has one, else nothing: other tabs are then not told. */
export function defaultChangeChannel(name: string): ChangeChannel | undefined {
  return typeof BroadcastChannel === "function" ? new BroadcastChannel(name) : undefined;
}

/**
 * Tells subscribers that stored data changed, after a commit here or in another tab. Carries no
 * data: subscribers read the store again, so a lost or late message cannot show a wrong count.
 */
export class ChangeNotifier extends Subscribable {
  readonly #channel: ChangeChannel | undefined;

  constructor(channel: ChangeChannel | undefined) {
    super();
    this.#channel = channel;
    if (channel !== undefined) channel.onmessage = () => this.notify();
  }

  changed(): void {
    // A broken subscriber is the UI's bug; it must not undo or hide a committed write.
    this.notify();
    this.#channel?.postMessage({ type: "changed" });
  }

  close(): void {
    this.listeners.clear();
    if (this.#channel !== undefined) {
      this.#channel.onmessage = null;
      this.#channel.close();
    }
  }
}
