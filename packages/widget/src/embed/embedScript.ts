import { takeFragmentToken } from "../pass/takeFragmentToken.js";
import { type Mounted, type MountOptions, mount } from "./mount.js";

// The host script (`embed.js`): `Klynge.mount(element, options)`, and every
// `<div data-klynge-survey="<round>">` on the page mounted on load. The embed page defaults to
// `frame/` next to this script, so one <script src="https://…/embed.js"> is all a site needs.
// A GP's link to the page may carry `#klynge-invitation=<token>`: read and removed from the
// address bar at once, and passed to the first survey mounted without an invitation of its own.

declare global {
  interface Window {
    Klynge?: { mount: typeof mountWithPage; mountAll: typeof mountAll };
  }
}

const script = document.currentScript as HTMLScriptElement | null;
let pageInvitation = takeFragmentToken("klynge-invitation");

/** `mount`, with the page's own invitation for the first survey that has none. */
function mountWithPage(container: Element, options: MountOptions): Mounted {
  if (options.invitation !== undefined || pageInvitation === undefined)
    return mount(container, options);
  const invitation = pageInvitation;
  pageInvitation = undefined;
  return mount(container, { ...options, invitation });
}
const defaultSrc = script?.src ? new URL("frame/", script.src).href : undefined;

function numberOf(value: string | undefined): number | undefined {
  const parsed = value === undefined ? Number.NaN : Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** Mounts every `[data-klynge-survey]` under `root` not mounted yet. */
export function mountAll(root: ParentNode = document): Mounted[] {
  const mounted: Mounted[] = [];
  for (const element of root.querySelectorAll<HTMLElement>("[data-klynge-survey]")) {
    if (element.dataset.klyngeMounted !== undefined) continue;
    const data = element.dataset;
    const src = data.klyngeSrc ?? defaultSrc;
    const round = data.klyngeSurvey;
    if (src === undefined || round === undefined || round === "") continue;
    element.dataset.klyngeMounted = "";
    const minHeight = numberOf(data.klyngeMinHeight);
    const maxHeight = numberOf(data.klyngeMaxHeight);
    const locale = data.klyngeLocale;
    const options: MountOptions = {
      src,
      round,
      ...(locale === "en" || locale === "da" ? { locale } : {}),
      ...(data.klyngeTitle === undefined ? {} : { title: data.klyngeTitle }),
      ...(data.klyngeInvitation === undefined ? {} : { invitation: data.klyngeInvitation }),
      ...(minHeight === undefined ? {} : { minHeight }),
      ...(maxHeight === undefined ? {} : { maxHeight }),
    };
    mounted.push(mountWithPage(element, options));
  }
  return mounted;
}

window.Klynge = { mount: mountWithPage, mountAll };
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", () => mountAll(), { once: true });
} else {
  mountAll();
}
