import {
  embedIdPattern,
  hostMessageSchema,
  type InitPayload,
  protocolSource,
  protocolVersion,
  type WidgetMessageType,
  type WidgetPayload,
} from "./protocol.js";

export interface FrameChannelOptions {
  /** The iframe's own window (for `message` events). */
  readonly self: Window;
  /** Where the host is: `window.parent`. */
  readonly parent: Window;
  /** From the iframe's URL, set by the host script. */
  readonly embedId: string;
  /** Called once, for the first valid `init`, with the host's origin. */
  readonly onInit: (init: InitPayload, hostOrigin: string) => void;
}

export interface FrameChannel {
  /** Sends to the host's exact origin; before `init` only the latest `resize`/`page` is kept. */
  send<T extends Exclude<WidgetMessageType, "ready">>(type: T, payload: WidgetPayload<T>): void;
  /** The host's origin once `init` came. */
  readonly hostOrigin: string | undefined;
  close(): void;
}

/**
 * The widget's side of the iframe protocol: says `ready` (the only message sent before the host
 * spoke, and it carries nothing), accepts the first valid `init` from the parent window with this
 * embedId, and from then on posts only to that origin.
 */
export function createFrameChannel(options: FrameChannelOptions): FrameChannel {
  const { self, parent, embedId } = options;
  if (!embedIdPattern.test(embedId)) throw new Error(`Invalid embedId "${embedId}".`);
  let hostOrigin: string | undefined;
  const held = new Map<string, unknown>();

  const post = (type: WidgetMessageType, payload: unknown, targetOrigin: string) => {
    parent.postMessage(
      { source: protocolSource, v: protocolVersion, type, embedId, payload },
      targetOrigin,
    );
  };

  const onMessage = (event: MessageEvent) => {
    if (hostOrigin !== undefined || event.source !== parent) return;
    const parsed = hostMessageSchema.safeParse(event.data);
    if (!parsed.success || parsed.data.embedId !== embedId) return;
    hostOrigin = event.origin;
    options.onInit(parsed.data.payload, event.origin);
    for (const [type, payload] of held) post(type as WidgetMessageType, payload, event.origin);
    held.clear();
  };

  self.addEventListener("message", onMessage);
  // Nothing in it but the embedId the host itself chose: safe for any origin to see.
  post("ready", {}, "*");

  return {
    send(type, payload) {
      if (hostOrigin !== undefined) post(type, payload, hostOrigin);
      else if (type === "resize" || type === "page") held.set(type, payload);
    },
    get hostOrigin() {
      return hostOrigin;
    },
    close() {
      self.removeEventListener("message", onMessage);
    },
  };
}
