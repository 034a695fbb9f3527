// The iframe page's entry (frame/index.html, built to dist/frame/): survey-core's stylesheet
// without its web font (no request to a third party from a GP's answer page), Klynge's theme, and
// the EmbedApp for the round in the URL (?round=…&embedId=…, set by the host script). A GP's link
// to the page itself carries the invitation in the fragment (`#invitation=…`): read, removed from
// the address bar, and kept in this history entry's state so a reload still has it. A server that
// rendered the first page (`@klynge/widget/server`) put it in front of the root and the round
// document beside it: the page stays answerable while this loads (its inline script saves what is
// answered meanwhile), and the form takes its place.
import "survey-core/survey-core.fontless.css";
import "../survey/klynge-survey.css";
import "./embed.css";
import { createRoot } from "react-dom/client";
import { messages } from "../messages.js";
import { invitationStateKey, readPageInvitation } from "../pass/readPageInvitation.js";
import { takeFragmentToken } from "../pass/takeFragmentToken.js";
import { EmbedApp } from "./EmbedApp.js";
import { type EarlySave, earlySaveGlobal } from "./earlySaveHandle.js";
import { loadEnglish } from "./loadEnglish.js";
import { createPrerenderedPage } from "./prerenderedPage.js";
import { prerenderIds } from "./prerenderIds.js";

const params = new URLSearchParams(location.search);
const round = params.get("round");
const embedId = params.get("embedId") ?? undefined;
const locale = params.get("locale") === "en" ? "en" : "da";
const apiMeta = document.querySelector<HTMLMetaElement>('meta[name="klynge-api"]')?.content;
const api = new URL(apiMeta ?? "../api/", location.href);
const root = document.getElementById(prerenderIds.root);
const container = document.getElementById(prerenderIds.container);
const prerendered =
  container === null || root === null ? undefined : createPrerenderedPage(container, root);
// Left by the page's inline script (earlySaveEntry.ts), which saved what was answered meanwhile.
const earlySave = (window as unknown as Record<string, EarlySave | undefined>)[earlySaveGlobal];

/** The round document the server embedded, unchecked (EmbedApp has the engine check it). */
function embeddedRound(): unknown {
  const text = document.getElementById(prerenderIds.round)?.textContent;
  if (text === undefined || text === null || text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
const stateKey = invitationStateKey;

function pageInvitation(): string | undefined {
  const kept = readPageInvitation();
  const fromLink = takeFragmentToken("invitation");
  if (fromLink === undefined) return kept;
  const state: unknown = history.state;
  try {
    const others = typeof state === "object" && state !== null ? state : {};
    history.replaceState({ ...others, [stateKey]: fromLink }, "", location.href);
  } catch {
    // Only a reload loses it then; the draft keeps it for the upload.
  }
  return fromLink;
}
const invitation = pageInvitation();

// The English words come in a chunk of their own (vite.frame.config.ts), awaited before anything is
// shown in English: this page's own locale, or a host's `init` that may ask for it. A GP's Danish
// link loads them only for a refusal (PassRefused says it in both languages). Not a top-level
// await: the chunk imports this one.
const english = locale === "en" || embedId !== undefined ? loadEnglish() : undefined;

function show(root: HTMLElement): void {
  if (round === null || round === "") {
    prerendered?.dismiss();
    root.textContent = messages[locale].embed.missingRound;
  } else {
    const roundDocument = embeddedRound();
    createRoot(root).render(
      <EmbedApp
        api={api}
        roundId={round}
        embedId={embedId}
        locale={locale}
        {...(invitation === undefined ? {} : { invitation })}
        {...(roundDocument === undefined ? {} : { roundDocument })}
        {...(prerendered === undefined ? {} : { prerendered })}
        {...(earlySave === undefined ? {} : { earlySave })}
      />,
    );
  }
}

if (root !== null) {
  if (english === undefined) show(root);
  else void english.then(() => show(root));
}
