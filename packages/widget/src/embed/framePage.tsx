// The iframe page's entry (frame/index.html, built to dist/frame/): survey-core's stylesheet
// without its web font (no request to a third party from a GP's answer page), Klynge's theme, and
// the EmbedApp for the round in the URL (?round=…&embedId=…, set by the host script).
import "survey-core/survey-core.fontless.css";
import "../survey/klynge-survey.css";
import "./embed.css";
import { createRoot } from "react-dom/client";
import { EmbedApp } from "./EmbedApp.js";
import { embedMessages } from "./embedMessages.js";

const params = new URLSearchParams(location.search);
const round = params.get("round");
const embedId = params.get("embedId") ?? undefined;
const locale = params.get("locale") === "en" ? "en" : "da";
const apiMeta = document.querySelector<HTMLMetaElement>('meta[name="klynge-api"]')?.content;
const api = new URL(apiMeta ?? "../api/", location.href);
const root = document.getElementById("root");

if (root !== null) {
  if (round === null || round === "") {
    root.textContent = embedMessages[locale].missingRound;
  } else {
    createRoot(root).render(
      <EmbedApp api={api} roundId={round} embedId={embedId} locale={locale} />,
    );
  }
}
