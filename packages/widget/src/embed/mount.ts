import type { EmbedTheme, WidgetMessage, WidgetMessageType, WidgetPayload } from "./protocol.js";
import { invitationTokenPattern, protocolSource, protocolVersion } from "./protocolConstants.js";
import { readWidgetMessage } from "./readWidgetMessage.js";

/** What a site passes to `Klynge.mount` (or writes as `data-klynge-*` attributes). */
export interface MountOptions {
  /** The embed page, e.g. "https://survey.example.dk/embed/"; its origin is the only one listened to. */
  readonly src: string;
  /** The round to answer. */
  readonly round: string;
  /** Default "da". */
  readonly locale?: "da" | "en";
  readonly theme?: EmbedTheme;
  /** Ask for the answers in `complete`; the widget's server decides whether this site gets them. */
  readonly shareAnswers?: boolean;
  /**
   * A GP's personal invitation token, passed to the widget in `init` (never in the iframe's URL).
   * Default: the host page's own `#klynge-invitation=…`, read and removed by the host script. A
   * token that is not one is not passed on.
   */
  readonly invitation?: string;
  /** The iframe's accessible name. Default "Spørgeskema" / "Questionnaire". */
  readonly title?: string;
  /** Height limits in CSS px for the auto-sizing. Defaults 240 and 4000. */
  readonly minHeight?: number;
  readonly maxHeight?: number;
  readonly onReady?: (payload: WidgetPayload<"ready">) => void;
  readonly onPage?: (payload: WidgetPayload<"page">) => void;
  readonly onResize?: (payload: WidgetPayload<"resize">) => void;
  readonly onComplete?: (payload: WidgetPayload<"complete">) => void;
  readonly onSync?: (payload: WidgetPayload<"sync">) => void;
  readonly onError?: (payload: WidgetPayload<"error">) => void;
}

export interface Mounted {
  readonly iframe: HTMLIFrameElement;
  readonly embedId: string;
  /** Removes the iframe and stops listening. */
  destroy(): void;
}

/** Every widget event is also a DOM event on the container: `klynge:complete` etc. */
export const eventPrefix = "klynge:";

const callbackOf = {
  ready: "onReady",
  page: "onPage",
  resize: "onResize",
  complete: "onComplete",
  sync: "onSync",
  error: "onError",
} as const satisfies Record<WidgetMessageType, keyof MountOptions>;

function newEmbedId(): string {
  return typeof crypto.randomUUID === "function"
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
        b.toString(16).padStart(2, "0"),
      ).join("");
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * Puts the survey into `container` as an iframe that sizes itself to its content. Messages are
 * accepted only from the embed page's origin, from this iframe, with this iframe's embedId.
 */
export function mount(container: Element, options: MountOptions): Mounted {
  const src = new URL(options.src, document.baseURI);
  const widgetOrigin = src.origin;
  const embedId = newEmbedId();
  src.searchParams.set("round", options.round);
  src.searchParams.set("embedId", embedId);
  const locale = options.locale ?? "da";
  const invitation =
    typeof options.invitation === "string" && invitationTokenPattern.test(options.invitation)
      ? options.invitation
      : undefined;
  const minHeight = options.minHeight ?? 240;
  const maxHeight = Math.max(options.maxHeight ?? 4000, minHeight);

  const iframe = document.createElement("iframe");
  iframe.title = options.title ?? (locale === "da" ? "Spørgeskema" : "Questionnaire");
  iframe.style.cssText = `display:block;width:100%;border:0;height:${minHeight}px`;
  // No `allow` features: the survey needs none.
  iframe.setAttribute("loading", "eager");

  const onMessage = (event: MessageEvent) => {
    if (event.origin !== widgetOrigin || event.source !== iframe.contentWindow) return;
    const message = readWidgetMessage(event.data);
    if (message === undefined || message.embedId !== embedId) return;
    handle(message);
  };

  const handle = (message: WidgetMessage) => {
    if (message.type === "ready") {
      iframe.contentWindow?.postMessage(
        {
          source: protocolSource,
          v: protocolVersion,
          type: "init",
          embedId,
          payload: {
            locale,
            ...(options.theme === undefined ? {} : { theme: options.theme }),
            ...(options.shareAnswers === undefined ? {} : { shareAnswers: options.shareAnswers }),
            ...(invitation === undefined ? {} : { invitation }),
          },
        },
        widgetOrigin,
      );
    } else if (message.type === "resize") {
      iframe.style.height = `${Math.ceil(clamp(message.payload.height, minHeight, maxHeight))}px`;
    }
    const callback = options[callbackOf[message.type]] as ((payload: unknown) => void) | undefined;
    try {
      callback?.(message.payload);
    } finally {
      container.dispatchEvent(
        new CustomEvent(`${eventPrefix}${message.type}`, {
          detail: message.payload,
          bubbles: true,
        }),
      );
    }
  };

  // Listening before the iframe loads, so its `ready` is not missed.
  window.addEventListener("message", onMessage);
  iframe.src = src.href;
  container.replaceChildren(iframe);
  return {
    iframe,
    embedId,
    destroy() {
      window.removeEventListener("message", onMessage);
      iframe.remove();
    },
  };
}
